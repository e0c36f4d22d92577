import pytest
from PIL import Image
from playwright.sync_api import expect

from stories.models import Submission

pytestmark = pytest.mark.usefixtures("demo_site")


def test_submitter_shares_a_story_with_a_photo_on_a_phone(live_server, phone_page, tmp_path):
    picture = tmp_path / "garden.jpg"
    Image.new("RGB", (120, 80), (40, 140, 90)).save(picture)
    page = phone_page

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Share your story").first.click()
    page.get_by_label("Title of your story").fill("Back in my garden")
    page.get_by_label("Your story (required)", exact=True).fill(
        "Six weeks after my operation I knelt in the garden again. " * 4
    )
    expect(page.locator(".counter")).to_contain_text("of 20,000 characters", use_inner_text=True)
    page.get_by_label("Patient", exact=True).check()
    expect(page.locator("#employee-confirmations")).to_be_hidden()
    page.get_by_label("My first name only").check()
    page.get_by_label("Your name").fill("Lorna")
    page.get_by_label("Your email address").fill("lorna@example.org")
    page.get_by_label("Photos (optional)").set_input_files(str(picture))
    page.locator("input[name='consent']").check()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    page.get_by_role("button", name="Send my story").click()

    page.wait_for_url("**/share/received/**")
    assert "We received your story" in page.get_by_role("heading", level=1).inner_text()
    submission = Submission.objects.get()
    expect(page.locator(".reference")).to_contain_text(submission.reference, use_inner_text=True)
    assert submission.photos.count() == 1


def test_missing_answers_are_shown_and_the_story_is_kept(live_server, page):
    page.goto(live_server.url + "/share/")
    page.get_by_label("Title of your story").fill("Half finished")
    page.get_by_label("Your story (required)", exact=True).fill("Too short")
    page.get_by_role("button", name="Send my story").click()

    alert = page.get_by_role("alert")
    assert "There is a problem" in alert.inner_text()
    assert page.get_by_label("Your story (required)", exact=True).input_value() == "Too short"
    assert page.get_by_label("Title of your story").input_value() == "Half finished"
    assert not Submission.objects.exists()
