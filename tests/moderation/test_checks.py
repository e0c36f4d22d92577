"""The system check that someone hears of a crisis."""

import io

import pytest
from django.core.management import call_command

from moderation.checks import check_akismet_story_content, check_someone_receives_urgent_mail
from tests.factories import ModeratorFactory

pytestmark = pytest.mark.django_db


def test_warns_when_nobody_would_be_mailed_about_a_crisis(story_index, settings):
    settings.MODERATORS_EMAIL = []

    warnings = check_someone_receives_urgent_mail()

    assert [warning.id for warning in warnings] == ["moderation.W001"]


def test_a_moderator_with_an_address_or_a_shared_mailbox_is_enough(story_index, settings):
    settings.MODERATORS_EMAIL = ["moderators@hospital.example"]
    assert check_someone_receives_urgent_mail() == []

    settings.MODERATORS_EMAIL = []
    ModeratorFactory(username="moira", email="moira@hospital.example")
    assert check_someone_receives_urgent_mail() == []


def test_the_demo_admin_is_a_moderator_so_someone_is_told(settings):
    settings.MODERATORS_EMAIL = []
    call_command("load_demo", stdout=io.StringIO())

    assert check_someone_receives_urgent_mail() == []


def test_an_unknown_akismet_story_content_setting_is_an_error_that_says_what_to_set(settings):
    settings.AKISMET_STORY_CONTENT = "everything"

    (error,) = check_akismet_story_content()

    assert error.id == "moderation.E001"
    assert '"metadata"' in error.hint and '"full"' in error.hint
    settings.AKISMET_STORY_CONTENT = "full"
    assert check_akismet_story_content() == []
