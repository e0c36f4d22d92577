"""The representative's consent, in the language they read the form in: the words
they see are that language's current version, and the proposal records which
version and which language they agreed to."""

from html import unescape

import pytest
from django.utils import timezone

from directory.consent import CONSENTS, consent_for
from directory.models import Proposal
from tests.directory.factories import proposal_form_data

pytestmark = pytest.mark.django_db

FORM = "/directory/propose/"
SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es-ES,es;q=0.9"}


@pytest.fixture(autouse=True)
def generous_rate(settings):
    settings.DIRECTORY_PROPOSAL_RATE = "100/h"


def test_a_spanish_reader_reads_the_spanish_consent(client, directory_page):
    html = unescape(client.get(FORM, **SPANISH).content.decode())

    assert CONSENTS["es"][-1].text in html
    assert CONSENTS["en"][-1].text not in html


def test_an_english_reader_reads_the_english_consent(client, directory_page):
    html = unescape(client.get(FORM).content.decode())

    assert CONSENTS["en"][-1].text in html
    assert CONSENTS["es"][-1].text not in html


def test_a_proposal_records_the_version_and_language_agreed_to(client, directory_page):
    response = client.post(FORM, proposal_form_data(), **SPANISH)
    assert response.status_code == 302

    proposal = Proposal.objects.get()
    spanish = CONSENTS["es"][-1]
    assert (proposal.consent_language, proposal.consent_version) == ("es", spanish.version)
    assert consent_for(proposal.consent_language, proposal.consent_version) == spanish
    assert proposal.consent_given_at <= timezone.now()


def test_an_english_proposal_records_the_english_consent(client, directory_page):
    client.post(FORM, proposal_form_data())

    proposal = Proposal.objects.get()
    assert proposal.consent_language == "en"
    assert proposal.consent_version == CONSENTS["en"][-1].version
