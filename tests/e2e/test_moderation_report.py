"""The moderation figures as a moderator meets them, in Chromium: reached from the
Reports menu, each chart an image named by its title and described by its caption,
no accessibility violation in the report, nothing refused by the
Content-Security-Policy."""

import pytest
from playwright.sync_api import expect

from stories.services import submit_story
from tests.e2e.steps import make_moderator
from tests.e2e.test_content_security_policy import PASSWORD, PolicyWatch
from tests.e2e.test_form_accessibility import AXE
from tests.factories import PHONE_STORY

pytestmark = pytest.mark.usefixtures("demo_site")


def test_moderator_opens_the_figures_from_the_reports_menu(live_server, page):
    submit_story(
        {
            "title": "Talk to me before your surgery",
            "body": PHONE_STORY,
            "role": "patient",
            "naming": "anonymous",
            "name": "",
            "email": "hal@example.org",
        }
    )
    make_moderator("moira", PASSWORD)
    watch = PolicyWatch(page, live_server.url)
    watch.sign_in("moira", PASSWORD)

    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Moderation figures").click()
    page.wait_for_url("**/admin/reports/moderation/")
    watch.collect()

    weekly = page.get_by_role("img", name="Submissions per week")
    expect(weekly).to_be_visible()
    description = page.locator("#" + weekly.get_attribute("aria-describedby")).inner_text()
    assert "1 submission in the 12 weeks from" in description
    findings = page.get_by_role("img", name="Findings by category")
    assert (
        "Phone number: 1"
        in page.locator("#" + findings.get_attribute("aria-describedby")).inner_text()
    )
    expect(page.get_by_role("table").filter(has_text="Phone number")).to_be_visible()

    page.get_by_label("Period").select_option("52")
    with page.expect_navigation():
        page.get_by_role("button", name="Show").click()
    assert page.locator("#weekly-table tbody tr").count() == 52
    watch.collect()

    page.evaluate(AXE)
    result = page.evaluate("async () => await axe.run({include: [['.moderation-report']]})")
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []
    assert watch.problems == []
