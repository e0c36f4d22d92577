"""A moderator redacts a story; its author opens their status link on a phone, reads
what they sent beside what would be published, and approves; the moderator, who
could not publish before, then publishes."""

import pytest
from playwright.sync_api import expect

from stories.models import StoryPage, Submission
from stories.services import submit_story
from tests.e2e.steps import make_moderator, sign_in
from tests.factories import PHONE_STORY

pytestmark = pytest.mark.usefixtures("demo_site")


def test_the_author_approves_the_redaction_and_the_moderator_publishes(
    live_server, page, phone_page
):
    submission = submit_story(
        {
            "title": "Talk to me before your surgery",
            "body": PHONE_STORY,
            "role": "patient",
            "naming": "first",
            "name": "Hal Porter",
            "email": "hal@example.org",
        }
    )
    make_moderator("moira", "a-good-password-1")

    # The moderator redacts the phone number; publishing waits for the author.
    sign_in(page, live_server.url, "moira", "a-good-password-1")
    review = f"{live_server.url}/admin/story-queue/{submission.story_id}/"
    page.goto(review)
    page.get_by_role("button", name="Redact all: Phone number").click()
    expect(page.locator(".messages")).to_contain_text("Redacted.", use_inner_text=True)
    approval = page.locator(".story-review__approval")
    assert "Awaiting the author's approval of the edits." in approval.inner_text()
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator(".messages")).to_contain_text(
        "The author has not approved your edits yet.", use_inner_text=True
    )
    assert not StoryPage.objects.get(pk=submission.story_id).live

    # The author, on a phone, reads both texts: stacked, the redaction said in words.
    author = phone_page
    author.goto(live_server.url + submission.get_status_url())
    edits = author.locator("#edits")
    assert "Changes the moderator made" in edits.inner_text()
    sent = edits.locator(".diff[data-field=body] .diff__side--sent")
    proposed = edits.locator(".diff[data-field=body] .diff__side--proposed")
    # Marked by a label a screen reader reads out, not by colour alone.
    assert " ".join(sent.locator("del.diff__redacted").inner_text().split()) == (
        "Redacted: 612-555-0187"
    )
    assert " ".join(proposed.locator("ins.diff__redaction").inner_text().split()) == (
        "Redaction: [phone number]"
    )
    assert proposed.locator("ins.diff__redaction .visually-hidden").bounding_box()["width"] <= 1
    sent_box, proposed_box = sent.bounding_box(), proposed.bounding_box()
    assert proposed_box["y"] >= sent_box["y"] + sent_box["height"]  # stacked, not squeezed
    assert proposed_box["width"] <= 390
    author.get_by_role("button", name="I approve these changes").click()
    assert "you approved the changes" in author.locator(".message--success").inner_text()
    expect(author.locator("[data-approval=approved]")).to_be_visible()
    submission = Submission.objects.get(pk=submission.pk)
    assert submission.edits_approved_at is not None

    # The moderator sees the approval and publishes.
    page.goto(review)
    assert (
        "The author approved the edits on" in page.locator(".story-review__approval").inner_text()
    )
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator(".messages")).to_contain_text(
        "is approved and published", use_inner_text=True
    )
    story = StoryPage.objects.get(pk=submission.story_id)
    assert story.live
    page.goto(live_server.url + story.url)
    body = page.locator(".story__body").inner_text()
    assert "[phone number]" in body and "612-555-0187" not in body
