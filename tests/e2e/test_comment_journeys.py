"""Comment journeys in Chromium: readers comment, reply, report someone in danger
and mute follow-up mail; a comment moderator redacts and approves one held
comment and removes another."""

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
MUTE_LINK = re.compile(r"http://\S+(/comments/mute/\S+/)")


def mail_to(address):
    return [message for message in mail.outbox if address in message.to]


def post_and_confirm(page, live_server, *, name, email, text, button="Post comment"):
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your email address").fill(email)
    page.get_by_label("Your comment").fill(text)
    page.get_by_role("button", name=button).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Please confirm your comment")
    path = CONFIRM_LINK.search(mail_to(email)[-1].body).group(1)
    page.goto(live_server.url + path)


def test_readers_comment_reply_report_and_mute(live_server, page, make_story, settings):
    cache.clear()
    settings.COMMENT_REPORT_THRESHOLD = 1
    # The journey is a reader's report of a worrying reply the screen let through;
    # the learned crisis reader would hold this one itself, so the rules screen here.
    settings.SCREEN_LEARNED = False
    story = make_story(title="The night nurse", body="She sat with me until morning.")
    moderator = get_user_model().objects.create_user("mod", "mod@example.org", "a-long-pw-1")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))

    # Sam comments and asks to hear of new comments.
    page.goto(live_server.url + story.url)
    page.get_by_label("Email me when someone else comments on this story").check()
    post_and_confirm(
        page, live_server, name="Sam", email="sam@example.org", text="Thank you for this."
    )
    sams = page.locator(".comment", has_text="Thank you for this.")
    expect(sams).to_be_visible()

    # Lee replies; the reply is nested under Sam's comment, and Sam is mailed.
    sams.get_by_role("link", name="Reply").first.click()
    post_and_confirm(
        page,
        live_server,
        name="Lee",
        email="lee@example.org",
        text="Some days I feel so alone with all this.",
        button="Post reply",
    )
    page.goto(live_server.url + story.url)
    reply = page.locator(
        ".comment-list--replies .comment", has_text="Some days I feel so alone with all this."
    )
    expect(reply.locator(".comment__author")).to_have_text("Lee")

    # A reader fears for Lee and reports it: the moderators are alerted at once,
    # and the reply stays up.
    reply.get_by_role("link", name="Report").click()
    page.get_by_label("Someone may be in danger").check()
    page.get_by_role("button", name="Report this comment").click()
    expect(page.get_by_text("We have told our moderators at once")).to_be_visible()
    urgent = [m for m in mail_to("mod@example.org") if m.subject.startswith("URGENT")]
    assert len(urgent) == 1 and "Some days I feel so alone with all this." in urgent[0].body
    expect(page.locator("#comments")).to_contain_text("Some days I feel so alone with all this.")

    # Sam's follow-up mail: opening the mute link only asks; the button mutes.
    followup = mail_to("sam@example.org")[-1]
    assert "Some days I feel so alone with all this." in followup.body
    page.goto(live_server.url + MUTE_LINK.search(followup.body).group(1))
    expect(page.get_by_role("heading", level=1)).to_have_text("Stop emails about “The night nurse”")
    page.get_by_role("button", name="Stop emails about this story").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "No more follow-up emails for this story"
    )

    # The moderator finds the reported reply in the queue, under Reported, with the reason.
    sign_in(page, live_server.url, "mod", "a-long-pw-1")
    page.goto(live_server.url + "/admin/comments/?state=flagged")
    row = page.locator("tr.comment-queue__row", has_text="Some days I feel so alone with all this.")
    expect(row).to_contain_text("Reported")
    expect(row).to_contain_text("Someone may be in danger")


def test_a_moderator_redacts_and_approves_one_comment_and_removes_another(
    live_server, page, make_story, settings
):
    cache.clear()
    story = make_story(title="The night nurse", body="She sat with me until morning.")
    moderator = get_user_model().objects.create_user("mod", "mod@example.org", "a-long-pw-1")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))

    page.goto(live_server.url + story.url)
    post_and_confirm(
        page,
        live_server,
        name="Ana",
        email="ana@example.org",
        text="Same ward for me, call me on 555-201-7788.",
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text("awaits moderation")
    page.goto(live_server.url + story.url)
    post_and_confirm(
        page, live_server, name="Bo", email="bo@example.org", text="You are an idiot and a liar."
    )
    page.goto(live_server.url + story.url)
    expect(page.locator("#comments")).not_to_contain_text("555-201-7788")
    expect(page.locator("#comments")).not_to_contain_text("idiot")

    sign_in(page, live_server.url, "mod", "a-long-pw-1")
    page.get_by_role("link", name="Comment queue").first.click()

    # Approving with the phone number still in it is refused without a reason.
    anas = page.locator("tr.comment-queue__row", has_text="Same ward for me")
    anas.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("This comment has findings that must not be published")).to_be_visible()

    # One click redacts it; then it is approved in one more.
    anas = page.locator("tr.comment-queue__row", has_text="Same ward for me")
    anas.get_by_role("button", name="Redact as [phone number]").click()
    expect(page.get_by_text("Redacted: Phone number.")).to_be_visible()
    anas = page.locator("tr.comment-queue__row", has_text="Same ward for me")
    expect(anas).to_contain_text("call me on [phone number].")
    anas.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Approve: 1 comment.")).to_be_visible()

    page.locator("tr.comment-queue__row", has_text="idiot").get_by_role(
        "button", name="Remove"
    ).click()
    expect(page.get_by_text("Remove: 1 comment.")).to_be_visible()
    expect(page.get_by_text("No comments are waiting for a moderator.")).to_be_visible()
    decisions = page.locator("section", has_text="Recent decisions")
    expect(decisions).to_contain_text("Redacted: Phone number")

    page.goto(live_server.url + story.url)
    comments = page.locator("#comments")
    expect(comments).to_contain_text("Same ward for me, call me on [phone number].")
    expect(comments).not_to_contain_text("555-201-7788")
    expect(comments).not_to_contain_text("idiot")
    expect(page.locator("#comments-heading")).to_have_text("1 comment")
