"""Background work of story moderation: the Akismet check of a story."""

import logging
from datetime import UTC

from django.conf import settings
from django.core.cache import cache
from django_tasks import task

from sharing import spam
from stories.models import Submission

from .models import ScreeningReport

logger = logging.getLogger(__name__)

SUBMISSION_IP_SECONDS = 60 * 60


def submission_ip_key(submission):
    return f"moderation:submission-ip:{submission.pk}"


def remember_submitter_ip(submission, ip_address):
    """Keep the submitter's address briefly, in the cache only, for the spam check.

    A cache that is down costs the spam check its IP address, nothing more.
    """
    if not ip_address:
        return
    try:
        cache.set(submission_ip_key(submission), ip_address, SUBMISSION_IP_SECONDS)
    except Exception:
        logger.exception("Could not keep the IP address of %s for the spam check", submission)


def forget_submitter_ip(submission):
    try:
        cache.delete(submission_ip_key(submission))
    except Exception:
        logger.exception("Could not forget the IP address of %s", submission)


def cached_submitter_ip(submission):
    try:
        return cache.get(submission_ip_key(submission)) or ""
    except Exception:
        logger.exception("Could not read the IP address of %s", submission)
        return ""


@task()
def check_story_spam(report_id):
    report = ScreeningReport.objects.filter(pk=report_id).first()
    if report is None:
        return None
    submission = Submission.objects.filter(story_id=report.page_id).first()
    verdict = spam.check(**akismet_arguments(submission, report.revision.as_object()))
    report.record_spam_verdict(verdict)
    moderators_edits_since(report).update(
        spam_verdict=verdict, spam_checked_at=report.spam_checked_at
    )
    return str(verdict)


def moderators_edits_since(report):
    """The reports of the moderators' revisions made after the author's text ``report``
    was sent to Akismet and before the author's next one: they took its "Checking"
    (``services.spam_verdict_for``) and wait for the same verdict."""
    later = ScreeningReport.objects.filter(page_id=report.page_id, pk__gt=report.pk)
    next_authors = later.filter(revision__user__isnull=True).order_by("pk").first()
    if next_authors is not None:
        later = later.filter(pk__lt=next_authors.pk)
    return later.filter(spam_verdict="pending", revision__user__isnull=False)


@task()
def teach_akismet_about_story(report_id, verdict):
    """A moderator's spam verdict on a story, told to Akismet (``submit_spam`` or
    ``submit_ham``). Queued with the report's id only; nothing is sent if the
    story has been erased since."""
    report = ScreeningReport.objects.select_related("revision").filter(pk=report_id).first()
    if report is None:
        return False
    submission = Submission.objects.filter(story_id=report.page_id).first()
    arguments = akismet_arguments(submission, report.revision.as_object())
    if verdict == spam.Verdict.SPAM:
        return spam.submit_spam(**arguments)
    return spam.submit_ham(**arguments)


STORY_CONTENT_CHOICES = ("metadata", "full")


def akismet_arguments(submission, page):
    """What Akismet is told about a story, as ``AKISMET_STORY_CONTENT`` says.

    "metadata" (the default): how and when it was sent, while we still know it
    (the submitter's IP address, kept briefly in the cache, their browser's user
    agent, the date), and nothing the submitter wrote: no title, text, name or
    email. "full": the title and text and the author's name and email as well.
    """
    sent_at = getattr(submission, "created_at", None)
    arguments = {
        "user_ip": cached_submitter_ip(submission) if submission else "",
        "comment_type": "blog-post",
        "user_agent": getattr(submission, "user_agent", ""),
        "comment_date_gmt": sent_at.astimezone(UTC).isoformat() if sent_at else "",
    }
    if settings.AKISMET_STORY_CONTENT == "full":
        arguments.update(
            comment_content=f"{page.title}\n\n{page.body}",
            comment_author=getattr(submission, "name", ""),
            comment_author_email=getattr(submission, "contact_email", ""),
        )
    return arguments
