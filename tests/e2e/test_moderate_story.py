import pytest
from playwright.sync_api import expect

from stories.models import StoryPage
from stories.services import submit_story
from tests.e2e.steps import make_moderator, sign_in
from tests.factories import PHONE_STORY

pytestmark = pytest.mark.usefixtures("demo_site")


def test_moderator_redacts_and_approves_and_the_story_goes_live_redacted(live_server, page):
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

    sign_in(page, live_server.url, "moira", "a-good-password-1")
    page.get_by_role("link", name="Open the story queue").click()

    page.get_by_role("link", name="Talk to me before your surgery").click()
    assert page.locator("mark.finding--block").first.inner_text().startswith("612-555-0187")
    expect(page.locator(".story-review__author")).to_contain_text(
        "hal@example.org", use_inner_text=True
    )
    page.get_by_role("button", name="Redact all: Phone number").click()
    expect(page.locator(".messages")).to_contain_text("Redacted.", use_inner_text=True)
    expect(page.locator(".review-text--body")).to_contain_text(
        "[phone number]", use_inner_text=True
    )
    # Publishing waits for the author to approve the redaction, unless the moderator
    # says why it may not (test_author_approval_journey has the author approve it).
    expect(page.locator(".story-review__approval")).to_contain_text(
        "Awaiting the author's approval", use_inner_text=True
    )
    page.get_by_label("Reason to publish before the author approves").fill(
        "Hal asked on the phone for it to be up before his surgery."
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
    assert page.locator(".story__meta").inner_text().startswith("By Hal")


def test_moderator_is_told_to_wait_for_the_spam_check_before_approving(
    live_server, page, database_worker, akismet_ham
):
    """Akismet's answer comes from a background task; until it has, "Approve and
    publish" publishes nothing and says why, on the review page."""

    submission = submit_story(
        {
            "title": "The porter who knew my name",
            "body": "The porter walked me to the ward every morning and asked about my day.",
            "role": "patient",
            "naming": "first",
            "name": "Ines Okafor",
            "email": "ines@example.org",
        }
    )
    make_moderator("moira", "a-good-password-1")

    sign_in(page, live_server.url, "moira", "a-good-password-1")
    page.goto(f"{live_server.url}/admin/story-queue/{submission.story_id}/")
    wait = "The spam check has not finished; try again in a minute."
    expect(page.locator("#spam-pending")).to_have_text(wait)
    page.get_by_role("button", name="Approve and publish").click()

    expect(page.locator(".messages")).to_contain_text(wait)
    assert not StoryPage.objects.get(pk=submission.story_id).live

    database_worker()  # the check has run: Akismet says it is not spam
    page.reload()
    expect(page.locator("#spam-pending")).to_have_count(0)
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator(".messages")).to_contain_text("is approved and published")
    assert StoryPage.objects.get(pk=submission.story_id).live
