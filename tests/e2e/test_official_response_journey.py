"""An official response through review, in Chromium: a responder writes it, a
moderator approves it, and a reader finds it under the story. axe-core finds
nothing on the responder's form, the moderator's review or the story page, and
the response fits a 320-pixel-wide screen."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from moderation.permissions import RESPONDERS_GROUP
from stories.models import OfficialResponse, StoryPage
from tests.e2e.steps import make_moderator
from tests.e2e.test_form_accessibility import AXE, axe_violations

pytestmark = pytest.mark.usefixtures("demo_site")

PASSWORD = "a-good-password-1"
RESPONSE = (
    "Thank you for sharing this. Our night team has read your story, and we are "
    "changing how we check on patients who cannot sleep."
)


def sign_in(page, url, username):
    page.context.clear_cookies()
    page.goto(url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    submit(page, "Sign in")
    page.wait_for_url("**/admin/")


def submit(page, button):
    """Press a form's button and wait for the page it answers with."""
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def axe_in(page, selector):
    page.evaluate(AXE)
    result = page.evaluate(f"async () => await axe.run({{include: [['{selector}']]}})")
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


def test_a_responders_response_goes_through_review_and_appears_under_the_story(live_server, page):
    users = get_user_model().objects
    responder = users.create_user("rhea", password=PASSWORD, first_name="Rhea", last_name="Okonkwo")
    responder.groups.add(Group.objects.get(name=RESPONDERS_GROUP))
    make_moderator("moira", PASSWORD, first_name="Moira")
    story = StoryPage.objects.live().order_by("pk").first()

    # The responder finds the story in "Official responses" and writes.
    sign_in(page, live_server.url, "rhea")
    page.goto(live_server.url + "/admin/responses/")
    page.get_by_role("link", name=story.title).click()
    submit(page, "Send for review")
    expect(page.locator("#id_text_error")).to_be_visible()
    expect(page.locator("#id_text_error")).to_contain_text(
        "Write the response.", use_inner_text=True
    )
    page.get_by_label("Response", exact=True).fill(RESPONSE)
    page.get_by_label("Your role", exact=True).fill("Patient experience lead")
    assert axe_in(page, ".official-response-write") == []
    submit(page, "Send for review")
    expect(page.locator(".messages")).to_contain_text(
        "is sent to the moderators", use_inner_text=True
    )
    assert OfficialResponse.objects.get().state == OfficialResponse.State.PENDING

    # Readers see nothing of it yet.
    page.context.clear_cookies()
    page.goto(live_server.url + story.url)
    assert page.locator("#official-response").count() == 0

    # The moderator reviews and approves it.
    sign_in(page, live_server.url, "moira")
    page.get_by_role("link", name="Open the response queue").click()
    page.get_by_role("link", name=story.title).click()
    expect(page.locator(".review-text__body")).to_contain_text(RESPONSE, use_inner_text=True)
    assert axe_in(page, ".official-response-review") == []
    submit(page, "Approve and publish")
    expect(page.locator(".messages")).to_contain_text("approved and published", use_inner_text=True)

    # A reader, on a narrow phone, finds it under the story.
    page.context.clear_cookies()
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(live_server.url + story.url)
    section = page.get_by_role("region", name="Response from Sharing")
    expect(section).to_be_visible()
    assert RESPONSE in section.inner_text()
    assert "Rhea, Patient experience lead" in section.inner_text()
    assert "Okonkwo" not in page.content()
    width = page.evaluate("document.documentElement.clientWidth")
    assert section.bounding_box()["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(page) == []
