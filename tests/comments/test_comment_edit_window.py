"""A reader edits or deletes their own comment in the minutes after posting, from
the browser they posted it from, without an account: an edit is screened again as
a new comment is, a deletion erases the words and the person from the row, the
moderators' record shows both, and after the window the controls are gone and the
pages refuse with a clear message."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from comments import services
from comments.models import CommentDecision, CommentReview, Decision, ReviewState

pytestmark = pytest.mark.django_db

PHONE = "Call me on 555-201-7788 any evening."


def controls(client, story):
    page = BeautifulSoup(client.get(story.url).content.decode(), "html.parser")
    return [a.get_text(" ", strip=True) for a in page.select(".comment__actions a")]


def edit(client, comment, text, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(f"/comments/edit/{comment.pk}/", {"comment": text})


@pytest.fixture
def posted(story, post_comment):
    comment, _response = post_comment(story, "The night staff were so kind to us.")
    assert comment is not None and comment.is_public
    return comment


def test_the_author_sees_edit_and_delete_and_another_reader_does_not(client, story, posted):
    assert "Edit your comment" in controls(client, story)
    assert "Delete your comment" in controls(client, story)

    other = Client()
    assert not any(text.startswith(("Edit", "Delete")) for text in controls(other, story))
    assert other.get(f"/comments/edit/{posted.pk}/").status_code == 403


def test_the_cached_page_never_carries_the_controls(client, story, posted):
    reader = Client()
    reader.get(story.url)  # stored in the page cache for anonymous readers
    html = reader.get(story.url).content.decode()

    assert f"/comments/edit/{posted.pk}/" not in html
    assert "/comments/edit/" in client.get(story.url).content.decode()


def test_an_edit_is_shown_at_once_to_every_reader_and_recorded(
    client, story, posted, django_capture_on_commit_callbacks
):
    reader = Client()
    assert "so kind to us" in reader.get(story.url).content.decode()  # now cached

    response = edit(
        client, posted, "The night staff were kind.", django_capture_on_commit_callbacks
    )

    assert response.status_code == 302
    html = reader.get(story.url).content.decode()
    assert "The night staff were kind." in html
    assert "so kind to us" not in html
    decision = CommentDecision.objects.get(comment=posted)
    assert decision.action == Decision.EDIT
    assert decision.moderator is None
    assert "screened again" in decision.reason
    assert decision.decided_at is not None


def test_an_edit_with_a_phone_number_is_held_for_a_moderator(
    client, story, posted, django_capture_on_commit_callbacks
):
    edit(client, posted, PHONE, django_capture_on_commit_callbacks)

    posted.refresh_from_db()
    assert not posted.is_public
    assert CommentReview.objects.get(comment=posted).state == ReviewState.HELD
    assert "555-201-7788" not in Client().get(story.url).content.decode()
    assert "held" in CommentDecision.objects.get(comment=posted).reason


def test_editing_a_held_comment_does_not_publish_it(
    client, story, post_comment, django_capture_on_commit_callbacks
):
    held, _response = post_comment(story, PHONE)
    assert not held.is_public

    edit(client, held, "Nothing to hide here now.", django_capture_on_commit_callbacks)

    held.refresh_from_db()
    assert not held.is_public
    assert CommentReview.objects.get(comment=held).state == ReviewState.HELD


def test_an_empty_edit_gets_a_clear_message(client, posted, django_capture_on_commit_callbacks):
    response = edit(client, posted, "   ", django_capture_on_commit_callbacks)

    assert response.status_code == 400
    assert "Please write your comment." in response.content.decode()
    posted.refresh_from_db()
    assert posted.comment == "The night staff were so kind to us."


def test_a_deleted_comment_disappears_and_nothing_of_its_author_is_left(
    client, story, posted, django_capture_on_commit_callbacks
):
    reader = Client()
    reader.get(story.url)
    assert client.get(f"/comments/delete/{posted.pk}/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/comments/delete/{posted.pk}/")

    assert response.status_code == 302
    assert "so kind to us" not in reader.get(story.url).content.decode()
    row = XtdComment.objects.filter(pk=posted.pk).values().get()
    assert (row["comment"], row["user_name"], row["user_email"]) == ("", "", "")
    assert row["ip_address"] is None and row["is_removed"] and not row["is_public"]
    review = CommentReview.objects.get(comment=posted)
    assert review.state == ReviewState.DELETED
    assert review.findings == [] and review.user_agent == ""
    assert review.key != services.review_key(
        content_type_id=posted.content_type_id,
        object_pk=posted.object_pk,
        email="sam@example.org",
        submit_date=posted.submit_date,
    )
    assert "sam@example.org" not in str(CommentReview.objects.filter(pk=review.pk).values().get())
    (decision,) = CommentDecision.objects.filter(comment=posted)
    assert decision.action == Decision.DELETE
    # Gone, once and for all: it cannot be changed again.
    assert client.get(f"/comments/edit/{posted.pk}/").status_code == 404


def test_after_the_window_the_controls_are_gone_and_the_pages_refuse(
    client, story, posted, settings, django_capture_on_commit_callbacks
):
    settings.COMMENT_EDIT_MINUTES = 15
    CommentReview.objects.filter(comment=posted).update(
        saved_at=timezone.now() - timedelta(minutes=16)
    )

    assert not any(text.startswith(("Edit", "Delete")) for text in controls(client, story))
    response = edit(client, posted, "Too late now.", django_capture_on_commit_callbacks)
    assert response.status_code == 403
    assert "The time to change this comment is over" in response.content.decode()
    assert "15 minutes" in response.content.decode()
    assert client.post(f"/comments/delete/{posted.pk}/").status_code == 403
    posted.refresh_from_db()
    assert posted.comment == "The night staff were so kind to us." and posted.is_public


def test_the_window_is_a_setting(client, story, posted, settings):
    CommentReview.objects.filter(comment=posted).update(
        saved_at=timezone.now() - timedelta(minutes=16)
    )
    settings.COMMENT_EDIT_MINUTES = 30

    assert "Edit your comment" in controls(client, story)


def test_another_reader_is_told_why_they_cannot_change_it(posted):
    response = Client().post(f"/comments/delete/{posted.pk}/")

    assert response.status_code == 403
    assert "only by its author, from the browser it was posted from" in response.content.decode()
    assert XtdComment.objects.get(pk=posted.pk).comment == "The night staff were so kind to us."
