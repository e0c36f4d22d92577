import pytest

pytestmark = pytest.mark.usefixtures("demo_site")


def test_reader_opens_the_home_page_and_reads_a_story(live_server, page):
    page.goto(live_server.url + "/")
    assert page.get_by_role("heading", level=1).inner_text() == "Stories of care"
    first_story = page.locator(".story-card__title a").first
    title = first_story.inner_text()
    first_story.click()

    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == title
    assert page.locator(".story__body p").count() >= 2
    assert page.locator(".story__meta").inner_text().startswith("By ")


def test_skip_link_moves_keyboard_focus_to_the_content(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_story_index_fits_a_phone_screen(live_server, phone_page):
    phone_page.goto(live_server.url + "/stories/")
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert phone_page.locator(".story-card").count() == 12
