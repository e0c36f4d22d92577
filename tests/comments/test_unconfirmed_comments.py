"""A comment its author never confirms is forgotten after a while."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from comments.models import CommentReview
from tests.comments.conftest import CONFIRM_LINK

pytestmark = pytest.mark.django_db

CRISIS = "Some nights I just want to disappear and not wake up."


def test_an_unconfirmed_comment_is_forgotten_after_the_retention_period(
    client, story, post_comment, settings
):
    settings.UNCONFIRMED_COMMENT_RETENTION_DAYS = 14
    _, _ = post_comment(story, CRISIS, confirm=False, email="quiet.reader@example.org")
    old = CommentReview.objects.get(comment__isnull=True)
    _, _ = post_comment(story, "Thank you for this.", confirm=False, email="new@example.org")
    CommentReview.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=15))

    call_command("forget_unconfirmed_comments")

    assert not CommentReview.objects.filter(pk=old.pk).exists()
    assert not CommentReview.objects.filter(pending_email="quiet.reader@example.org").exists()
    assert not CommentReview.objects.filter(pending_text__contains="disappear").exists()
    # The one posted today still waits for its author.
    assert CommentReview.objects.filter(comment__isnull=True).count() == 1


def test_a_link_clicked_after_it_was_forgotten_still_screens_the_comment(
    client, story, post_comment, django_capture_on_commit_callbacks
):
    from django.core import mail

    post_comment(story, "Call me on 617-555-0134 any time.", confirm=False)
    link = CONFIRM_LINK.search(mail.outbox[-1].body).group()
    CommentReview.objects.update(created_at=timezone.now() - timedelta(days=30))
    call_command("forget_unconfirmed_comments")
    assert not CommentReview.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.get(link.split("testserver", 1)[1], follow=True)

    review = CommentReview.objects.get()
    assert review.comment is not None
    assert "phone" in review.held_for
    assert not review.comment.is_public
