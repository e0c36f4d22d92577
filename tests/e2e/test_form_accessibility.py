"""Forms as a keyboard and screen-reader user meets them, in Chromium.

axe-core is the copy the axe-playwright-python package ships (requirements-dev.txt).
"""

from importlib.resources import files

import pytest
from playwright.sync_api import expect

from stories.models import Submission
from stories.services import submit_story
from tests.e2e.steps import make_moderator, sign_in
from tests.factories import PHONE_STORY

pytestmark = pytest.mark.usefixtures("demo_site")

AXE = files("axe_playwright_python").joinpath("axe.min.js").read_text()

# For every invalid field (a control with aria-invalid, or the fieldset of a group
# of choices with an error, which describes its choices), the text of what its
# aria-describedby names, and the ids it names that are not on the page.
DESCRIPTIONS = """() => [...document.querySelectorAll(
    "form [aria-invalid=true]:not(fieldset.field--error input), form fieldset.field--error"
)].map((el) => {
    const ids = (el.getAttribute("aria-describedby") || "").split(/\\s+/).filter(Boolean);
    const missing = ids.filter((id) => !document.getElementById(id));
    return {
        name: el.name || el.querySelector("input").name,
        missing,
        text: ids.map((id) => document.getElementById(id)?.textContent || "").join(" "),
    };
})"""


def axe_violations(page):
    page.evaluate(AXE)
    result = page.evaluate("async () => await axe.run(document)")
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


def test_share_form_errors_are_announced_and_reached_by_keyboard(live_server, page):
    page.goto(live_server.url + "/share/")
    page.get_by_label("Title of your story").focus()
    page.keyboard.type("Half finished")
    page.keyboard.press("Tab")
    page.keyboard.type("Too short")
    page.get_by_role("button", name="Send my story").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.title().startswith("Error: Share your story")
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary"

    described = page.evaluate(DESCRIPTIONS)
    assert {d["name"] for d in described} == {"body", "role", "naming", "email", "consent"}
    for field in described:
        assert field["missing"] == [], field
        assert "Error:" in field["text"], field
    body = next(d for d in described if d["name"] == "body")
    assert "Ensure this value has at least 100 characters" in body["text"]

    links = summary.get_by_role("link")
    assert links.count() == 5
    for i in range(links.count()):
        link = links.nth(i)
        target = link.get_attribute("href")[1:]
        link.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == target
    assert page.get_by_label("Your story (required)", exact=True).input_value() == "Too short"

    assert axe_violations(page) == []


def test_the_character_count_is_announced_when_typing_pauses(live_server, page):
    page.goto(live_server.url + "/share/")
    page.evaluate("""() => {
        window.liveChanges = [];
        const observer = new MutationObserver((records) => records.forEach((r) => {
            const region = r.target.nodeType === 1 ? r.target : r.target.parentElement;
            if (region.closest("[aria-live]")) window.liveChanges.push(region.textContent);
        }));
        observer.observe(document.getElementById("field-body"),
            {subtree: true, childList: true, characterData: true});
    }""")
    story = page.get_by_label("Your story (required)", exact=True)
    story.focus()
    page.keyboard.type("I was scared", delay=30)

    expect(page.locator(".counter")).to_have_text("12 of 20,000 characters", use_inner_text=True)
    assert page.evaluate("window.liveChanges") == []
    # Polled from here: wait_for_function evaluates a string, which the site's
    # Content-Security-Policy (no 'unsafe-eval') refuses, as it should.
    for _ in range(50):
        if page.evaluate("() => window.liveChanges.length"):
            break
        page.wait_for_timeout(100)
    assert page.evaluate("window.liveChanges") == ["12 of 20,000 characters"]


def test_a_story_sent_after_its_session_expired_is_kept(live_server, page):
    page.goto(live_server.url + "/share/")
    page.get_by_label("Title of your story").fill("Kept after all")
    story_text = "The night before my operation a nurse sat with me and talked. " * 3
    page.get_by_label("Your story (required)", exact=True).fill(story_text)
    page.get_by_label("Patient", exact=True).check()
    page.get_by_label("Anonymous").check()
    page.get_by_label("Your email address").fill("kept@example.org")
    page.locator("input[name='consent']").check()
    page.context.clear_cookies(name="csrftoken")
    page.get_by_role("button", name="Send my story").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Your session expired"
    expect(page.get_by_role("alert")).to_contain_text("we kept what you wrote", use_inner_text=True)
    assert page.get_by_label("Your story", exact=True).input_value() == story_text
    assert not Submission.objects.exists()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Send it again").click()

    page.wait_for_url("**/share/received/**")
    assert Submission.objects.get().story.body == story_text.strip()


def test_after_a_redaction_focus_stays_with_the_findings(live_server, page):
    submit_story(
        {
            "title": "Talk to me before your surgery",
            "body": PHONE_STORY + "\n\nOr email me at hal@example.org, or hal.porter@example.org.",
            "role": "patient",
            "naming": "anonymous",
            "name": "",
            "email": "hal@example.org",
        }
    )
    make_moderator("moira", "a-good-password-1")
    sign_in(page, live_server.url, "moira", "a-good-password-1")
    page.get_by_role("link", name="Open the story queue").click()
    page.get_by_role("link", name="Talk to me before your surgery").click()

    buttons = page.locator(".story-review__findings").get_by_role("button")
    buttons.first.wait_for()
    count = buttons.count()
    assert count >= 2
    buttons.first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    focused = page.evaluate("""() => ({
        inFindings: !!document.activeElement.closest(".story-review__findings"),
        text: document.activeElement.textContent,
        status: document.getElementById(
            document.activeElement.getAttribute("aria-describedby") || "none")?.textContent,
    })""")
    assert focused["inFindings"] and focused["text"].startswith("Redact as")
    assert focused["status"].startswith("Redacted.")
    assert buttons.count() == count - 1

    for _ in range(count - 1):
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "findings-heading"
    expect(page.locator("#redaction-status")).to_contain_text(
        "No findings are left to redact", use_inner_text=True
    )
