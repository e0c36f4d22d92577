"""The author approves a moderator's edits: the diff on the status page, who may
approve, the site's setting, the moderator's override and the mail."""

import pytest
from django.test import Client

from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def approve_as_author(submission, revision=None):
    """The author opens their status link, in a browser of their own, and approves the
    changes they were shown (the latest revision, unless ``revision``)."""
    story = StoryPage.objects.get(pk=submission.story_id)
    return Client().post(
        f"{submission.get_status_url()}approve/",
        {"revision": revision or story.latest_revision_id},
    )
