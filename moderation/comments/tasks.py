"""Background work for comments (django-tasks: immediate in dev and tests, the
database worker in production)."""

import logging
from smtplib import SMTPException

from django_comments_xtd.models import XtdComment
from django_comments_xtd.views import notify_comment_followers
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def notify_followers_task(comment_id: int) -> int:
    """Tell the readers following a story of a comment that has just been published."""
    comment = XtdComment.objects.filter(pk=comment_id, is_public=True, is_removed=False).first()
    if comment is None:
        return 0
    try:
        notify_comment_followers(comment)
    except (SMTPException, OSError):
        logger.exception("Follow-up mail about comment %s not sent", comment_id)
        return 0
    return 1
