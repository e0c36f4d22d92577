"""The representative's form: a proposal stored privately, screened, its status link
mailed; every mistake reported at its field, never a server error."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from directory.models import Organisation, Proposal, token_digest
from tests.directory.factories import AccountFactory, OrganisationFactory, proposal_form_data

pytestmark = pytest.mark.django_db

FORM = "/directory/propose/"


def errors_of(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return {
        ul["id"].removeprefix("id_").removesuffix("_error"): ul.get_text(" ", strip=True)
        for ul in soup.select("ul.errorlist[id]")
    }


def test_form_is_labelled_and_protected(client, directory_page):
    response = client.get(FORM)
    soup = BeautifulSoup(response.content.decode(), "html.parser")

    assert soup.select_one("h1").get_text() == "Add an organisation to the directory"
    assert soup.select_one("input[name=csrfmiddlewaretoken]") is not None
    for field in soup.select(
        "form.proposal-form select, form.proposal-form input:not([type=hidden])"
    ):
        assert soup.select_one(f"label[for={field['id']}]") is not None, field["id"]
    assert len(soup.select("select[name^=platform_]")) == 6


def test_proposal_is_stored_privately_and_its_link_mailed(propose, client):
    proposal, status_path = propose()

    assert proposal.reference.startswith("D-")
    assert proposal.state == Proposal.State.RECEIVED
    assert proposal.data["organisation"]["name"] == "Bayview Community Hospital"
    assert proposal.data["organisation"]["website"] == "https://www.bayview.example.org/"
    assert proposal.data["accounts"] == [
        {"platform": "x", "url": "https://x.com/bayviewhosp", "handle": "@BayviewHosp"},
        {
            "platform": "facebook",
            "url": "https://www.facebook.com/bayviewhospital",
            "handle": "bayviewhospital",
        },
    ]
    assert proposal.representative_email == "priya.natarajan@bayview.example.org"
    assert not Organisation.objects.exists()  # nothing is public before a moderator approves
    token = status_path.rstrip("/").rsplit("/", 1)[-1]
    assert proposal.token_hash == token_digest(token)
    assert token not in str(Proposal.objects.filter(pk=proposal.pk).values().get())

    receipt = next(m for m in mail.outbox if m.to == ["priya.natarajan@bayview.example.org"])
    assert proposal.reference in receipt.subject
    assert re.search(rf"http://\S+{re.escape(status_path)}", receipt.body)

    status = client.get(status_path)
    assert "Received." in status.content.decode()
    assert status["X-Robots-Tag"] == "noindex, nofollow"


def test_moderators_are_told_of_a_new_proposal(propose, moderator):
    proposal, _status = propose()

    told = next(m for m in mail.outbox if m.to == [moderator.email])
    assert proposal.reference in told.subject
    assert f"/admin/directory-queue/{proposal.pk}/" in told.body
    assert "priya" not in told.body.lower()


def test_an_unknown_status_link_is_not_found(client, directory_page):
    assert client.get("/directory/status/not-a-real-token/").status_code == 404
    assert client.get("/directory/status/" + "x" * 500 + "/").status_code == 404


def test_screen_findings_of_promotion_are_kept_for_the_moderator(propose):
    proposal, _status = propose(name="Bayview Hospital: buy now, 50% off, use promo code CARE50")

    assert {finding["category"] for finding in proposal.findings} == {"promotion"}
    assert proposal.findings[0]["field"] == "name"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "This field is required"),
        ({"name": "\x00\x00 "}, "name", "This field is required"),
        ({"name": "x" * 5000}, "name", "Names can be at most 200 characters"),
        ({"city": "y" * 101}, "city", "Cities can be at most 100 characters"),
        ({"type": "casino"}, "type", "Select a valid choice"),
        ({"country": "XX"}, "country", "Select a valid choice"),
        ({"organisation_website": "not a site"}, "organisation_website", "no spaces"),
        (
            {"organisation_website": "javascript:alert(1)"},
            "organisation_website",
            "not a web address",
        ),
        ({"representative_email": "priya"}, "representative_email", "valid email"),
        ({"representative_role": "z" * 121}, "representative_role", "Roles can be at most 120"),
        ({"consent": None}, "consent", "Please tick the box"),
        ({"platform_1": "myspace"}, "platform_1", "Select a valid choice"),
        ({"url_1": "https://www.facebook.com/bayview"}, "url_1", "This is an address on Facebook"),
        ({"url_1": "https://x.com/bayview/status/1"}, "url_1", "not of an account"),
        ({"url_1": "<script>alert(1)</script>"}, "url_1", "This is not a web address"),
        ({"url_1": "https://x.com/" + "a" * 600}, "url_1", "Web addresses can be at most 500"),
        ({"platform_1": ""}, "platform_1", "Please choose the platform"),
        ({"url_2": ""}, "url_2", "Please give this account's address"),
        ({"platform_2": "x", "url_2": "@BayviewHosp"}, "url_2", "already above"),
    ],
)
def test_bad_input_is_reported_at_its_field(client, directory_page, overrides, field, message):
    response = client.post(FORM, proposal_form_data(**overrides))

    assert response.status_code == 400
    errors = errors_of(response)
    assert message in errors.get(field, ""), errors
    assert "<script>alert" not in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_proposal_needs_an_account(client, directory_page):
    response = client.post(FORM, proposal_form_data(accounts=[]))

    assert response.status_code == 400
    assert "at least one account" in errors_of(response)["platform_1"]


def test_typed_values_stay_on_the_page_escaped(client, directory_page):
    response = client.post(FORM, proposal_form_data(name="<b>Bayview</b>", consent=None))

    html = response.content.decode()
    assert "&lt;b&gt;Bayview&lt;/b&gt;" in html
    assert "<b>Bayview</b>" not in html


def test_the_honeypot_refuses_a_bot(client, directory_page):
    response = client.post(FORM, proposal_form_data(website="http://spam.example.com"))

    assert response.status_code == 400
    assert "could not be accepted" in response.content.decode()
    assert not Proposal.objects.exists()


def test_rate_limit_refuses_before_the_screen_and_keeps_the_text(client, directory_page, settings):
    settings.DIRECTORY_PROPOSAL_RATE = "1/h"
    first = client.post(FORM, proposal_form_data())
    assert first.status_code == 302

    second = client.post(FORM, proposal_form_data(name="Second Hospital"))

    assert second.status_code == 429
    assert "several proposals from this connection" in second.content.decode()
    assert 'value="Second Hospital"' in second.content.decode()
    assert Proposal.objects.count() == 1


def test_a_huge_post_gets_a_page_not_an_error(client, directory_page):
    response = client.post(
        FORM, proposal_form_data(**{f"url_{n}": "https://x.com/" + "q" * 100_000 for n in (1, 2)})
    )

    assert response.status_code == 400


def test_an_update_of_a_listed_organisation_starts_from_its_entry(client, directory_page, propose):
    listed = OrganisationFactory(name="Harbour Clinic", slug="harbour-clinic", country="NZ")
    AccountFactory(
        organisation=listed, platform="x", handle="@harbour", url="https://x.com/harbour"
    )

    soup = BeautifulSoup(client.get(FORM + "?organisation=harbour-clinic").content, "html.parser")
    assert soup.select_one("h1").get_text() == "Update Harbour Clinic"
    assert soup.select_one("#id_name")["value"] == "Harbour Clinic"
    assert soup.select_one("#id_url_1")["value"] == "https://x.com/harbour"

    proposal, _status = propose(
        url=FORM + "?organisation=harbour-clinic", organisation="harbour-clinic"
    )
    assert proposal.organisation == listed
    assert Organisation.objects.get(pk=listed.pk).name == "Harbour Clinic"  # not before approval
