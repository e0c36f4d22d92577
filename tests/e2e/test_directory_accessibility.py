"""The directory on a phone and for assistive technology: axe-core finds nothing on
its list, an organisation's page or the proposal form with its errors, and the list
fits a phone's width."""

import pytest
from playwright.sync_api import expect

from directory.models import DirectoryPage
from tests.e2e.test_form_accessibility import axe_violations

pytestmark = pytest.mark.usefixtures("demo_site")


def test_directory_and_its_form_pass_axe_on_a_phone(live_server, phone_page):
    page = phone_page
    directory = DirectoryPage.objects.get()

    page.goto(live_server.url + directory.url + "?country=CA")
    assert page.locator(".directory-card").count() >= 3
    assert axe_violations(page) == []
    width = page.locator("body").bounding_box()["width"]
    assert page.locator(".directory-grid").bounding_box()["width"] <= width

    page.locator(".directory-card__name a").first.click()
    expect(page.get_by_role("heading", name="Official accounts")).to_be_visible()
    assert axe_violations(page) == []

    page.goto(live_server.url + "/directory/propose/")
    page.get_by_label("Address of account 1").fill("https://www.facebook.com/somewhere")
    page.get_by_role("button", name="Send for review").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#error-summary")).to_contain_text(
        "Platform of account 1", use_inner_text=True
    )
    assert axe_violations(page) == []
