"""The review of one story; the queue itself is the viewset in ``viewsets.py``."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.log_actions import log
from wagtail.models import PageLogEntry, TaskState

from screening import CATEGORIES
from sharing import spam
from stories.edits import BEFORE_A_DECISION, moderator_edits
from stories.models import AuthorApprovalSettings, StoryPage, Submission, SubmissionPhoto
from stories.services import MessageRefused, post_message

from .actions import AUTHOR_OVERRIDE, SPAM_CHECK_PENDING, ReviewError, ReviewStoryAction
from .forms import ApproveForm, AuthorMessageForm, PhotoDescriptionsForm, ReasonForm
from .models import StoryReviewTaskState
from .panels import review_context
from .permissions import can_review
from .services import latest_report, redact_story
from .tasks import teach_akismet_about_story


def moderators_only(view):
    def wrapper(request, *args, **kwargs):
        if not can_review(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def review_target(request, page_id):
    story = get_object_or_404(StoryPage, pk=page_id)
    task_state = (
        StoryReviewTaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS, workflow_state__object_id=str(story.pk)
        )
        .select_related("workflow_state")
        .first()
    )
    return story, task_state


@moderators_only
def review(request, page_id):
    story, task_state = review_target(request, page_id)
    return render_review(request, story, task_state)


def render_review(request, story, task_state, message_form=None, status=200):
    submission = Submission.objects.filter(story=story).prefetch_related("photos").first()
    thread_page = message_thread(submission, request.GET.get("messages"))
    context = {
        "story": story,
        "task_state": task_state,
        "submission": submission,
        "thread": thread_page.thread if thread_page else [],
        "thread_page": thread_page,
        **author_approval(story, submission),
        "message_form": message_form or AuthorMessageForm(),
        "approve_form": ApproveForm(),
        "photo_form": photo_descriptions_form(submission),
        "reason_form": ReasonForm(),
        "header_title": _("Review: %(title)s") % {"title": story.draft_title},
        "page_title": _("Review"),
        "page_subtitle": story.draft_title,
        "header_icon": "tasks",
        "spam_check_pending": SPAM_CHECK_PENDING,
        **review_context(story),
    }
    context.update(redaction_outcome(request.GET, context["findings"]))
    return render(request, "moderation/admin/review.html", context, status=status)


def author_approval(story, submission):
    """Where the author's approval of the moderators' edits stands: the edits (None if
    the text is the author's), whether publishing waits for it, and the override of
    that wait, if a moderator published before the author approved (who, when, why)."""
    if submission is None:
        return {}
    edits = moderator_edits(submission)
    override = (
        PageLogEntry.objects.filter(page_id=story.pk, action=AUTHOR_OVERRIDE)
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return {
        "edits": edits,
        "edit_rows": edits.fields() if edits is not None else [],
        "awaiting_author": edits is not None
        and edits.awaiting_author
        and submission.state in BEFORE_A_DECISION,
        "publishing_waits": AuthorApprovalSettings.load().wait_for_author,
        "author_override": override,
    }


def message_thread(submission, number=1):
    """A page of the messages between the author and the moderators (the newest
    first; oldest first on each page), with what the screen found in each (its
    category's label and the words), in two queries however long the thread is."""
    if submission is None:
        return None
    page = submission.thread_page(number, queryset=submission.messages.select_related("moderator"))
    for message in page.thread:
        message.finding_items = [
            {**finding, "label": CATEGORIES.get(finding["category"], finding["category"])}
            for finding in message.findings
        ]
    return page


@moderators_only
@require_POST
def message(request, page_id):
    """A moderator writes to the author of the story from the review page."""
    story, task_state = review_target(request, page_id)
    submission = Submission.objects.filter(story=story).first()
    if submission is None:
        raise Http404("This story was not sent in by an author.")
    form = AuthorMessageForm(request.POST)
    if not form.is_valid():
        return render_review(request, story, task_state, message_form=form, status=400)
    try:
        post_message(submission, form.cleaned_data["body"], user=request.user)
    except MessageRefused:
        messages.error(request, _("The author has withdrawn this story: nothing was sent."))
        return redirect("story_moderation:review", story.pk)
    if submission.contact_email:
        messages.success(request, _("Message sent; the author has been emailed."))
    else:
        messages.success(
            request, _("Message kept. The author gave no email address: they see it on their page.")
        )
    return redirect(f"{reverse('story_moderation:review', args=[story.pk])}#messages")


def photo_descriptions_form(submission, data=None):
    """The descriptions a moderator confirms on approval: one for each of the author's
    photos not yet published; None if there are none."""
    if submission is None:
        return None
    photos = [photo for photo in submission.photos.all() if photo.image_id is None]
    return PhotoDescriptionsForm(photos, data) if photos else None


def redaction_outcome(query, findings):
    """Back on the review page after a redaction: where keyboard focus returns (the
    redaction button of the finding now where the redacted one was, or of the last one
    before it, else the findings heading) and what is read out with it."""
    near = query.get("near", "")
    if query.get("redacted") not in ("0", "1") or not near.isdigit():
        return {}
    redactable = [f["index"] for f in findings if f.get("replacement")]
    later = [i for i in redactable if i >= int(near)]
    earlier = [i for i in redactable if i < int(near)]
    focus = later[0] if later else earlier[-1] if earlier else "heading"
    if query["redacted"] == "0":
        status = _("Nothing was redacted: the text has changed since. Try again.")
    elif redactable:
        status = ngettext(
            "Redacted. %(count)d finding can still be redacted.",
            "Redacted. %(count)d findings can still be redacted.",
            len(redactable),
        ) % {"count": len(redactable)}
    else:
        status = _("Redacted. No findings are left to redact.")
    return {"redaction_focus": focus, "redaction_status": status}


def back_to(request, story):
    next_url = request.POST.get("next") or request.GET.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect("story_moderation:review", story.pk)


@moderators_only
@require_POST
def redact(request, page_id):
    story = get_object_or_404(StoryPage, pk=page_id)
    indexes = {int(i) for i in request.POST.getlist("finding") if i.isdigit()}
    category = request.POST.get("category", "")
    revision = redact_story(story, request.user, indexes=indexes or None, category=category or None)
    if revision is None:
        messages.warning(request, _("Nothing was redacted: the text has changed since. Try again."))
    else:
        messages.success(request, _("Redacted. A new revision was saved and screened again."))
    if request.POST.get("next") or request.GET.get("next"):
        return back_to(request, story)
    # Back to the review page, with keyboard focus near the redacted finding (see review).
    query = urlencode({"redacted": int(revision is not None), "near": min(indexes, default=0)})
    return redirect(f"{reverse('story_moderation:review', args=[story.pk])}?{query}")


@moderators_only
@require_POST
def decide(request, page_id):
    story, task_state = review_target(request, page_id)
    if task_state is None:
        messages.error(request, _("This story is not waiting for a decision."))
        return redirect("story_moderation:review", story.pk)
    action = request.POST.get("action", "")
    form_class = ApproveForm if action == ReviewStoryAction.APPROVE else ReasonForm
    form = form_class(request.POST)
    photo_form = None
    if action == ReviewStoryAction.APPROVE:
        submission = Submission.objects.filter(story=story).prefetch_related("photos").first()
        photo_form = photo_descriptions_form(submission, request.POST)
    forms_given = [form] if photo_form is None else [form, photo_form]
    if not all(f.is_valid() for f in forms_given):
        for given in forms_given:
            for errors in given.errors.values():
                for error in errors:
                    messages.error(request, error)
        return redirect("story_moderation:review", story.pk)
    if photo_form is not None:
        photo_form.save()
    try:
        ReviewStoryAction(
            task_state,
            request.user,
            action,
            reason=form.cleaned_data.get("comment", ""),
            override_reason=form.cleaned_data.get("override_reason", ""),
            author_override_reason=form.cleaned_data.get("author_override_reason", ""),
        ).execute()
    except ReviewError as error:
        messages.error(request, str(error))
        return redirect("story_moderation:review", story.pk)
    done = {
        ReviewStoryAction.APPROVE: _("“%(title)s” is approved and published."),
        ReviewStoryAction.REQUEST_CHANGES: _("Changes requested; the author has been emailed."),
        ReviewStoryAction.DECLINE: _("“%(title)s” is declined; the author has been emailed."),
    }[action]
    messages.success(request, done % {"title": story.title})
    return redirect("story_moderation:queue")


@moderators_only
@require_POST
def mark_spam(request, page_id):
    """A moderator overrides Akismet; Akismet is told in the background."""
    story = get_object_or_404(StoryPage, pk=page_id)
    verdict = request.POST.get("verdict")
    if verdict not in (spam.Verdict.SPAM, spam.Verdict.HAM):
        raise Http404
    report = latest_report(story)
    if report is None:
        messages.error(request, _("This story has not been screened yet. Reload to see it."))
        return redirect("story_moderation:review", story.pk)
    submission = Submission.objects.filter(story=story).first()
    if submission is not None:
        submission.mark_in_review()
    report.record_spam_verdict(verdict)
    if spam.is_configured():
        teach_akismet_about_story.enqueue(report.pk, verdict)
    log(
        instance=story,
        action=f"sharing.story.mark_{verdict}",
        user=request.user,
        revision=report.revision,
    )
    if spam.is_configured():
        message = _("Marked as %(verdict)s; Akismet will be told.")
    else:
        message = _("Marked as %(verdict)s. (Akismet is not set up, so it is not told.)")
    messages.success(request, message % {"verdict": spam.Verdict(verdict).label.lower()})
    return redirect("story_moderation:review", story.pk)


@moderators_only
def photo(request, photo_id):
    """A submitted photo, shown only to moderators until the story is approved."""
    item = get_object_or_404(SubmissionPhoto, pk=photo_id)
    response = FileResponse(item.file.open("rb"), content_type=item.content_type)
    response["Cache-Control"] = "private, no-store"
    return response
