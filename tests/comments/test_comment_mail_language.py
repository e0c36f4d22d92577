"""A commenter's mails are in the language they wrote their comment in: the
confirmation request and the follow-ups, whatever language the reader who set
the follow-up off reads the site in."""

import pytest
from django.core import mail

from comments.models import CommentReview
from tests.comments.conftest import CONFIRM_LINK, comment_data

pytestmark = pytest.mark.django_db

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es-ES,es;q=0.9"}
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}


@pytest.fixture
def post_in(client, django_capture_on_commit_callbacks):
    """Post a comment from a browser asking for ``headers``' language, and confirm it."""

    def post(target, text, headers, *, confirm=True, **kwargs):
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/comments/post/", comment_data(target, text, **kwargs), **headers)
        (request,) = [m for m in mail.outbox[before:] if CONFIRM_LINK.search(m.body)]
        if confirm:
            link = CONFIRM_LINK.search(request.body).group()
            with django_capture_on_commit_callbacks(execute=True):
                client.get(link.split("testserver", 1)[1], **headers)
        return request

    return post


def test_a_comment_posted_in_spanish_is_confirmed_in_spanish(story, post_in):
    request = post_in(story, "Gracias por compartir su historia.", SPANISH, confirm=False)

    assert request.subject == "Confirme su comentario sobre «The night nurse»"
    assert "Please confirm" not in request.body
    assert CommentReview.objects.get().language == "es"


def test_a_comment_posted_in_english_is_confirmed_in_english(story, post_in):
    request = post_in(story, "Thank you for sharing this.", ENGLISH, confirm=False)

    assert request.subject == "Confirm your comment on “The night nurse”"
    assert CommentReview.objects.get().language == "en"


def test_each_follower_hears_of_a_new_comment_in_their_own_language(story, post_in, client):
    post_in(story, "Sigo esta historia.", SPANISH, email="ana@example.org", followup="on")
    client.cookies.clear()
    post_in(story, "I follow this story too.", ENGLISH, email="ben@example.org", followup="on")
    client.cookies.clear()
    mail.outbox.clear()

    post_in(story, "A new voice here.", ENGLISH, name="Kim", email="kim@example.org")

    followups = {m.to[0]: m for m in mail.outbox if "/comments/confirm/" not in m.body}
    assert followups["ana@example.org"].subject == "Nuevo comentario sobre «The night nurse»"
    assert followups["ben@example.org"].subject == "New comment on “The night nurse”"
