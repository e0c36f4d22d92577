"""A moderator sends a story back with a reason; its author answers in words on their
status page, on a phone-narrow screen and by keyboard; the moderator reads the answer."""

import pytest
from playwright.sync_api import expect

from stories.models import Submission, SubmissionMessage
from stories.services import submit_story
from tests.e2e.steps import make_moderator, sign_in
from tests.e2e.test_form_accessibility import AXE, DESCRIPTIONS, axe_violations
from tests.factories import CLEAN_STORY

pytestmark = pytest.mark.usefixtures("demo_site")

REASON = "Please tell us whether the nurse you name agreed to be named."
ANSWER = "Yes: Nurse Adaeze read the story and said she is proud to be in it."


def axe_violations_in(page, selector):
    page.evaluate(AXE)
    result = page.evaluate(
        "async (selector) => await axe.run(document.querySelector(selector))", selector
    )
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


@pytest.fixture
def narrow_page(chromium):
    """The author's browser: 320 CSS pixels wide, the narrowest screen we serve."""
    context = chromium.new_context(viewport={"width": 320, "height": 800})
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_the_author_answers_a_request_for_changes_and_the_moderator_reads_it(
    live_server, page, narrow_page
):
    submission = submit_story(
        {
            "title": "The ward that felt like home",
            "body": CLEAN_STORY,
            "role": "patient",
            "naming": "first",
            "name": "Imre Sandor",
            "email": "imre@example.org",
        }
    )
    make_moderator("moira", "a-good-password-1")

    # The moderator sends the story back with a reason.
    sign_in(page, live_server.url, "moira", "a-good-password-1")
    review = f"{live_server.url}/admin/story-queue/{submission.story_id}/"
    page.goto(review)
    page.get_by_label("What should the author change?").fill(REASON)
    page.get_by_role("button", name="Request changes").click()
    expect(page.locator(".messages")).to_contain_text("Changes requested", use_inner_text=True)

    # The author reads it on their status page, and answers in words.
    author = narrow_page
    author.goto(live_server.url + submission.get_status_url())
    assert REASON in author.locator(".notice").inner_text()
    assert "answer the moderator in words" in author.content()
    assert author.evaluate("document.documentElement.scrollWidth") <= 320
    assert axe_violations(author) == []

    # Sent empty, by keyboard: the error is announced, focused and tied to the field.
    author.get_by_role("button", name="Send my message").focus()
    with author.expect_navigation():
        author.keyboard.press("Enter")
    assert author.title().startswith("Error: Your story")
    assert author.evaluate("document.activeElement.id") == "error-summary"
    [described] = author.evaluate(DESCRIPTIONS)
    assert described["name"] == "body" and described["missing"] == []
    assert "Please write your message." in described["text"]
    assert author.evaluate("document.documentElement.scrollWidth") <= 320
    assert axe_violations(author) == []

    author.get_by_role("alert").get_by_role("link").first.click()
    assert author.evaluate("document.activeElement.id") == "message_body"
    author.keyboard.type(ANSWER)
    author.keyboard.press("Tab")
    with author.expect_navigation():
        author.keyboard.press("Enter")
    assert "Your message was sent to the moderators." in author.locator(".messages").inner_text()
    thread = author.locator("#messages").inner_text()
    assert ANSWER in thread and "You" in thread
    assert axe_violations(author) == []

    message = SubmissionMessage.objects.get()
    assert message.from_author and message.body == ANSWER
    assert Submission.objects.get(pk=submission.pk).state == "changes_requested"

    # The moderator sees the answer on the review page.
    page.goto(review)
    section = page.locator("#messages")
    assert ANSWER in section.inner_text()
    assert "The author" in section.inner_text()
    assert axe_violations_in(page, "#messages") == []
