"""The author's private links, clicked in Chromium: follow, edit and withdraw a story."""

import pytest
from playwright.sync_api import expect

from moderation.actions import ReviewStoryAction
from moderation.models import StoryReviewTaskState
from stories.models import StoryPage, Submission
from stories.services import submit_story
from tests.factories import CLEAN_STORY, ModeratorFactory

pytestmark = pytest.mark.usefixtures("demo_site")


def a_submitted_story():
    return submit_story(
        {
            "title": "The porter who knew my name",
            "body": CLEAN_STORY,
            "role": "patient",
            "naming": "first",
            "name": "Ines Moreau",
            "email": "ines@example.org",
        }
    )


def test_author_withdraws_their_story_from_the_status_page(live_server, page):
    submission = a_submitted_story()

    page.goto(live_server.url + submission.get_status_url())
    page.get_by_role("link", name="Withdraw my story").click()
    page.get_by_role("button", name="Yes, withdraw my story").click()

    assert page.locator(".status-now").inner_text().startswith("Withdrawn.")
    submission.refresh_from_db()
    assert submission.state == Submission.State.WITHDRAWN
    assert submission.contact_email == ""


def test_author_edits_and_sends_back_their_story_when_asked(live_server, page):
    submission = a_submitted_story()
    moderator = ModeratorFactory(username="moira")
    task_state = StoryReviewTaskState.objects.get(
        workflow_state__object_id=str(submission.story_id), status="in_progress"
    )
    ReviewStoryAction(
        task_state, moderator, "request_changes", reason="Please leave out the ward number."
    ).execute()

    page.goto(live_server.url + submission.get_status_url())
    expect(page.locator(".notice")).to_contain_text(
        "Please leave out the ward number.", use_inner_text=True
    )
    page.get_by_role("link", name="Edit my story").click()
    page.get_by_label("Your story (required)", exact=True).fill(CLEAN_STORY + "\n\nThank you all.")
    page.get_by_role("button", name="Send my edited story").click()

    assert page.locator(".status-now").inner_text().startswith("Received.")
    story = StoryPage.objects.get(pk=submission.story_id).get_latest_revision_as_object()
    assert story.body.endswith("Thank you all.")
    assert story.title == "The porter who knew my name"
