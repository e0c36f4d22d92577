"""The Health Care Social Media List in a browser: a representative proposes their
organisation, a moderator approves it, a reader finds it with the filters; an update
through the private link replaces the entry only once approved."""

import pytest
from playwright.sync_api import expect

from directory.models import DirectoryPage, Proposal
from tests.e2e.steps import make_moderator, sign_in

pytestmark = pytest.mark.usefixtures("demo_site")


def propose_organisation(page, base):
    page.goto(base + "/directory/propose/")
    page.get_by_label("Name of the organisation").fill("Fernhill Rehabilitation Hospital")
    page.get_by_label("Type of organisation").select_option("hospital")
    page.get_by_label("Country").select_option("PT")
    page.get_by_label("Region, state or province (optional)").fill("Algarve")
    page.get_by_label("City (optional)").fill("Faro")
    page.get_by_label("The organisation's web site").fill("fernhill.example.pt")
    page.get_by_label("Platform of account 1").select_option("x")
    page.get_by_label("Address of account 1").fill("https://twitter.com/FernhillRehab")
    page.get_by_label("Platform of account 2").select_option("youtube")
    page.get_by_label("Address of account 2").fill("@FernhillTV")
    page.get_by_label("Your name").fill("Inês Duarte")
    page.get_by_label("Your role at the organisation").fill("Communications lead")
    page.get_by_label("Your work email address").fill("ines.duarte@fernhill.example.pt")
    page.get_by_label("I represent this organisation").check()
    page.get_by_role("button", name="Send for review").click()
    expect(page.locator("h1")).to_contain_text("we received your proposal", use_inner_text=True)
    page.get_by_role("link", name="See my proposal's status").click()
    return page.url


def sign_in_as_moderator(page, base):
    make_moderator("moira", "a-good-password-1")
    sign_in(page, base, "moira", "a-good-password-1")


def test_representative_proposes_moderator_approves_reader_finds_it(live_server, page):
    base = live_server.url
    directory = DirectoryPage.objects.get()
    status_url = propose_organisation(page, base)
    expect(page.locator(".status-now")).to_contain_text("Received.", use_inner_text=True)

    page.goto(base + directory.url + "?q=fernhill")
    expect(page.locator("main")).to_contain_text(
        "No organisation matches these filters", use_inner_text=True
    )

    moderator = page.context.browser.new_context().new_page()
    sign_in_as_moderator(moderator, base)
    moderator.get_by_role("link", name="Open the directory queue").click()
    moderator.get_by_role("link", name="Fernhill Rehabilitation Hospital").click()
    # The click starts a navigation: read the review page once it has come (in CI the
    # queue's page was read once mid-navigation, empty).
    expect(moderator.locator("main")).to_contain_text("A new organisation")
    review = moderator.locator("main").inner_text()
    assert "is the web site's" in review
    moderator.get_by_role("button", name="Approve and publish").click()
    assert "is approved and listed" in moderator.locator(".messages").inner_text()

    page.goto(base + directory.url)
    page.get_by_label("Country").select_option(label="Portugal")
    page.get_by_label("Platform").select_option("youtube")
    page.get_by_role("button", name="Show organisations").click()
    cards = page.locator(".directory-card")
    assert cards.count() == 1
    assert "Fernhill Rehabilitation Hospital" in cards.first.inner_text()
    expect(page.locator(".result-count")).to_contain_text(
        "1 organisation, 1 account", use_inner_text=True
    )
    cards.first.get_by_role("link", name="Fernhill Rehabilitation Hospital").click()
    expect(page.locator("h1")).to_have_text("Fernhill Rehabilitation Hospital", use_inner_text=True)
    assert page.get_by_role("link", name="X (Twitter) @FernhillRehab").get_attribute("href") == (
        "https://x.com/fernhillrehab"
    )
    assert "Inês" not in page.content()

    page.goto(status_url)
    expect(page.locator(".status-now")).to_contain_text("Approved.", use_inner_text=True)


def test_an_update_through_the_private_link_replaces_the_entry_only_after_approval(
    live_server, page
):
    base = live_server.url
    directory = DirectoryPage.objects.get()
    status_url = propose_organisation(page, base)
    moderator = page.context.browser.new_context().new_page()
    sign_in_as_moderator(moderator, base)
    moderator.goto(base + "/admin/directory-queue/")
    moderator.get_by_role("link", name="Fernhill Rehabilitation Hospital").click()
    moderator.get_by_role("button", name="Approve and publish").click()

    page.goto(status_url)
    page.get_by_role("link", name="Propose an update").click()
    page.get_by_label("Name of the organisation").fill("Fernhill Hospital")
    page.get_by_label("Platform of account 3").select_option("instagram")
    page.get_by_label("Address of account 3").fill("@fernhill")
    page.get_by_label("I represent this organisation").check()
    page.get_by_role("button", name="Send for review").click()
    expect(page.locator("h1")).to_contain_text("we received your proposal", use_inner_text=True)

    entry = base + directory.url + "organisations/fernhill-rehabilitation-hospital/"
    page.goto(entry)
    expect(page.locator("h1")).to_have_text("Fernhill Rehabilitation Hospital", use_inner_text=True)
    assert page.get_by_role("link", name="Instagram @fernhill").count() == 0

    update = Proposal.objects.latest("pk")
    moderator.goto(base + f"/admin/directory-queue/{update.pk}/")
    assert "Fernhill Hospital" in moderator.locator(".directory-review__diff").inner_text()
    moderator.get_by_role("button", name="Approve and publish").click()

    page.goto(entry)
    expect(page.locator("h1")).to_have_text("Fernhill Hospital", use_inner_text=True)
    assert page.get_by_role("link", name="Instagram @fernhill").count() == 1
