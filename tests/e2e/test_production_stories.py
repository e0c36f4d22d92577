"""A story's journeys in Chromium, on the site served as production serves it.

Everything is done as the people do it: the author through the form, the mail
and their private link; the moderator through the story queue. The database is
read only for what nobody can see (what is left after a withdrawal).
"""

import secrets

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.production import ADMIN_PASSWORD, request
from tests.factories import CLEAN_STORY, PHONE_STORY

pytestmark = pytest.mark.usefixtures("production_site")


@pytest.fixture
def photos(tmp_path):
    paths = []
    for number, colour in enumerate([(40, 140, 90), (200, 120, 40)], start=1):
        path = tmp_path / f"photo-{number}.jpg"
        Image.new("RGB", (320, 200), colour).save(path)
        paths.append(str(path))
    return paths


def unique(text):
    """``text`` made unique in the session's shared database."""
    return f"{text} {secrets.token_hex(3)}"


def share_story(
    page, *, title, body=CLEAN_STORY, name="Ines Moreau", email, photos=(), descriptions=()
):
    """Send a story through the public form; returns the reference the page shows."""
    page.goto("/")
    page.get_by_role("link", name="Share your story").first.click()
    page.get_by_label("Title of your story").fill(title)
    page.get_by_label("Your story (required)", exact=True).fill(body)
    page.get_by_label("Patient", exact=True).check()
    page.get_by_label("My first name only").check()
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your email address").fill(email)
    if photos:
        page.get_by_label("Photos (optional)").set_input_files(list(photos))
    for number, description in enumerate(descriptions, start=1):
        page.get_by_label(f"Photo {number} shows").fill(description)
    page.locator("input[name='consent']").check()
    page.get_by_role("button", name="Send my story").click()
    page.wait_for_url("**/share/received/**")
    expect(page.get_by_role("heading", level=1)).to_contain_text("We received your story")
    return page.locator(".reference").inner_text()


def status_path(site, email):
    """The private link in the mail that says the story was received."""
    mail = site.wait_for_mail(email, "your private page")
    return site.link_in(mail, "/share/status/")


def sign_in_as_moderator(page):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("link", name="Open the story queue")).to_be_visible()


def open_review(page, title):
    page.goto("/admin/story-queue/")
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", name="Decision")).to_be_visible()


