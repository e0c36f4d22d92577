"""Background work of story moderation: the Akismet check and urgent notices."""

import logging

from django.conf import settings
from django.core.cache import cache
from django_tasks import task

from sharing import spam

logger = logging.getLogger(__name__)


SUBMISSION_IP_SECONDS = 60 * 60


def submission_ip_key(submission):
    return f"moderation:submission-ip:{submission.pk}"


@task()
def check_story_spam(report_id):
    from stories.models import Submission

    from .models import ScreeningReport
    from .services import set_spam_verdict

    report = ScreeningReport.objects.filter(pk=report_id).first()
    if report is None:
        return None
    submission = Submission.objects.filter(story_id=report.page_id).first()
    verdict = spam.check(**akismet_arguments(submission, report.revision.as_object()))
    set_spam_verdict(report, verdict)
    return str(verdict)


@task()
def notify_moderators_urgent(submission_id):
    from stories.models import Submission
    from stories.tasks import absolute_url, moderator_addresses, send_templated_mail

    submission = Submission.objects.filter(pk=submission_id).first()
    if submission is None:
        return False
    context = {
        "submission": submission,
        "review_url": absolute_url(f"/admin/story-queue/{submission.story_id}/"),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    return send_templated_mail("moderators_urgent", context, moderator_addresses())


def akismet_arguments(submission, page):
    """What Akismet is told about a story: its text and, while we still have them,
    its author's details (the IP address is kept only briefly, in the cache)."""
    return {
        "user_ip": cache.get(submission_ip_key(submission)) if submission else "",
        "comment_type": "blog-post",
        "comment_content": f"{page.title}\n\n{page.body}",
        "comment_author": getattr(submission, "name", ""),
        "comment_author_email": getattr(submission, "contact_email", ""),
        "user_agent": getattr(submission, "user_agent", ""),
    }
