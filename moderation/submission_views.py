"""A submission's page in the admin, and the access and erasure requests of the person
who sent it; the list of submissions is the viewset in ``viewsets.py``."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from stories.access import comments_of_submitter, submissions_of_submitter
from stories.models import Submission

from .actions import EraseSubmitterAction, ExportSubmitterAction
from .forms import EraseSubmitterForm
from .permissions import can_review
from .views import moderators_only


def page_context(submission, subtitle):
    return {
        "submission": submission,
        "header_title": submission.reference,
        "page_title": subtitle,
        "page_subtitle": submission.reference,
        "header_icon": "doc-full",
    }


def submitter_context(submission):
    """The submitter's submissions and comments, in a fixed number of queries."""
    return {
        "submissions": list(submissions_of_submitter(submission).prefetch_related("photos")),
        "comment_count": comments_of_submitter(submission.contact_email).count(),
        "in_review": submission.story is not None
        and submission.story.current_workflow_task is not None,
    }


@moderators_only
def submission(request, submission_id):
    submission = get_object_or_404(Submission.objects.select_related("story"), pk=submission_id)
    context = {
        **page_context(submission, _("Submission")),
        **submitter_context(submission),
        "can_review": can_review(request.user),
    }
    return render(request, "moderation/admin/submissions/detail.html", context)


@moderators_only
@require_POST
def export(request, submission_id):
    """The access request's download: a ZIP of everything held about the submitter."""
    submission = get_object_or_404(Submission, pk=submission_id)
    filename, content = ExportSubmitterAction(submission, request.user).execute()
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@moderators_only
@require_http_methods(["GET", "POST"])
def erase(request, submission_id):
    """The erasure request: what will be erased, a confirmation, then the erasure."""
    submission = get_object_or_404(Submission.objects.select_related("story"), pk=submission_id)
    if submission.erased_at is not None:
        messages.info(request, _("%(reference)s is already erased.") % {"reference": submission})
        return redirect("submissions:detail", submission.pk)
    form = EraseSubmitterForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        erased = EraseSubmitterAction(submission, request.user).execute()
        references = ", ".join(s.reference for s in erased)
        messages.success(
            request,
            ngettext(
                "Erased %(references)s: only the reference is left, as the record of the erasure.",
                "Erased %(references)s: only the references are left, as the record of the "
                "erasure.",
                len(erased),
            )
            % {"references": references},
        )
        return redirect("submissions:detail", submission.pk)
    context = {
        **page_context(submission, _("Erase")),
        **submitter_context(submission),
        "form": form,
    }
    status = 400 if form.is_bound else 200
    return render(request, "moderation/admin/submissions/erase.html", context, status=status)
