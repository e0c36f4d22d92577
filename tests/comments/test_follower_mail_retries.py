"""A comment's followers are each mailed once, however the mail server fails: a
retry after it went down midway mails only those who had not had theirs."""

import pytest
from django.core import mail

from comments.actions import ModerateComments
from comments.models import Decision
from tests.factories import CommentFactory
from tests.mail_backends import FailingAfterBackend

pytestmark = pytest.mark.django_db

FOLLOWERS = ["ada@example.org", "ben@example.org", "cai@example.org"]


@pytest.fixture
def flaky_mail_server(settings):
    settings.EMAIL_BACKEND = "tests.mail_backends.FailingAfterBackend"
    FailingAfterBackend.capacity = 0
    yield FailingAfterBackend
    FailingAfterBackend.capacity = 0


def a_minute_later():
    """The retries queued for a minute from now are due (the worker's clock moved on)."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def followups(text):
    return sorted(address for m in mail.outbox if text in m.body for address in m.to)


def test_a_retry_after_the_mail_server_failed_midway_mails_each_follower_once(
    story,
    moderator,
    flaky_mail_server,
    database_worker,
    settings,
    django_capture_on_commit_callbacks,
):
    from django_tasks_db.models import DBTaskResult

    settings.MAIL_RETRY_DELAYS = (60, 60)
    for email in FOLLOWERS:
        CommentFactory(target=story, user_email=email, followup=True, comment="Following.")
    held = CommentFactory(target=story, user_email="kim@example.org", comment="Ring 555-201-7788.")
    assert not held.is_public

    # The mail server takes one mail, then goes down.
    flaky_mail_server.capacity = 1
    with django_capture_on_commit_callbacks(execute=True):
        ModerateComments(
            [held], user=moderator, action=Decision.APPROVE, override_reason="A clinic line"
        ).execute()
    database_worker()
    assert len(followups("555-201-7788")) == 1
    waiting = DBTaskResult.objects.filter(
        status="READY", task_path="comments.tasks.notify_follower"
    )
    assert waiting.count() == 2  # the other two, to be tried again

    flaky_mail_server.capacity = 100  # back up
    a_minute_later()
    database_worker()

    assert followups("555-201-7788") == FOLLOWERS
    assert not DBTaskResult.objects.failed().exists()


def test_a_follower_who_stops_following_before_their_mail_goes_is_not_mailed(
    story,
    moderator,
    flaky_mail_server,
    database_worker,
    settings,
    django_capture_on_commit_callbacks,
):
    from django_comments_xtd.models import XtdComment

    settings.MAIL_RETRY_DELAYS = (60, 60)
    for email in FOLLOWERS[:2]:
        CommentFactory(target=story, user_email=email, followup=True, comment="Following.")
    held = CommentFactory(target=story, user_email="kim@example.org", comment="Ring 555-201-7788.")
    flaky_mail_server.capacity = 0  # down
    with django_capture_on_commit_callbacks(execute=True):
        ModerateComments(
            [held], user=moderator, action=Decision.APPROVE, override_reason="A clinic line"
        ).execute()
    database_worker()
    XtdComment.objects.filter(user_email=FOLLOWERS[0]).update(followup=False)  # muted

    flaky_mail_server.capacity = 100
    a_minute_later()
    database_worker()

    assert followups("555-201-7788") == FOLLOWERS[1:2]
