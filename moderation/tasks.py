"""Background work of story moderation: the Akismet check of a story."""

import logging

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
    return str(verdict)


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


def akismet_arguments(submission, page):
    """What Akismet is told about a story: its text and, while we still have them,
    its author's details (the IP address is kept only briefly, in the cache)."""
    return {
        "user_ip": cached_submitter_ip(submission) if submission else "",
        "comment_type": "blog-post",
        "comment_content": f"{page.title}\n\n{page.body}",
        "comment_author": getattr(submission, "name", ""),
        "comment_author_email": getattr(submission, "contact_email", ""),
        "user_agent": getattr(submission, "user_agent", ""),
    }
