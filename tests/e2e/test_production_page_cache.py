"""The page cache on the site served as production serves it (gunicorn with
--preload, the Redis cache, https): a reader gets a story page from the cache,
with no cookie and no token in it, and comments from it; a moderator who signs
in gets pages of their own."""

import secrets

import pytest
from playwright.sync_api import expect

from tests.e2e.production import ADMIN_PASSWORD, request

pytestmark = pytest.mark.usefixtures("production_site")


LINK = 'class="story-card__title"><a href="'


def story_url(production_site):
    _status, _headers, body = request(production_site, "/stories/")
    html = body.decode()
    start = html.index(LINK) + len(LINK)
    return html[start : html.index('"', start)]


def test_a_reader_comments_from_a_cached_story_page(production_site, site_page):
    page = site_page
    url = story_url(production_site)
    status, headers, _body = request(production_site, url)  # another reader: now cached
    assert status == 200 and headers.get("Set-Cookie") is None

    response = page.goto(url)

    seen = response.all_headers()
    assert "set-cookie" not in seen
    assert "public" in seen["cache-control"] and "s-maxage=" in seen["cache-control"]
    assert "cookie" not in seen.get("vary", "").lower()
    assert page.context.cookies() == []
    token = page.locator("form.comment-form input[name=csrfmiddlewaretoken]")
    expect(token).to_have_value("")

    text = f"Thank you for writing this ({secrets.token_hex(3)})."
    page.get_by_label("Your name").fill("Sam")
    page.get_by_label("Your email address").fill(f"sam.{secrets.token_hex(3)}@example.org")
    page.get_by_label("Your comment").fill(text)
    page.get_by_role("button", name="Post comment").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Please confirm your comment")


def test_a_signed_in_moderator_gets_pages_of_their_own(production_site, site_page):
    page = site_page
    url = story_url(production_site)
    request(production_site, url)  # cached for readers
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("link", name="Open the story queue")).to_be_visible()

    response = page.goto(url)

    assert "public" not in response.all_headers().get("cache-control", "")
    token = page.locator("form.comment-form input[name=csrfmiddlewaretoken]")
    expect(token).not_to_have_value("")