def test_author_shares_a_story_with_photos_and_follows_it_from_the_mail(
    production_site, site_page, photos
):
    page = site_page
    title, email = unique("The porter who knew my name"), "ines.photos@example.org"

    reference = share_story(page, title=title, email=email, photos=photos)

    mail = production_site.wait_for_mail(email, "your private page")
    assert reference in mail.body
    page.goto(production_site.link_in(mail, "/share/status/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your story")
    expect(page.get_by_text(f"Reference {reference}")).to_contain_text(title)
    expect(page.locator(".status-now")).to_contain_text("Received.")
    expect(page.get_by_role("link", name="Withdraw my story")).to_be_visible()

    # The moderator sees both photos, still private.
    sign_in_as_moderator(page)
    open_review(page, title)
    expect(page.locator(".story-review__photos li")).to_have_count(2)


def test_author_shares_a_story_with_a_photo_on_a_phone(production_site, site_phone_page, photos):
    page = site_phone_page
    page.goto("/share/")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0

    reference = share_story(
        page, title=unique("Back in my garden"), email="lorna@example.org", photos=photos[:1]
    )

    page.goto(status_path(production_site, "lorna@example.org"))
    expect(page.get_by_text(f"Reference {reference}")).to_be_visible()
    expect(page.locator(".status-now")).to_contain_text("Received.")


def test_moderator_asks_for_a_change_and_the_author_edits_from_their_link(
    production_site, site_page, chromium
):
    page = site_page
    title, email = unique("Talk to the night nurse"), "ari.edits@example.org"
    share_story(page, title=title, email=email)
    link = status_path(production_site, email)

    sign_in_as_moderator(page)
    open_review(page, title)
    page.get_by_label("What should the author change?").fill("Please leave out the ward number.")
    page.get_by_role("button", name="Request changes").click()
    expect(page.locator(".messages")).to_contain_text("Changes requested")

    # The author, in a browser of their own, follows the link in the mail.
    mail = production_site.wait_for_mail(email, "Please leave out the ward number.")
    edit_link = production_site.link_in(mail, "/share/")
    author = chromium.new_context(base_url=production_site.url, ignore_https_errors=True)
    try:
        author_page = author.new_page()
        author_page.goto(link)
        expect(author_page.locator(".status-now")).to_contain_text("Changes requested.")
        expect(author_page.locator(".notice")).to_contain_text("Please leave out the ward number.")
        author_page.goto(edit_link)
        author_page.get_by_label("Your story (required)", exact=True).fill(
            CLEAN_STORY + "\n\nThank you all."
        )
        author_page.get_by_role("button", name="Send my edited story").click()
        expect(author_page.locator(".status-now")).to_contain_text("Received.")
    finally:
        author.close()

    open_review(page, title)
    expect(page.locator(".review-text--body")).to_contain_text("Thank you all.")


def test_author_withdraws_and_nothing_of_their_story_is_left(production_site, site_page, photos):
    page = site_page
    title = unique("The week on ward nine")
    body = CLEAN_STORY + "\n\nThe tea trolley came at " + secrets.token_hex(4) + "."
    email, name = f"wren.{secrets.token_hex(3)}@example.org", f"Wren {secrets.token_hex(3)}"
    photos_before = set(production_site.private_media_root.rglob("*.jpg"))
    reference = share_story(page, title=title, body=body, name=name, email=email, photos=photos)
    assert "stories_submission" in production_site.tables_containing(email)
    photo_files = set(production_site.private_media_root.rglob("*.jpg")) - photos_before
    assert len(photo_files) == 2

    page.goto(status_path(production_site, email))
    page.get_by_role("link", name="Withdraw my story").click()
    page.get_by_role("button", name="Yes, withdraw my story").click()

    expect(page.locator(".status-now")).to_contain_text("Withdrawn.")
    expect(page.get_by_text(f"Reference {reference}")).to_be_visible()
    expect(page.get_by_role("link", name="Withdraw my story")).to_have_count(0)
    page.goto("/search/?q=" + title.split()[-1])
    expect(page.locator("main")).not_to_contain_text(title)
    # What nobody can see: no row of any table holds the story or its author.
    for trace in (email, name, title, body.rsplit(" ", 1)[-1]):
        assert production_site.tables_containing(trace) == [], trace
    assert not any(path.exists() for path in photo_files)
    assert production_site.query(
        "SELECT state, name, contact_email FROM stories_submission WHERE reference = %s",
        (reference,),
    ) == [("withdrawn", "", "")]


def test_moderator_redacts_approves_and_the_story_shows_the_redaction_and_the_photo(
    production_site, site_page, photos
):
    page = site_page
    title, email = unique("Talk to me before your surgery"), "hal.photo@example.org"
    share_story(
        page,
        title=title,
        body=PHONE_STORY,
        name="Hal Porter",
        email=email,
        photos=photos,
        descriptions=["The green door of the surgical ward"],
    )

    sign_in_as_moderator(page)
    open_review(page, title)
    expect(page.locator("mark.finding--block").first).to_contain_text("612-555-0187")
    expect(page.locator(".story-review__author")).to_contain_text(email)
    page.get_by_role("button", name="Redact all: Phone number").click()
    expect(page.locator(".messages")).to_contain_text("Redacted.")
    expect(page.locator(".review-text--body")).to_contain_text("[phone number]")
    # What each photo shows: the author's words for the first, the moderator's for
    # the second, which the author left undescribed (approval waits for it).
    expect(page.get_by_label("Photo 1 shows")).to_have_value("The green door of the surgical ward")
    # Publishing waits for the author to approve the redaction, unless the moderator
    # says why it may not.
    page.get_by_label("Reason to publish before the author approves").fill(
        "Hal asked on the phone for it to be up before his surgery."
    )
    page.get_by_role("button", name="Approve and publish").click()
    # The browser holds the form for the empty description (the server refuses it too).
    second = page.get_by_label("Photo 2 shows")
    assert second.evaluate("input => input.validity.valueMissing")
    expect(page.locator(".messages")).not_to_contain_text("approved")
    second.fill("An orange wall in the morning sun")
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator(".messages")).to_contain_text("is approved and published")

    # The author is told, and reads the story where everyone does.
    page.goto(status_path(production_site, email))
    expect(page.locator(".status-now")).to_contain_text("Published.")
    with page.expect_response(lambda r: "/media/images/" in r.url) as image_response:
        page.get_by_role("link", name="Read your story on the site").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    body = page.locator(".story__body")
    expect(body).to_contain_text("[phone number]")
    expect(body).not_to_contain_text("612-555-0187")
    expect(page.locator(".story__meta")).to_contain_text("By Hal")

    response = image_response.value
    assert response.status == 200
    # Chromium takes the <picture>'s first source: the smallest file, AVIF.
    assert response.headers["content-type"] == "image/avif"
    image = page.locator(".story__hero-image")
    expect(image).to_be_visible()
    expect(image).to_have_attribute("alt", "The green door of the surgical ward")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    # A 320-pixel photo is shown at most 320 pixels wide, never blown up to the column.
    assert image.evaluate("img => img.getBoundingClientRect().width") <= 320
    expect(page.locator(".story__gallery img")).to_have_attribute(
        "alt", "An orange wall in the morning sun"
    )

    # Only renditions are public: not the originals, and never the private copies.
    for private in production_site.private_media_root.rglob("*.jpg"):
        relative = private.relative_to(production_site.private_media_root)
        assert request(production_site, f"/media/{relative}")[0] == 404
    for original in production_site.media_root.glob("original_images/*"):
        assert request(production_site, f"/media/original_images/{original.name}")[0] == 404


