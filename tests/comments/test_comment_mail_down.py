"""A reader's comment is kept, and the reader is told to check their email,
whatever the mail server does: the mail goes from a background task."""

import pytest
from django.core import mail
from django_comments_xtd.models import XtdComment

from comments.models import CommentReview
from tests.comments.conftest import CONFIRM_LINK, comment_data

pytestmark = pytest.mark.django_db


def test_a_comment_posted_while_the_mail_server_is_down_waits_and_the_reader_is_asked_to_confirm(
    client, story, smtp_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/comments/post/", comment_data(story, "Thank you for this."), follow=True
        )

    assert response.status_code == 200
    assert "Please confirm your comment" in response.content.decode()
    review = CommentReview.objects.get()
    assert review.comment is None and review.pending_confirmation  # kept for the retry
    assert mail.outbox == []


def test_the_confirmation_mail_goes_when_the_mail_server_is_back(
    client, story, smtp_down, database_worker, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.MAIL_RETRY_DELAYS = (0,)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/comments/post/", comment_data(story, "Thank you for this."))
    queued = DBTaskResult.objects.get(task_path="comments.tasks.send_confirmation_request")
    assert "sam@example.org" not in str(queued.args_kwargs)
    assert "Thank you" not in str(queued.args_kwargs)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # back up
    database_worker()

    assert [m.to for m in mail.outbox] == [["sam@example.org"]]
    assert not CommentReview.objects.exclude(pending_confirmation="").exists()
    link = CONFIRM_LINK.search(mail.outbox[0].body).group()
    client.get(link.split("testserver", 1)[1])
    assert XtdComment.objects.get().comment == "Thank you for this."


def test_a_confirmation_mail_that_never_goes_is_a_failed_task_staff_can_see(
    client,
    story,
    smtp_down,
    database_worker,
    settings,
    moderator,
    django_capture_on_commit_callbacks,
):
    from django.test import Client
    from django_tasks_db.models import DBTaskResult

    settings.MAIL_RETRY_DELAYS = (0, 0)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/comments/post/", comment_data(story, "Thank you.", email="sam.q@example.org"))
    database_worker()

    failed = DBTaskResult.objects.failed().get()
    assert failed.task_path == "comments.tasks.send_confirmation_request"
    assert failed.args_kwargs["kwargs"] == {"attempt": 3}
    staff = Client()
    staff.force_login(moderator)
    html = staff.get("/admin/failed-tasks/").content.decode()
    assert "Send confirmation request" in html and "sam.q" not in html


def test_a_comment_saved_at_once_is_kept_while_the_mail_server_is_down(
    client, story, post_comment, smtp_down, settings, django_capture_on_commit_callbacks
):
    """A browser that has confirmed its address before posts straight away; the
    followers' mail then goes from a task, not the request."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    post_comment(story, "I follow this story.", email="follower@example.org", followup=True)
    post_comment(story, "First of mine.")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"  # down again

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/comments/post/", comment_data(story, "And a second one."), follow=True
        )

    assert response.status_code == 200
    assert XtdComment.objects.filter(comment="And a second one.", is_public=True).exists()


def test_confirming_a_comment_while_the_mail_server_is_down_publishes_it(
    client, story, post_comment, smtp_down, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    post_comment(story, "I follow this story.", email="follower@example.org", followup=True)
    post_comment(story, "Lovely.", email="new.reader@example.org", confirm=False)
    link = CONFIRM_LINK.search(mail.outbox[-1].body).group()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"  # down again

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(link.split("testserver", 1)[1])

    assert response.status_code == 302
    assert XtdComment.objects.get(comment="Lovely.").is_public
