"""The review of one proposal; the queue itself is the viewset in ``viewsets.py``."""

from django import forms
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sharing.admin_views import apply_decision, history_of, only_if, render_admin_page

from .actions import ReviewError, ReviewProposalAction
from .models import Proposal
from .permissions import can_review_proposals
from .review import account_diff, automatic_checks, field_diff, pending_duplicates


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            (ReviewProposalAction.APPROVE, gettext_lazy("Approve and publish")),
            (ReviewProposalAction.REQUEST_CHANGES, gettext_lazy("Ask for changes")),
            (ReviewProposalAction.DECLINE, gettext_lazy("Decline")),
        ]
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason, sent to the representative"),
        help_text=gettext_lazy("Needed to ask for changes or to decline."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )


reviewers_only = only_if(can_review_proposals)


@reviewers_only
def review(request, proposal_id, form=None):
    proposal = get_object_or_404(
        Proposal.objects.select_related("organisation", "decided_by"), pk=proposal_id
    )
    context = {
        "proposal": proposal,
        "fields": field_diff(proposal),
        "accounts": account_diff(proposal),
        "checks": automatic_checks(proposal),
        "duplicates": pending_duplicates(proposal)[:10],
        "history": history_of(proposal),
        "form": form or DecisionForm(),
    }
    return render_admin_page(
        request,
        "directory/admin/review.html",
        context,
        title=_("Review"),
        subtitle=proposal.name,
        heading=_("Review: %(name)s") % {"name": proposal.name},
        icon="list-ul",
        status=400 if form is not None else 200,
    )


@reviewers_only
@require_POST
def decide(request, proposal_id):
    proposal = get_object_or_404(Proposal, pk=proposal_id)

    def done(action):
        return {
            ReviewProposalAction.APPROVE: _("“%(name)s” is approved and listed in the directory."),
            ReviewProposalAction.REQUEST_CHANGES: _(
                "Changes requested for “%(name)s”; the representative has been emailed."
            ),
            ReviewProposalAction.DECLINE: _(
                "“%(name)s” is declined; the representative has been emailed."
            ),
        }[action] % {"name": proposal.name}

    return apply_decision(
        request,
        DecisionForm(request.POST),
        action_for=lambda action, reason: ReviewProposalAction(
            proposal, request.user, action, reason=reason
        ),
        error_class=ReviewError,
        error_field=lambda error: "reason" if "reason" in str(error) else None,
        done=done,
        success_url="directory_moderation:queue",
        again=lambda form: review(request, proposal_id, form=form),
    )
