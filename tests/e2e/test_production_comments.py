"""Readers' comments in Chromium, on the site served as production serves it:
comment, reply, confirm from the mail, stop follow-ups, report; a moderator decides
on held ones."""

import secrets
import string

import pytest
from playwright.sync_api import expect

from tests.e2e.production import ADMIN_PASSWORD

pytestmark = pytest.mark.usefixtures("production_site")

FOLLOW_UP = "Email me when someone else comments on this story"


def open_a_story(page, number):
    page.goto("/stories/")
    link = page.locator(".story-card__title a").nth(number)
    title = link.inner_text()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    return page.url


def write(page, name, email, text, follow_up=False):
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your email address").fill(email)
    page.get_by_label("Your comment").fill(text)
    if follow_up:
        page.get_by_label(FOLLOW_UP).check()


def confirm_from_mail(site, page, email, text):
    expect(page.get_by_role("heading", level=1)).to_have_text("Please confirm your comment")
    mail = site.wait_for_mail(email, text)
    page.goto(site.link_in(mail, "/comments/confirm/"))


def reader(text):
    tag = secrets.token_hex(3)
    return f"{text} {tag}", f"{text.lower()}.{tag}@example.org"


def test_readers_comment_reply_confirm_by_mail_and_one_stops_follow_ups(production_site, site_page):
    page = site_page
    story_url = open_a_story(page, 0)
    sam, sam_email = reader("Sam")
    lee, lee_email = reader("Lee")
    kim, kim_email = reader("Kim")
    comment = f"Thank you for sharing this ({secrets.token_hex(3)})."

    write(page, sam, sam_email, comment, follow_up=True)
    page.get_by_role("button", name="Post comment").click()
    confirm_from_mail(production_site, page, sam_email, comment)
    sams = page.locator(".comment", has_text=comment)
    expect(sams).to_be_visible()

    page.goto(story_url)
    page.locator(".comment", has_text=comment).get_by_role("link", name="Reply").first.click()
    reply = f"Same ward for me, and the same kindness ({secrets.token_hex(3)})."
    write(page, lee, lee_email, reply, follow_up=True)
    page.get_by_role("button", name="Post reply").click()
    confirm_from_mail(production_site, page, lee_email, reply)
    page.goto(story_url)
    nested = page.locator(".comment .comment-list--replies .comment", has_text=reply)
    expect(nested).to_be_visible()
    expect(nested.locator(".comment__author")).to_have_text(lee)

    # Sam is told of Lee's reply, and stops every follow-up from that mail.
    follow_up = production_site.wait_for_mail(sam_email, reply)
    page.goto(production_site.link_in(follow_up, "/comments/unsubscribe/"))
    page.get_by_role("button", name="Stop all follow-up emails").click()
    expect(page.get_by_role("status")).to_contain_text("we will not email you")

    # Kim comments: Lee, still following, is told; Sam is not.
    page.goto(story_url)
    third = f"I was there that winter too ({secrets.token_hex(3)})."
    write(page, kim, kim_email, third)
    page.get_by_role("button", name="Post comment").click()
    confirm_from_mail(production_site, page, kim_email, third)
    expect(page.locator(".comment", has_text=third)).to_be_visible()
    production_site.wait_for_mail(lee_email, third)
    assert [m for m in production_site.mails(sam_email) if third in m.body] == []


def a_word():
    return "".join(secrets.choice(string.ascii_lowercase) for _ in range(9))


def test_comment_moderator_approves_one_held_comment_and_removes_another(
    production_site, site_page
):
    page = site_page
    story_url = open_a_story(page, 1)
    # Each comment holds a phone number (a finding that blocks publication) and a
    # word of its own that finds its row.
    approved, removed = (
        "".join(secrets.choice(string.ascii_lowercase) for _ in range(9)) for _ in "ab"
    )
    for tag in (approved, removed):
        text = f"Ring me on 555-201-{secrets.randbelow(9000) + 1000} to talk, {tag}."
        name, email = reader("Ash")
        page.goto(story_url)
        write(page, name, email, text)
        page.get_by_role("button", name="Post comment").click()
        confirm_from_mail(production_site, page, email, text)
        expect(page.get_by_role("heading", level=1)).to_contain_text("awaits moderation")
    page.goto(story_url)
    expect(page.locator("#comments")).not_to_contain_text("Ring me on")

    page.goto("/admin/login/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Comment queue").first.click()
    # The phone number must go before the comment may be approved.
    page.locator("tr", has_text=approved).get_by_role(
        "button", name="Redact as [phone number]"
    ).click()
    expect(page.get_by_text("Redacted: Phone number.")).to_be_visible()
    page.locator("tr", has_text=approved).get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Approve: 1 comment.")).to_be_visible()
    page.locator("tr", has_text=removed).get_by_role("button", name="Remove").click()
    expect(page.get_by_text("Remove: 1 comment.")).to_be_visible()
    # Neither waits any more; both are in the record of recent decisions.
    for tag, decision in ((approved, "Approve"), (removed, "Remove")):
        expect(page.locator("tr", has_text=tag).get_by_role("button")).to_have_count(0)
        expect(page.locator("tr", has_text=tag).filter(has_text=decision)).to_have_count(1)

    page.goto(story_url)
    expect(page.locator(".comment", has_text=approved)).to_contain_text("[phone number]")
    expect(page.locator("#comments")).not_to_contain_text(removed)


def test_a_reader_reports_a_comment_and_the_moderators_find_it_with_the_reason(
    production_site, site_page
):
    page = site_page
    story_url = open_a_story(page, 2)
    # A comment the screen lets through (one it holds never reaches readers): the
    # report is a reader's worry the screen could not have.
    text = (
        "Reading this at 3am after another long shift. Your story helped more "
        f"than you know ({secrets.token_hex(3)})."
    )
    name, email = reader("Rowan")
    write(page, name, email, text)
    page.get_by_role("button", name="Post comment").click()
    confirm_from_mail(production_site, page, email, text)

    # Another reader fears for Rowan and reports the comment, which stays up.
    page.goto(story_url)
    page.locator(".comment", has_text=text).get_by_role("link", name="Report").click()
    page.get_by_label("Someone may be in danger").check()
    page.get_by_role("button", name="Report this comment").click()
    expect(page.get_by_text("We have told our moderators at once")).to_be_visible()
    alert = production_site.wait_for_mail("moderators@example.org", text)
    assert alert.subject.strip().startswith("URGENT")
    page.goto(story_url)
    expect(page.locator(".comment", has_text=text)).to_be_visible()

    # The moderator finds it under Reported, with the reader's reason.
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Comment queue").first.click()
    page.goto(page.url.split("?")[0] + "?state=flagged")  # the queue's "Reported" filter
    row = page.locator("tr", has_text=text)
    expect(row).to_contain_text("Reported by 1 reader")
    expect(row).to_contain_text("Someone may be in danger")
