"""The page after posting a comment says whether it is held, for crisis language
too, and on which story: only to the browser that posted it."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

CRISIS = "I want to end my life tonight."
HELP = "If you are thinking about harming yourself"


def test_only_the_poster_sees_the_state_of_a_saved_comment(client, story, post_comment):
    post_comment(story, "My first comment.")  # this browser has confirmed its address
    comment, response = post_comment(story, CRISIS, confirm=False)
    assert comment is not None and not comment.is_public
    sent = f"/comments/sent/?c={comment.pk}"

    mine = client.get(sent).content.decode()
    assert HELP in mine and story.title in mine and "awaits moderation" in mine

    other = Client().get(sent)
    assert other.status_code == 200
    html = other.content.decode()
    assert "Thank you for your comment" in html
    assert HELP not in html and story.title not in html and "awaits moderation" not in html


def test_another_browser_learns_nothing_from_any_comment_number(client, story, post_comment):
    post_comment(story, "My first comment.")
    comment, _ = post_comment(story, "A kind word.", confirm=False)

    stranger = Client()
    pages = {
        # The language switcher's form differs only by its CSRF token, masked afresh
        # for each page, and the address it returns to, the one the stranger typed.
        re.sub(rb'name="(csrfmiddlewaretoken|next)" value="[^"]*"', b"", stranger.get(url).content)
        for url in (f"/comments/sent/?c={pk}" for pk in (comment.pk, 999999))
    }
    assert len(pages) == 1  # the same plain page for someone's comment and for none


def test_the_poster_who_confirms_from_the_email_sees_their_held_comment(story, post_comment):
    comment, response = post_comment(story, CRISIS)

    assert comment is not None and not comment.is_public
    html = response.content.decode()
    assert HELP in html and "awaits moderation" in html