def test_moderator_declines_with_a_reason_and_the_author_reads_it(production_site, site_page):
    page = site_page
    title, email = unique("A story for another site"), "dee.declined@example.org"
    share_story(page, title=title, email=email)
    link = status_path(production_site, email)

    sign_in_as_moderator(page)
    open_review(page, title)
    page.get_by_role("button", name="Decline").click()
    # The reason is required: the browser keeps the form until one is given.
    expect(page.get_by_role("heading", name="Decision")).to_be_visible()
    page.get_by_label("Why decline? (sent to the author)").fill(
        "It is about a clinic we do not cover."
    )
    page.get_by_role("button", name="Decline").click()
    expect(page.locator(".messages")).to_contain_text("is declined; the author has been emailed")

    mail = production_site.wait_for_mail(email, "It is about a clinic we do not cover.")
    assert link in mail.body
    page.goto(link)
    expect(page.locator(".status-now")).to_contain_text("Not published.")
    expect(page.locator(".notice")).to_contain_text("It is about a clinic we do not cover.")
    page.goto("/stories/")
    expect(page.locator("main")).not_to_contain_text(title)


def test_a_blocking_finding_is_published_only_with_an_override_reason(production_site, site_page):
    page = site_page
    title = unique("Call me if you are scared")
    share_story(page, title=title, body=PHONE_STORY, email="kit.override@example.org")

    sign_in_as_moderator(page)
    open_review(page, title)
    expect(page.get_by_text("1 finding blocks publication")).to_be_visible()
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator(".messages")).to_contain_text("block publication")
    expect(page.get_by_role("button", name="Approve and publish")).to_be_visible()
    page.goto("/stories/")
    expect(page.locator("main")).not_to_contain_text(title)

    open_review(page, title)
    page.get_by_label("Override reason").fill("The author runs the hospital's public helpline.")
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator(".messages")).to_contain_text("is approved and published")

    page.goto("/stories/")
    page.get_by_role("link", name=title).click()
    expect(page.locator(".story__body")).to_contain_text("612-555-0187")
