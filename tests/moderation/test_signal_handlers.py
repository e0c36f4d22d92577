"""Moderation hears what happens to stories through the signals stories declares."""

import pytest
from django.core.cache import cache

from moderation.tasks import remember_submitter_ip, submission_ip_key
from stories.models import Submission
from stories.services import withdraw_submission
from tests.factories import SubmissionFactory

pytestmark = pytest.mark.django_db


def test_withdrawal_forgets_the_submitters_cached_ip_address(story_index):
    submission = SubmissionFactory(story__parent=story_index)
    remember_submitter_ip(submission, "203.0.113.7")

    withdraw_submission(submission)

    assert cache.get(submission_ip_key(submission)) is None
    assert Submission.objects.get(pk=submission.pk).state == Submission.State.WITHDRAWN


def test_a_submitted_story_is_in_the_review_queue_and_the_moderators_are_told(
    submit, moderator, moderator_client, mailoutbox
):
    submission = submit()

    story = submission.story
    assert story.current_workflow_task.name == "Moderators review"
    to_moderators = [m for m in mailoutbox if m.to == [moderator.email]]
    assert [m.subject for m in to_moderators] == [f"New story to review: {submission.reference}"]
    review_link = f"/admin/story-queue/{story.pk}/"
    assert review_link in to_moderators[0].body
    assert moderator_client.get(review_link).status_code == 200
