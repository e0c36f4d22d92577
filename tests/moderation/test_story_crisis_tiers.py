"""A story with a possible crisis (review tier) is marked urgent, as one in urgent crisis is."""

import pytest

from moderation.models import ScreeningReport
from tests.factories import CLEAN_STORY

pytestmark = pytest.mark.django_db


def test_a_possible_crisis_marks_the_story_urgent(submit):
    submission = submit(body=CLEAN_STORY + "\n\nLately I'm so tired of being alive.")

    report = ScreeningReport.objects.filter(page_id=submission.story_id).latest("pk")
    crisis = [f for f in report.findings if f["category"] == "crisis"]
    assert crisis and {f["severity"] for f in crisis} == {"review"}
    assert report.crisis
    assert submission.urgent
