"""The list of submissions as a moderator meets it, in Chromium, on a 320-pixel screen:
reached from the menu, a reference looked up as it is read out, the submission's
page, and an erasure confirmed from the keyboard; axe-core finds nothing on the
three pages and the Content-Security-Policy refuses nothing."""

import pytest
from playwright.sync_api import expect

from stories.models import Submission
from stories.services import submit_story
from tests.e2e.steps import make_moderator
from tests.e2e.test_content_security_policy import PASSWORD, PolicyWatch
from tests.e2e.test_form_accessibility import AXE, DESCRIPTIONS
from tests.factories import PHONE_STORY

pytestmark = pytest.mark.usefixtures("demo_site")

NARROW = {"width": 320, "height": 720}


@pytest.fixture
def narrow_page(chromium):
    context = chromium.new_context(viewport=NARROW, has_touch=True, is_mobile=True)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def axe_violations(page, selector):
    page.evaluate(AXE)
    result = page.evaluate(f"async () => await axe.run({{include: [['{selector}']]}})")
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


def test_moderator_looks_up_a_submission_and_erases_it_from_the_keyboard(live_server, narrow_page):
    page = narrow_page
    submission = submit_story(
        {
            "title": "Talk to me before your surgery",
            "body": PHONE_STORY,
            "role": "patient",
            "naming": "anonymous",
            "name": "Hal Lindqvist",
            "email": "hal@example.org",
        }
    )
    make_moderator("moira", PASSWORD)
    watch = PolicyWatch(page, live_server.url)
    watch.sign_in("moira", PASSWORD)

    watch.visit("/admin/submissions/")
    search = page.get_by_role("textbox", name="Search")
    search.fill(submission.reference.replace("-", "").lower())
    search.press("Enter")
    link = page.get_by_role("link", name=submission.reference)
    link.wait_for()
    watch.collect()
    assert page.locator("table.listing tbody tr").count() == 1
    assert axe_violations(page, "main") == []

    link.click()
    page.wait_for_url(f"**/admin/submissions/{submission.pk}/")
    watch.collect()
    expect(page.get_by_text("hal@example.org")).to_be_visible()
    assert axe_violations(page, "main") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]

    page.get_by_role("link", name="Erase everything held…").click()
    page.wait_for_url(f"**/admin/submissions/{submission.pk}/erase/")
    erase = page.get_by_role("button", name="Erase for good")
    erase.focus()
    page.keyboard.press("Enter")  # without the confirmation
    page.wait_for_load_state("networkidle")
    watch.collect()
    confirm = page.get_by_role("checkbox", name="I have checked")
    assert confirm.get_attribute("aria-invalid") == "true"
    assert page.evaluate(DESCRIPTIONS) == [
        {
            "name": "confirm",
            "missing": [],
            "text": "Tick the box to confirm: an erasure cannot be undone.",
        }
    ]
    assert axe_violations(page, "main") == []
    assert Submission.objects.get(pk=submission.pk).erased_at is None

    confirm.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Erase for good").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/admin/submissions/{submission.pk}/")
    watch.collect()
    expect(page.get_by_text(f"Erased {submission.reference}")).to_be_visible()
    assert Submission.objects.get(pk=submission.pk).erased_at is not None
    # The one error: the refused confirmation, answered 400 on purpose.
    refused = f"{live_server.url}/admin/submissions/{submission.pk}/erase/"
    assert watch.problems == [f"{refused}: {refused} answered 400"]
