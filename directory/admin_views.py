"""The review of one proposal; the queue itself is the viewset in ``viewsets.py``."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

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


def reviewers_only(view):
    def wrapper(request, *args, **kwargs):
        if not can_review_proposals(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


@reviewers_only
def review(request, proposal_id, form=None):
    proposal = get_object_or_404(
        Proposal.objects.select_related("organisation", "decided_by"), pk=proposal_id
    )
    history = (
        ModelLogEntry.objects.for_instance(proposal).select_related("user").order_by("-timestamp")
    )
    context = {
        "proposal": proposal,
        "fields": field_diff(proposal),
        "accounts": account_diff(proposal),
        "checks": automatic_checks(proposal),
        "duplicates": pending_duplicates(proposal)[:10],
        "history": history,
        "form": form or DecisionForm(),
        "header_title": _("Review: %(name)s") % {"name": proposal.name},
        "page_title": _("Review"),
        "page_subtitle": proposal.name,
        "header_icon": "list-ul",
    }
    return render(
        request,
        "directory/admin/review.html",
        context,
        status=400 if form is not None else 200,
    )


@reviewers_only
@require_POST
def decide(request, proposal_id):
    proposal = get_object_or_404(Proposal, pk=proposal_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return review(request, proposal_id, form=form)
    action = form.cleaned_data["action"]
    try:
        ReviewProposalAction(
            proposal, request.user, action, reason=form.cleaned_data["reason"]
        ).execute()
    except ReviewError as error:
        form.add_error("reason" if "reason" in str(error) else None, str(error))
        return review(request, proposal_id, form=form)
    done = {
        ReviewProposalAction.APPROVE: _("“%(name)s” is approved and listed in the directory."),
        ReviewProposalAction.REQUEST_CHANGES: _(
            "Changes requested for “%(name)s”; the representative has been emailed."
        ),
        ReviewProposalAction.DECLINE: _(
            "“%(name)s” is declined; the representative has been emailed."
        ),
    }[action]
    messages.success(request, done % {"name": proposal.name})
    return redirect("directory_moderation:queue")
