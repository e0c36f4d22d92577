"""In Chromium: a reader posts a comment, edits it and deletes it within the minutes
the site allows, and another reader, in a browser of their own, never sees the
controls and cannot use them."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django_comments_xtd.models import XtdComment
from playwright.sync_api import expect

pytestmark = pytest.mark.usefixtures("demo_site")

CONFIRM_LINK = re.compile(r"http://\S+(/comments/confirm/\S+/)")


def test_a_reader_edits_then_deletes_their_comment_and_another_never_sees_the_controls(
    live_server, page, chromium, make_story
):
    cache.clear()
    story = make_story(title="The night nurse", body="She sat with me until morning.")
    url = live_server.url + story.url

    # Sam posts a comment and confirms it from the email.
    page.goto(url)
    page.get_by_label("Your name").fill("Sam")
    page.get_by_label("Your email address").fill("sam@example.org")
    page.get_by_label("Your comment").fill("The night staff were so kind to us.")
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Please confirm your comment")
    confirm = CONFIRM_LINK.search(mail.outbox[-1].body).group(1)
    page.goto(live_server.url + confirm)
    page.goto(url)
    mine = page.locator(".comment", has_text="so kind to us")
    expect(mine).to_be_visible()

    # Another reader, in a browser of their own, sees the comment but no controls.
    other_context = chromium.new_context()
    try:
        other = other_context.new_page()
        other.goto(url)
        theirs = other.locator(".comment", has_text="so kind to us")
        expect(theirs).to_be_visible()
        expect(theirs.get_by_role("link", name=re.compile("^(Edit|Delete)"))).to_have_count(0)

        # Sam edits it: the page shows the new words.
        mine.get_by_role("link", name="Edit your comment").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Edit your comment")
        page.get_by_label("Your comment").fill("The night staff were kind.")
        page.get_by_role("button", name="Save my comment").click()
        expect(page.get_by_text("Your comment is changed.")).to_be_visible()
        expect(page.locator(".comment", has_text="The night staff were kind.")).to_be_visible()

        # The other reader sees the edit at once (the page cache was purged).
        other.goto(url)
        expect(other.locator(".comment", has_text="The night staff were kind.")).to_be_visible()
        expect(other.get_by_text("so kind to us")).to_have_count(0)

        # Sam deletes it, after being asked.
        edited = page.locator(".comment", has_text="The night staff were kind.")
        edited.get_by_role("link", name="Delete your comment").click()
        page.get_by_role("button", name="Delete my comment").click()
        expect(page.get_by_text("Your comment is deleted.")).to_be_visible()
        expect(page.get_by_text("The night staff were kind.")).to_have_count(0)

        other.goto(url)
        expect(other.get_by_text("The night staff were kind.")).to_have_count(0)
        expect(other.get_by_role("link", name=re.compile("^(Edit|Delete)"))).to_have_count(0)
    finally:
        other_context.close()

    row = XtdComment.objects.get()
    assert (row.comment, row.user_name, row.user_email) == ("", "", "")
