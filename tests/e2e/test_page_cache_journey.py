"""An anonymous reader comments on a story page that came from the page cache
(sharing/page_cache.py): the page carries no CSRF token and sets no cookie, and
the form fetches a token of its own before it is sent (js/csrf.js)."""

import pytest
from django.core.cache import cache
from django.test import Client
from playwright.sync_api import expect

from tests.e2e.test_form_accessibility import axe_violations

pytestmark = pytest.mark.usefixtures("demo_site")


def open_cached(page, live_server, story):
    """Open ``story`` as a reader whose page comes from the cache: another reader
    asked for it first. Returns the browser's response."""
    Client().get(story.url)
    response = page.goto(live_server.url + story.url)
    assert response.ok
    return response


def test_reader_posts_a_comment_from_a_cached_story_page(live_server, page, make_story):
    cache.clear()
    story = make_story(title="The night nurse", body="She sat with me until morning.")

    response = open_cached(page, live_server, story)

    headers = response.all_headers()
    assert "set-cookie" not in headers
    assert "public" in headers["cache-control"]
    assert "cookie" not in headers.get("vary", "").lower()
    assert page.context.cookies() == []
    token = page.locator("form.comment-form input[name=csrfmiddlewaretoken]")
    expect(token).to_have_value("")
    assert axe_violations(page) == []

    page.get_by_label("Your name").fill("Sam")
    page.get_by_label("Your email address").fill("sam@example.org")
    page.get_by_label("Your comment").fill("Thank you for sharing this.")
    expect(token).not_to_have_value("")  # fetched as the reader starts on the form
    page.get_by_role("button", name="Post comment").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Please confirm your comment")
    assert any(cookie["name"] == "csrftoken" for cookie in page.context.cookies())


def test_a_reader_who_sends_before_the_token_arrives_still_posts(live_server, page, make_story):
    """The token is fetched when the form is sent if it was not fetched before
    (a reader who pastes a comment and presses Enter at once, say)."""
    cache.clear()
    story = make_story(title="The porter", body="He found my glasses.")
    open_cached(page, live_server, story)
    page.evaluate(
        """() => {
            const form = document.querySelector("form.comment-form");
            form.querySelector("[name=name]").value = "Kim";
            form.querySelector("[name=email]").value = "kim@example.org";
            form.querySelector("[name=comment]").value = "He found mine too.";
            form.querySelector("button[name=post]").click();
        }"""
    )

    expect(page.get_by_role("heading", level=1)).to_have_text("Please confirm your comment")
