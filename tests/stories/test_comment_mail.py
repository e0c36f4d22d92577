"""Authors who ask for it hear of comments on their published story: one mail a day
at most, with an unsubscribe link that asks before it changes anything."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from stories.models import Submission
from stories.services import send_comment_digests
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(submit, moderator_client, django_capture_on_commit_callbacks):
    """A story sent in with mail about comments asked for, approved and live."""

    def publish(**form):
        submission = submit(**form)
        with django_capture_on_commit_callbacks(execute=True):
            moderator_client.post(
                f"/admin/story-queue/{submission.story_id}/decide/", {"action": "approve"}
            )
        submission.refresh_from_db()
        assert submission.story.live
        mail.outbox.clear()
        return submission

    return publish


def digests():
    return [m for m in mail.outbox if "new comment" in m.subject]


def run_job(django_capture_on_commit_callbacks, now=None):
    with django_capture_on_commit_callbacks(execute=True):
        return send_comment_digests(now=now)


def test_the_share_form_asks_and_the_answer_is_kept(submit, client):
    assert "Email me when readers comment on my story" in client.get("/share/").content.decode()
    assert submit(comment_mail="on").comment_mail
    assert not submit(title="Another one").comment_mail


def test_the_status_page_turns_the_mail_on_and_off_with_a_post(submit):
    submission = submit()
    author = Client(enforce_csrf_checks=True)
    page = author.get(submission.get_status_url()).content.decode()
    assert "Email me about comments" in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    url = f"{submission.get_status_url()}comment-mail/"

    assert author.post(url, {"comment_mail": "on"}).status_code == 403  # no CSRF token
    assert author.get(url).status_code == 405
    response = author.post(url, {"comment_mail": "on", "csrfmiddlewaretoken": token}, follow=True)
    assert "at most once a day" in response.content.decode()
    submission.refresh_from_db()
    assert submission.comment_mail
    assert "Stop emails about comments" in response.content.decode()

    author.post(url, {"comment_mail": "off", "csrfmiddlewaretoken": token})
    submission.refresh_from_db()
    assert not submission.comment_mail


def test_one_mail_a_day_at_most_and_only_when_there_are_new_comments(
    published, django_capture_on_commit_callbacks
):
    submission = published(comment_mail="on")
    quiet = published(title="A story nobody commented on", comment_mail="on")
    not_asked = published(title="A story whose author did not ask", email="n@example.org")
    story = submission.story
    CommentFactory(target=story, comment="Thank you for sharing this.")
    CommentFactory(target=story, comment="My father was on the same ward.")
    CommentFactory(target=not_asked.story, comment="A comment nobody is told of.")

    assert run_job(django_capture_on_commit_callbacks) == 1

    [digest] = digests()
    assert digest.to == ["rosalind@example.org"]
    assert digest.subject.startswith("2 new comments on your story")
    assert story.full_url in digest.body
    assert "/share/comment-mail/stop/" in digest.body
    assert "Thank you for sharing" not in digest.body  # a count and a link, not the comments
    quiet.refresh_from_db()
    assert quiet.comment_mail_sent_at is None  # nothing new on it: no mail, no day used

    # Within the day: a new comment waits for tomorrow's mail.
    CommentFactory(target=story, comment="Wishing you well.")
    assert run_job(django_capture_on_commit_callbacks) == 0
    assert run_job(django_capture_on_commit_callbacks, timezone.now() + timedelta(hours=23)) == 0
    assert len(digests()) == 1

    tomorrow = timezone.now() + timedelta(days=1, minutes=1)
    assert run_job(django_capture_on_commit_callbacks, tomorrow) == 1
    assert len(digests()) == 2
    assert digests()[-1].subject.startswith("A new comment on your story")  # only the new one
    # Nothing new since: no mail, however often the job runs.
    assert run_job(django_capture_on_commit_callbacks, tomorrow + timedelta(days=2)) == 0
    assert len(digests()) == 2


def test_the_scheduled_jobs_send_the_digest(published, django_capture_on_commit_callbacks):
    submission = published(comment_mail="on")
    CommentFactory(target=submission.story, comment="Thank you for sharing this.")
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_scheduled_jobs", stdout=out)

    assert "send_comment_digests: ok" in out.getvalue()
    assert len(digests()) == 1


def test_the_unsubscribe_link_asks_and_only_a_post_unsubscribes(
    published, django_capture_on_commit_callbacks
):
    submission = published(comment_mail="on")
    CommentFactory(target=submission.story, comment="Thank you for sharing this.")
    run_job(django_capture_on_commit_callbacks)
    [digest] = digests()
    path = re.search(r"https?://[^/\s]+(/share/comment-mail/stop/\S+)", digest.body).group(1)
    reader = Client(enforce_csrf_checks=True)

    page = reader.get(path)  # a mail scanner, a link preview, a click
    html = page.content.decode()
    assert page.status_code == 200
    assert "Stop the daily emails" in html and '<form method="post"' in html
    submission.refresh_from_db()
    assert submission.comment_mail  # opening the page changed nothing

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    done = reader.post(path, {"csrfmiddlewaretoken": token})
    assert "we will not email you about comments" in done.content.decode()
    submission.refresh_from_db()
    assert not submission.comment_mail

    CommentFactory(target=submission.story, comment="Another comment.")
    later = timezone.now() + timedelta(days=2)
    assert run_job(django_capture_on_commit_callbacks, later) == 0


def test_a_link_that_is_not_ours_is_refused_clearly(client):
    response = client.get("/share/comment-mail/stop/not-a-real-link/")
    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()
    assert client.post("/share/comment-mail/stop/not-a-real-link/").status_code == 400


def test_a_withdrawal_stops_the_mail(published, client, django_capture_on_commit_callbacks):
    submission = published(comment_mail="on")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{submission.get_status_url()}withdraw/")
    record = Submission.objects.get(pk=submission.pk)
    assert not record.comment_mail and record.comment_mail_sent_at is None
    assert run_job(django_capture_on_commit_callbacks) == 0
