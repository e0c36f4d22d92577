import logging

import pytest

from comments.actions import ModerateComments
from comments.models import Decision, ReviewState
from sharing import spam

pytestmark = pytest.mark.django_db

ARGUMENTS = {"user_ip": "203.0.113.9", "comment_content": "Hello", "comment_type": "comment"}


def test_check_without_an_api_key_is_not_done(settings):
    settings.AKISMET_API_KEY = ""

    assert spam.check(**ARGUMENTS) == spam.Verdict.UNCHECKED
    assert spam.submit_spam(**ARGUMENTS) is False


def test_check_reads_akismets_verdict(akismet_ham, settings):
    assert spam.check(**ARGUMENTS) == spam.Verdict.HAM
    settings.AKISMET_CLIENT_CLASS = "tests.akismet_clients.SpamClient"
    assert spam.check(**ARGUMENTS) == spam.Verdict.SPAM
    path, data = akismet_ham[-1]
    assert path == "/1.1/comment-check"
    assert data["comment_content"] == "Hello"
    assert data["user_ip"] == "203.0.113.9"


def test_unreachable_akismet_is_logged_and_not_done(akismet_unreachable, caplog):
    with caplog.at_level(logging.WARNING, logger="sharing.spam"):
        assert spam.check(**ARGUMENTS) == spam.Verdict.UNCHECKED
        assert spam.submit_ham(**ARGUMENTS) is False

    assert "Akismet check not done" in caplog.text


def test_spam_comment_is_held_as_spam(client, story, post_comment, akismet_spam):
    comment, response = post_comment(story, "Great story, thanks for sharing it.")

    assert not comment.is_public
    assert comment.review.state == ReviewState.SUSPECTED_SPAM
    assert comment.review.spam_verdict == spam.Verdict.SPAM
    assert "awaits moderation" in response.content.decode()
    assert "Great story" not in client.get(story.url).content.decode()
    path, data = akismet_spam[0]
    assert path == "/1.1/comment-check"
    assert data["comment_author_email"] == "sam@example.org"
    assert data["permalink"].endswith(story.url)


def test_ham_comment_is_published(story, post_comment, akismet_ham):
    comment, _ = post_comment(story, "Great story, thanks for sharing it.")

    assert comment.is_public
    assert comment.review.spam_verdict == spam.Verdict.HAM


def test_akismet_answering_with_an_error_is_logged_and_not_done(settings, caplog):
    settings.AKISMET_API_KEY = "test-key"
    settings.AKISMET_CLIENT_CLASS = "tests.akismet_clients.ErroringClient"
    with caplog.at_level(logging.WARNING, logger="sharing.spam"):
        assert spam.check(**ARGUMENTS) == spam.Verdict.UNCHECKED

    assert "Akismet check not done" in caplog.text


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Great story, thanks for sharing it.", ReviewState.SPAM_UNCHECKED),
        ("Call me on 555-201-7788.", ReviewState.HELD),
    ],
)
def test_akismet_giving_no_verdict_holds_the_comment_for_a_moderator_saying_why(
    client, story, post_comment, akismet_failing, moderator, text, state
):
    """Set up but unreachable or erroring, Akismet has checked nothing: a comment
    the screen would let through waits for a moderator rather than going up unchecked."""
    comment, response = post_comment(story, text)

    assert comment.comment == text  # kept as written
    assert comment.is_public is False
    assert comment.review.state == state
    assert comment.review.spam_verdict == spam.Verdict.UNCHECKED
    assert "awaits moderation" in response.content.decode()
    assert text not in client.get(story.url).content.decode()
    client.force_login(moderator)
    row = client.get("/admin/comments/").content.decode()
    assert "Spam check not done" in row
    if state == ReviewState.SPAM_UNCHECKED:
        assert "Held: the spam check could not be done" in row


def test_approving_a_comment_held_because_akismet_was_down_publishes_it_and_tells_followers(
    story, post_comment, akismet_unreachable, moderator, django_capture_on_commit_callbacks
):
    from django.core import mail

    from tests.factories import CommentFactory

    CommentFactory(target=story, user_email="follower@example.org", followup=True)
    comment, _ = post_comment(story, "Thank you for writing this.", email="kim@example.org")
    assert comment.review.state == ReviewState.SPAM_UNCHECKED
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        ModerateComments([comment], user=moderator, action=Decision.APPROVE).execute()

    comment.refresh_from_db()
    assert comment.is_public
    assert [m.to for m in mail.outbox] == [["follower@example.org"]]


def test_without_an_api_key_the_screen_decides_alone(story, post_comment, settings):
    settings.AKISMET_API_KEY = ""
    comment, _ = post_comment(story, "Great story, thanks for sharing it.")

    assert comment.is_public
    assert comment.review.state == ReviewState.PUBLISHED
    assert comment.review.spam_verdict == spam.Verdict.UNCHECKED


def test_approving_what_akismet_called_spam_sends_ham_feedback(
    story, post_comment, akismet_spam, moderator, django_capture_on_commit_callbacks
):
    comment, _ = post_comment(story, "Great story, thanks for sharing it.")
    akismet_spam.clear()

    with django_capture_on_commit_callbacks(execute=True):
        ModerateComments([comment], user=moderator, action=Decision.NOT_SPAM).execute()

    comment.refresh_from_db()
    assert comment.is_public
    assert [path for path, _data in akismet_spam] == ["/1.1/submit-ham"]
    assert akismet_spam[0][1]["comment_content"] == "Great story, thanks for sharing it."


def test_marking_as_spam_what_akismet_let_through_sends_spam_feedback(
    client, story, post_comment, akismet_ham, moderator, django_capture_on_commit_callbacks
):
    comment, _ = post_comment(story, "Call me on 555-201-7788.")
    akismet_ham.clear()

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/comments/decide/", {"comment": [comment.pk], "action": "spam"})

    comment.refresh_from_db()
    assert not comment.is_public and comment.is_removed
    assert comment.review.state == ReviewState.SPAM
    assert [path for path, _data in akismet_ham] == ["/1.1/submit-spam"]


def test_agreeing_with_akismet_sends_no_feedback(
    story, post_comment, akismet_spam, moderator, django_capture_on_commit_callbacks
):
    comment, _ = post_comment(story, "Great story, thanks for sharing it.")
    akismet_spam.clear()

    with django_capture_on_commit_callbacks(execute=True):
        ModerateComments([comment], user=moderator, action=Decision.SPAM).execute()

    assert akismet_spam == []
