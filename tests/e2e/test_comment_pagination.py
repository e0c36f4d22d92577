import re

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from tests.factories import CommentFactory

pytestmark = pytest.mark.usefixtures("demo_site")

CONFIRM_LINK = re.compile(r"http://\S+(/comments/confirm/\S+/)")


@pytest.fixture
def paginated_story(make_story, settings):
    """A story with four threads, three a page: the fourth is on page 2."""
    settings.COMMENT_THREADS_PER_PAGE = 3
    story = make_story(title="The night nurse", body="She sat with me until morning.")
    threads = [CommentFactory(target=story, comment=f"Thread number {n}.") for n in range(4)]
    CommentFactory(target=story, parent_id=threads[0].pk, comment="A reply on page one.")
    return story, threads


def tab_to(page, name, limit=200):
    """Press Tab until the link called ``name`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            return
    raise AssertionError(f"no link {name!r} reached by keyboard")


def test_reader_goes_to_page_two_by_keyboard_and_replies_there(live_server, page, paginated_story):
    cache.clear()
    story, threads = paginated_story
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + story.url)
    expect(page.locator("#comments-heading")).to_have_text("5 comments")
    expect(page.locator("#comments")).not_to_contain_text("Thread number 3.")

    tab_to(page, "Newer comments")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"\?comments=2#comments$"))
    nav = page.get_by_role("navigation", name="Pages of comments")
    expect(nav.locator("[aria-current=page]")).to_have_text("Page 2 of 2")
    expect(page.locator("#comments-heading")).to_have_text("5 comments")
    last = page.locator(f"#c{threads[3].pk}")
    expect(last).to_contain_text("Thread number 3.")
    expect(page.locator("#comments")).not_to_contain_text("Thread number 0.")

    last.get_by_role("link", name="Reply").first.click()
    page.get_by_label("Your name").fill("Sam")
    page.get_by_label("Your email address").fill("sam@example.org")
    page.get_by_label("Your comment").fill("Page two, and still reading.")
    page.get_by_role("button", name="Post reply").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Please confirm your comment")
    page.goto(live_server.url + CONFIRM_LINK.search(mail.outbox[-1].body).group(1))

    expect(page).to_have_url(re.compile(r"\?comments=2#c\d+$"))
    reply = page.locator(f"#c{threads[3].pk} .comment-list--replies .comment")
    expect(reply).to_contain_text("Page two, and still reading.")
    expect(reply).to_be_in_viewport()
    expect(page.locator("#comments-heading")).to_have_text("6 comments")


def test_a_comment_permalink_lands_on_the_page_holding_it(live_server, page, paginated_story):
    story, threads = paginated_story

    page.goto(live_server.url + threads[3].get_absolute_url())

    expect(page).to_have_url(re.compile(rf"{re.escape(story.url)}\?comments=2#c{threads[3].pk}$"))
    expect(page.locator(f"#c{threads[3].pk}")).to_be_in_viewport()
