"""Moderation hears what happens to stories through the signals stories declares."""

import pytest
from django.core.cache import cache
from django.db import connection

from moderation.models import ScreeningReport
from moderation.tasks import remember_submitter_ip, submission_ip_key
from stories.models import Submission
from stories.services import withdraw_submission
from tests.factories import CLEAN_STORY, SubmissionFactory, story_form_data

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


@pytest.mark.django_db(transaction=True)
def test_a_submission_is_screened_after_its_transaction_not_under_the_story_index_lock(
    committed_site, client, settings
):
    """The submission's transaction locks the story index (every other submission
    waits for it); the screen, which takes the longest, runs after it commits."""
    settings.SUBMISSION_RATE = "100/h"
    queries = []

    def record(execute, sql, params, many, context):
        queries.append((sql, connection.in_atomic_block))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        response = client.post("/share/", story_form_data(body=CLEAN_STORY))
    assert response.status_code == 302

    def ran_in_transaction(table, verb):
        return {in_atomic for sql, in_atomic in queries if sql.startswith(verb) and table in sql}

    assert ran_in_transaction('"stories_submission"', "INSERT") == {True}
    assert ran_in_transaction('"wagtailcore_revision"', "INSERT") == {True}
    assert ran_in_transaction('"moderation_screeningreport"', "INSERT") == {False}
    report = ScreeningReport.objects.get()
    assert report.revision.object_id == str(Submission.objects.get().story_id)
