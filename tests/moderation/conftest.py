import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from moderation.permissions import MODERATORS_GROUP
from stories.models import Submission
from tests.stories.test_submission import story_data

PHONE_STORY = (
    "The cardiac nurses were patient with every question I asked, day or night. "
    "If anyone facing the same surgery wants to talk, call me on 612-555-0187 any evening.\n\n"
    "I am walking two miles a day now and I feel stronger than I have in years."
)
CLEAN_STORY = (
    "The cardiac nurses were patient with every question I asked, day or night. "
    "They explained each machine and never made me feel foolish for asking twice.\n\n"
    "I am walking two miles a day now and I feel stronger than I have in years."
)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def moderator(story_index):
    user = get_user_model().objects.create_user(
        "moira", email="moira@hospital.example", password="pw-for-moira"
    )
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def submit(client, story_index, django_capture_on_commit_callbacks, settings):
    """Send a story through the public form, as a submitter would; returns the Submission."""
    settings.SUBMISSION_RATE = "100/h"

    def send(body=CLEAN_STORY, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/share/", story_data(body=body, **overrides))
        assert response.status_code == 302, response.content.decode()[:2000]
        return Submission.objects.select_related("story").latest("pk")

    return send
