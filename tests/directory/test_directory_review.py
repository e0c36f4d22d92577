"""The directory queue in the admin: who sees it, the review (diff, checks, findings),
the decisions and their record; nothing is public before an approval."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.models import ModelLogEntry

from directory.models import Account, Organisation, Proposal
from tests.directory.factories import AccountFactory, OrganisationFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/directory-queue/"


def text_of(response):
    return " ".join(BeautifulSoup(response.content.decode(), "html.parser").get_text(" ").split())


def decide(client, proposal, action, reason="", execute=None):
    return client.post(f"{QUEUE}{proposal.pk}/decide/", {"action": action, "reason": reason})


def test_queue_lists_waiting_proposals_to_moderators_only(propose, moderator_client, client):
    proposal, _status = propose()

    listing = moderator_client.get(QUEUE)
    assert "Bayview Community Hospital" in text_of(listing)
    assert proposal.reference in text_of(listing)

    client.force_login(UserFactory(username="editor", is_staff=True))
    assert client.get(QUEUE).status_code in (302, 403)
    assert client.get(f"{QUEUE}{proposal.pk}/").status_code in (302, 403)


def test_queue_pages_in_a_bounded_number_of_queries(
    propose, moderator_client, django_assert_max_num_queries
):
    for number in range(12):
        propose(name=f"Hospital {number:02d}", accounts=[("x", f"@hospital{number:02d}")])

    with django_assert_max_num_queries(40):
        response = moderator_client.get(QUEUE)
    assert "Hospital 11" in text_of(response)


def test_review_shows_the_new_organisation_checks_and_the_sender(propose, moderator_client):
    OrganisationFactory(name="Bayview Community Hospital", slug="bayview-old")
    proposal, _status = propose(representative_email="priya@gmail.example.com")

    page = text_of(moderator_client.get(f"{QUEUE}{proposal.pk}/"))

    assert "A new organisation" in page
    assert "https://x.com/bayviewhosp" in page and "Added" in page
    assert "An organisation of the same name is listed already" in page
    assert "is not the web site's (bayview.example.org)" in page
    assert "Priya Natarajan, Social media manager" in page


def test_review_shows_an_update_as_a_diff_against_the_entry(propose, moderator_client):
    listed = OrganisationFactory(name="Harbour Clinic", slug="harbour-clinic", country="NZ")
    AccountFactory(
        organisation=listed, platform="x", handle="@harbour", url="https://x.com/harbour"
    )
    proposal, _status = propose(
        url="/directory/propose/?organisation=harbour-clinic",
        organisation="harbour-clinic",
        name="Harbour Clinic and Hospital",
        country="NZ",
        organisation_website="https://harbour.example.org/",
        representative_email="jo@harbour.example.org",
        accounts=[("instagram", "@harbourclinic")],
    )

    soup = BeautifulSoup(moderator_client.get(f"{QUEUE}{proposal.pk}/").content, "html.parser")
    name_row = soup.select_one(".directory-review__diff tbody tr")
    assert [td.get_text(strip=True) for td in name_row.select("td")] == [
        "Harbour Clinic",
        "Harbour Clinic and Hospital(changed)",
    ]
    changes = {
        tr.select("td")[1].get_text(strip=True): tr.select("td")[3].get_text(strip=True)
        for tr in soup.select(".directory-review__accounts tbody tr")
    }
    assert changes == {
        "https://www.instagram.com/harbourclinic/": "Added",
        "https://x.com/harbour": "Removed",
    }
    assert "The work email's domain (harbour.example.org) is the web site's" in soup.get_text()


def test_review_shows_the_screen_findings(propose, moderator_client):
    proposal, _status = propose(name="Bayview Hospital: buy now, 50% off, use promo code CARE50")

    page = text_of(moderator_client.get(f"{QUEUE}{proposal.pk}/"))

    assert "Advertising or selling in Name of the organisation" in page


def test_approval_publishes_the_organisation_and_records_who_and_when(
    propose, moderator_client, moderator, client, directory_page, django_capture_on_commit_callbacks
):
    proposal, status_path = propose()
    assert "Bayview" not in client.get(directory_page.url).content.decode()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(moderator_client, proposal, "approve")

    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Bayview Community Hospital")
    assert (organisation.slug, organisation.country.code, organisation.city) == (
        "bayview-community-hospital",
        "AU",
        "Sydney",
    )
    assert sorted(organisation.accounts.values_list("url", flat=True)) == [
        "https://www.facebook.com/bayviewhospital",
        "https://x.com/bayviewhosp",
    ]
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.APPROVED
    assert proposal.decided_by == moderator and proposal.decided_at is not None
    assert proposal.organisation == organisation
    entry = ModelLogEntry.objects.for_instance(proposal).get(action="directory.proposal.approve")
    assert entry.user == moderator
    assert [m.to for m in mail.outbox] == [["priya.natarajan@bayview.example.org"]]
    assert "approved" in mail.outbox[0].body

    listing = client.get(directory_page.url + "?country=AU").content.decode()
    assert "Bayview Community Hospital" in listing
    status = client.get(status_path).content.decode()
    assert "Approved." in status and "organisations/bayview-community-hospital/" in status


def test_asking_for_changes_needs_a_reason_and_lets_the_representative_edit(
    propose, moderator_client, client, django_capture_on_commit_callbacks
):
    proposal, status_path = propose()

    refused = decide(moderator_client, proposal, "request_changes", reason="  ")
    assert refused.status_code == 400
    assert "Please give the representative a reason" in text_of(refused)

    with django_capture_on_commit_callbacks(execute=True):
        decide(moderator_client, proposal, "request_changes", reason="Please add your Instagram.")
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.CHANGES_REQUESTED
    entry = ModelLogEntry.objects.for_instance(proposal).get(
        action="directory.proposal.request_changes"
    )
    assert entry.data["reason"] == "Please add your Instagram."
    assert "Please add your Instagram." in mail.outbox[-1].body
    status = text_of(client.get(status_path))
    assert "Changes requested." in status and "Please add your Instagram." in status

    edit = client.get(status_path + "update/")
    soup = BeautifulSoup(edit.content, "html.parser")
    assert soup.select_one("#id_representative_email")["value"] == (
        "priya.natarajan@bayview.example.org"
    )
    from tests.directory.factories import proposal_form_data

    data = proposal_form_data(
        accounts=[("x", "@BayviewHosp"), ("instagram", "https://instagram.com/bayviewhosp")]
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(status_path + "update/", data).status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.RECEIVED
    assert len(proposal.proposed_accounts) == 2
    assert not Organisation.objects.exists()


def test_decline_records_the_reason_and_publishes_nothing(
    propose, moderator_client, client, directory_page, django_capture_on_commit_callbacks
):
    proposal, status_path = propose()

    with django_capture_on_commit_callbacks(execute=True):
        decide(moderator_client, proposal, "decline", reason="Not a health-care organisation.")

    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.DECLINED
    assert proposal.state_reason == "Not a health-care organisation."
    assert not Organisation.objects.exists()
    assert "Not a health-care organisation." in text_of(client.get(status_path))
    history = text_of(moderator_client.get(f"{QUEUE}{proposal.pk}/"))
    assert "Declined: Not a health-care organisation." in history


def test_a_second_decision_is_refused(propose, moderator_client):
    proposal, _status = propose()
    decide(moderator_client, proposal, "decline", reason="No.")

    again = decide(moderator_client, proposal, "approve")

    assert "already decided" in text_of(again) or again.status_code == 400
    assert not Organisation.objects.exists()


def test_an_account_listed_for_another_organisation_blocks_approval(propose, moderator_client):
    other = OrganisationFactory(name="Other Clinic", slug="other-clinic")
    AccountFactory(
        organisation=other, platform="x", handle="@bayviewhosp", url="https://x.com/bayviewhosp"
    )
    proposal, _status = propose()

    response = decide(moderator_client, proposal, "approve")

    assert "https://x.com/bayviewhosp is listed for Other Clinic" in text_of(response)
    assert Account.objects.count() == 1


def test_an_update_replaces_the_entry_only_after_approval(
    propose, moderator_client, client, directory_page, django_capture_on_commit_callbacks
):
    proposal, status_path = propose()
    with django_capture_on_commit_callbacks(execute=True):
        decide(moderator_client, proposal, "approve")

    from tests.directory.factories import proposal_form_data

    data = proposal_form_data(
        name="Bayview Hospital", accounts=[("youtube", "https://www.youtube.com/@bayviewtv")]
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(status_path + "update/", data)
    assert response.status_code == 302
    update = Proposal.objects.latest("pk")
    proposal.refresh_from_db()
    assert update.organisation == proposal.organisation and update.pk != proposal.pk

    entry = directory_page.url + "organisations/bayview-community-hospital/"
    assert "Bayview Community Hospital" in text_of(client.get(entry))
    assert "bayviewtv" not in client.get(entry).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        decide(moderator_client, update, "approve")
    page = client.get(entry).content.decode()
    assert "Bayview Hospital" in page and "https://www.youtube.com/@bayviewtv" in page
    assert "https://x.com/bayviewhosp" not in page
    assert Organisation.objects.count() == 1


def test_representatives_details_appear_on_no_public_page(
    propose, moderator_client, client, directory_page, django_capture_on_commit_callbacks
):
    proposal, _status = propose()
    with django_capture_on_commit_callbacks(execute=True):
        decide(moderator_client, proposal, "approve")

    public = [
        directory_page.url,
        directory_page.url + "?q=bayview",
        directory_page.url + "organisations/bayview-community-hospital/",
        "/feed/",
        "/sitemap.xml",
        "/search/?q=bayview",
    ]
    for url in public:
        body = client.get(url).content.decode()
        for secret in ["Priya", "Natarajan", "priya.natarajan@", "Social media manager"]:
            assert secret not in body, (url, secret)


def test_dashboard_counts_the_waiting_proposals_for_moderators(propose, moderator_client):
    propose()
    propose(name="Second Hospital", accounts=[("x", "@secondhosp")])

    page = text_of(moderator_client.get("/admin/"))

    assert "2 proposals are waiting for review." in page
    assert "Open the directory queue" in page
