"""The directory's rows: organisations, their accounts, proposals and who reviews them."""

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError

from directory.models import Account, Organisation, Proposal, token_digest
from directory.permissions import can_review_proposals
from moderation.permissions import MODERATORS_GROUP
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def make_organisation(**kwargs):
    values = {
        "name": "St Brigid's Hospital",
        "slug": "st-brigids-hospital",
        "type": "hospital",
        "country": "IE",
        "region": "Leinster",
        "city": "Dublin",
        "website": "https://stbrigids.example.ie/",
    }
    values.update(kwargs)
    return Organisation.objects.create(**values)


def test_organisation_place_reads_city_region_and_country_name():
    organisation = make_organisation()

    assert organisation.place == "Dublin, Leinster, Ireland"
    assert make_organisation(slug="other", city="", region="").place == "Ireland"


def test_accounts_are_listed_in_the_platforms_order():
    organisation = make_organisation()
    for platform, url in [
        ("podcast", "https://pod.example.ie/"),
        ("instagram", "https://www.instagram.com/stbrigids/"),
        ("x", "https://x.com/stbrigids"),
    ]:
        Account.objects.create(organisation=organisation, platform=platform, url=url, handle="h")

    assert [a.platform for a in organisation.sorted_accounts()] == ["x", "instagram", "podcast"]


def test_an_account_address_is_listed_once():
    organisation = make_organisation()
    Account.objects.create(
        organisation=organisation, platform="x", url="https://x.com/stbrigids", handle="@stbrigids"
    )

    with pytest.raises(IntegrityError):
        Account.objects.create(
            organisation=make_organisation(slug="copy"),
            platform="x",
            url="https://x.com/stbrigids",
            handle="@stbrigids",
        )


def test_the_status_link_is_stored_as_a_hash():
    token = "a-secret-link-token"  # noqa: S105

    assert token_digest(token) != token
    assert len(token_digest(token)) == 64
    assert token_digest(token) == token_digest(token)


def test_story_moderators_review_proposals(story_index):
    member = UserFactory(username="rev")
    member.groups.add(Group.objects.get(name=MODERATORS_GROUP))

    assert can_review_proposals(member)
    assert not can_review_proposals(UserFactory(username="reader"))


def test_proposal_states_say_what_the_representative_may_do():
    proposal = Proposal(state=Proposal.State.CHANGES_REQUESTED)
    assert proposal.can_be_edited and not proposal.can_propose_update
    proposal.state = Proposal.State.APPROVED
    assert proposal.can_propose_update and not proposal.can_be_edited
