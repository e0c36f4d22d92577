"""Screening stories, redacting them and recording what moderators decide."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from screening import ENGINE_VERSION, SAFETY, screen
from sharing import spam
from stories.models import Submission
from stories.placeholders import placeholder

from .models import ScreeningReport, ScreeningTask, StoryReviewTask
from .notifications import notify_moderators_urgent
from .tasks import check_story_spam

logger = logging.getLogger(__name__)

WORKFLOW_NAME = "Story moderation"
SCREENED_FIELDS = ("title", "summary", "body")


def set_up_story_workflow(index, moderators):
    """The "Story moderation" workflow on the story index: screen, then moderators review."""
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        screening, _ = ScreeningTask.objects.get_or_create(name="Screening")
        review, _ = StoryReviewTask.objects.get_or_create(name="Moderators review")
        review.groups.add(moderators)
        WorkflowTask.objects.create(workflow=workflow, task=screening, sort_order=0)
        WorkflowTask.objects.create(workflow=workflow, task=review, sort_order=1)
    for review in StoryReviewTask.objects.filter(workflow_tasks__workflow=workflow):
        review.groups.add(moderators)
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def start_story_moderation(story):
    """Put a submitted story into the workflow: it is screened and queued for moderators.

    Called after the submission is committed; a failure here is logged and the
    draft simply waits, unpublished, for a moderator to find it.
    """
    workflow = story.get_workflow()
    if workflow is None:
        logger.error("No moderation workflow for story %s: it waits as a draft", story.pk)
        return None
    try:
        return workflow.start(story, user=None)  # atomic: a failure leaves nothing of it
    except Exception:
        logger.exception("Could not start moderation of story %s", story.pk)
        return None


def send_to_review(story, user):
    """A story's saved revision goes to the "Story moderation" workflow rather than live.

    Returns the workflow state it waits in (a new one, or the one it was already
    in), or None if the story has no workflow (it then stays a draft).
    """
    workflow_state = story.current_workflow_state
    if workflow_state is not None:
        return workflow_state
    workflow = story.get_workflow()
    if workflow is None:
        logger.error("No moderation workflow for story %s: it waits as a draft", story.pk)
        return None
    return workflow.start(story, user)


def screened_texts(revision):
    """The revision's texts, read from its content: they are plain fields, so the
    page need not be rebuilt from it (``as_object()``, six queries) to read them."""
    content = revision.content or {}
    return {field: content.get(field) or "" for field in SCREENED_FIELDS}


def screen_revision(revision):
    """The revision's screening report, made now if it has none. Never raises for the screen.

    Called for every new revision of a story (``signal_handlers``) and, to be
    sure, by the workflow's screening task and before an approval.
    """
    existing = ScreeningReport.objects.filter(revision=revision).first()
    if existing is not None:
        return existing
    submission = Submission.objects.filter(story_id=revision.object_id).first()
    role = getattr(submission, "role", None) or (revision.content or {}).get("author_role")
    findings = []
    for field, text in screened_texts(revision).items():
        try:
            found = screen(text, kind="story", role=role, learned=settings.SCREEN_LEARNED)
        except Exception:
            logger.exception("The screen failed on revision %s (%s)", revision.pk, field)
            found = []
        for finding in found:
            findings.append(
                {**finding.to_dict(), "field": field, "text": text[finding.start : finding.end]}
            )
    counts = {}
    for finding in findings:
        counts[finding["category"]] = counts.get(finding["category"], 0) + 1
    previous = ScreeningReport.objects.filter(page_id=revision.object_id).order_by("-pk").first()
    report = ScreeningReport.objects.create(
        revision=revision,
        page_id=revision.object_id,
        findings=findings,
        counts=counts,
        blocking=sum(1 for f in findings if f["severity"] == "block"),
        crisis=any(f["category"] in SAFETY for f in findings),
        engine_version=ENGINE_VERSION,
        **spam_verdict_for(revision, previous, submission),
    )
    if submission is not None and report.crisis and submission.mark_urgent():
        transaction.on_commit(lambda: notify_moderators_urgent.enqueue(submission.pk))
    return report


def spam_verdict_for(revision, previous, submission):
    """A moderator's or an editor's edit keeps the verdict on the text before it;
    an author's text waits for Akismet; a story nobody submitted is not checked."""
    if previous is not None and revision.user_id:
        return {"spam_verdict": previous.spam_verdict, "spam_checked_at": previous.spam_checked_at}
    if submission is not None:
        return {"spam_verdict": "pending", "spam_checked_at": None}
    return {"spam_verdict": spam.Verdict.UNCHECKED, "spam_checked_at": None}


def request_spam_check(report):
    """Ask Akismet about the author's text of a submitted story, in the background,
    once the transaction commits. Only the author's own revisions wait for a verdict."""
    if report.spam_verdict != "pending":
        return
    if not Submission.objects.filter(story_id=report.page_id).exists():
        return
    transaction.on_commit(lambda: check_story_spam.enqueue(report.pk))


def expire_pending_spam_checks():
    """Record as "not checked" the spam checks still pending after
    ``SPAM_CHECK_MAX_WAIT`` seconds: their task never ran to its end. Returns how many."""
    cutoff = timezone.now() - timedelta(seconds=settings.SPAM_CHECK_MAX_WAIT)
    stale = ScreeningReport.objects.filter(spam_verdict="pending", created_at__lt=cutoff)
    count = stale.update(spam_verdict=spam.Verdict.UNCHECKED, spam_checked_at=timezone.now())
    if count:
        logger.warning("%s story spam checks never ended: recorded as not checked", count)
    return count


def latest_report(page):
    """The screening report of the page's latest revision, or None if it has none yet."""
    if page.latest_revision_id is None:
        return None
    return ScreeningReport.objects.filter(revision_id=page.latest_revision_id).first()


def redact_story(page, user, *, indexes=None, category=None):
    """Replace the chosen findings of the latest revision with their placeholders.

    Saves (and so screens) a new revision; returns it, or None if nothing changed.
    """
    report = latest_report(page)
    if report is None:
        return None
    chosen = [
        finding
        for i, finding in enumerate(report.findings)
        if finding.get("replacement")
        and (
            (indexes is not None and i in indexes) or (category and finding["category"] == category)
        )
    ]
    if not chosen:
        return None
    draft = report.revision.as_object()
    for field in SCREENED_FIELDS:
        text = getattr(draft, field, "") or ""
        spans = sorted(
            (f for f in chosen if f["field"] == field), key=lambda f: f["start"], reverse=True
        )
        last_start = len(text) + 1
        for finding in spans:
            if (
                finding["end"] > last_start
                or text[finding["start"] : finding["end"]] != finding["text"]
            ):
                continue  # overlaps one already replaced, or the text moved: leave it
            # The placeholder in the story's language ("[nombre]" in a Spanish one).
            replacement = placeholder(finding["category"], draft.language, finding["replacement"])
            text = text[: finding["start"]] + replacement + text[finding["end"] :]
            last_start = finding["start"]
        setattr(draft, field, text)
    revision = draft.save_revision(user=user, log_action=True)
    submission = Submission.objects.filter(story_id=page.pk).first()
    if submission is not None:
        submission.mark_in_review()  # the author sees that a moderator is at work on it
    log(
        instance=draft,
        action="sharing.story.redact",
        user=user,
        revision=revision,
        data={
            "count": len(chosen),
            "categories": sorted({f["category"] for f in chosen}),
        },
    )
    return revision
