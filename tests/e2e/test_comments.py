import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from moderation.permissions import MODERATORS_GROUP
from tests.e2e.steps import sign_in

pytestmark = pytest.mark.usefixtures("demo_site")

CONFIRM_LINK = re.compile(r"http://\S+(/comments/confirm/\S+/)")


def write_comment(page, name, email, text):
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your email address").fill(email)
    page.get_by_label("Your comment").fill(text)


def confirm_from_email(page, live_server):
    path = CONFIRM_LINK.search(mail.outbox[-1].body).group(1)
    page.goto(live_server.url + path)


def test_reader_comments_and_replies_and_a_moderator_approves_the_held_reply(
    live_server, page, make_story
):
    cache.clear()
    story = make_story(title="The night nurse", body="She sat with me until morning.")
    moderator = get_user_model().objects.create_user("mod", "mod@example.org", "a-long-pw-1")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))

    # A reader comments; the comment is published once confirmed by email.
    page.goto(live_server.url + story.url)
    write_comment(page, "Sam", "sam@example.org", "Thank you for sharing this.")
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Please confirm your comment")
    confirm_from_email(page, live_server)
    comment = page.locator(".comment", has_text="Thank you for sharing this.")
    expect(comment).to_be_visible()

    # A reply with a phone number is held for a moderator.
    comment.get_by_role("link", name="Reply").click()
    write_comment(page, "Lee", "lee@example.org", "Same ward for me, call me on 555-201-7788.")
    page.get_by_role("button", name="Post reply").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Please confirm your comment")
    confirm_from_email(page, live_server)
    expect(page.get_by_role("heading", level=1)).to_contain_text("awaits moderation")
    page.goto(live_server.url + story.url)
    expect(page.locator("#comments")).not_to_contain_text("555-201-7788")

    # The moderator approves it in the Comment queue.
    sign_in(page, live_server.url, "mod", "a-long-pw-1")
    page.get_by_role("link", name="Comment queue").first.click()
    row = page.locator("tr", has_text="555-201-7788")
    assert row.locator("mark").first.inner_text().startswith("555-201-7788")
    # A phone number blocks publication: the moderator redacts it, then approves.
    row.get_by_role("button", name="Redact as [phone number]", exact=False).click()
    expect(page.get_by_text("Redacted: Phone number.")).to_be_visible()
    row = page.locator("tr", has_text="Same ward for me")
    row.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Approve: 1 comment.")).to_be_visible()

    # Both comments now appear, the reply nested under the comment, redacted.
    page.goto(live_server.url + story.url)
    reply = page.locator(".comment .comment-list--replies .comment", has_text="Same ward for me")
    expect(reply).to_be_visible()
    expect(reply).to_contain_text("[phone number]")
    expect(reply).not_to_contain_text("555-201-7788")
    expect(reply.locator(".comment__author")).to_have_text("Lee")
    expect(page.locator("#comments-heading")).to_have_text("2 comments")


def test_comment_form_fits_a_phone_and_shows_errors_next_to_fields(
    live_server, phone_page, make_story
):
    cache.clear()
    story = make_story()

    phone_page.goto(live_server.url + story.url)
    phone_page.get_by_label("Name").fill("Lee")
    phone_page.get_by_role("button", name="Post comment").click()

    # The errors are on the story page itself, at the form, with what was typed.
    expect(phone_page.locator("h1")).to_have_text(story.title)
    expect(phone_page.get_by_label("Name")).to_have_value("Lee")
    expect(phone_page.locator("#id_comment_error")).to_contain_text("Please write your comment.")
    expect(phone_page.locator("#id_email_error")).to_contain_text("Please give your email address.")
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
