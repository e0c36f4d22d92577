"""The pages people look for (about, privacy, terms, contact), reached from the footer."""

import pytest
from playwright.sync_api import expect

from stories.models import StoryPage
from tests.e2e.test_form_accessibility import axe_violations

pytestmark = pytest.mark.usefixtures("demo_site")


def test_reader_on_a_phone_follows_the_footer_from_a_story_to_the_privacy_policy(
    live_server, phone_page
):
    story = StoryPage.objects.live().order_by("path").first()
    phone_page.goto(live_server.url + story.url)

    footer = phone_page.get_by_role("navigation", name="About this site")
    assert footer.get_by_role("link").all_inner_texts() == [
        "About",
        "Privacy policy",
        "Terms of use",
        "Contact",
    ]
    link = footer.get_by_role("link", name="Privacy policy")
    link.scroll_into_view_if_needed()
    box = link.bounding_box()
    assert box["height"] >= 24  # a target a finger can hit
    with phone_page.expect_navigation():
        link.tap()

    assert phone_page.url == live_server.url + "/privacy/"
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Privacy policy"
    expect(phone_page.get_by_role("heading", level=2, name="Cookies")).to_be_visible()
    expect(phone_page.locator("code", has_text="comment_confirmed")).to_be_visible()
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert axe_violations(phone_page) == []
