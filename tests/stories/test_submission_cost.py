"""What a submission costs inside its request (issue 17): a bounded number of
queries with the background tasks deferred as production defers them (django-tasks'
database backend: a task is one row inserted), no mail sent before the answer,
and the screen run once per revision, after the transaction that locks the story
index has committed."""

import pytest
from django.core import mail
from django.db import connection
from django.db.models.signals import post_save

from moderation.models import ScreeningReport
from stories.models import Submission
from tests.factories import story_form_data

# Measured: 130 before issue 17's submission work, 116 after it (tasks deferred).
SUBMISSION_QUERIES = 116


@pytest.fixture
def share(client, settings, django_capture_on_commit_callbacks):
    settings.SUBMISSION_RATE = "100/h"

    def send(title):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/share/", story_form_data(title=title))
        assert response.status_code == 302, response.content.decode()[:2000]
        return Submission.objects.select_related("story").latest("pk")

    return send


@pytest.mark.django_db
def test_a_submission_request_makes_a_bounded_number_of_queries(
    story_index, share, database_worker, django_assert_max_num_queries
):
    share("The first story")  # as on a running site: its content types are cached
    database_worker()

    with django_assert_max_num_queries(SUBMISSION_QUERIES):
        submission = share("The second story")

    assert submission.story.current_workflow_state is not None  # queued already
    assert ScreeningReport.objects.filter(revision=submission.story.latest_revision).exists()


@pytest.mark.django_db
def test_no_mail_is_sent_inside_the_submission_request(
    story_index, share, settings, database_worker
):
    settings.MODERATORS_EMAIL = ["moderators@example.org"]

    submission = share("A story told at night")

    assert mail.outbox == []  # the response went back before any mail
    database_worker()
    recipients = [message.to for message in mail.outbox]
    assert ["rosalind@example.org"] in recipients
    assert ["moderators@example.org"] in recipients
    receipt = next(m for m in mail.outbox if m.to == ["rosalind@example.org"])
    assert submission.reference in receipt.subject


def test_a_submission_is_screened_once_after_its_transaction_commits(committed_site, share):
    """Outside any transaction, no row lock (the story index's ``SELECT ... FOR
    UPDATE``, which every other submission waits for) can be held by the screen."""
    screened = []

    def record(sender, instance, created, **kwargs):
        if created:
            screened.append((instance.revision_id, connection.in_atomic_block))

    post_save.connect(record, sender=ScreeningReport, dispatch_uid="test.record_screening")
    try:
        submission = share("The porter who knew every corridor")
    finally:
        post_save.disconnect(sender=ScreeningReport, dispatch_uid="test.record_screening")

    assert screened == [(submission.story.latest_revision_id, False)]
    assert submission.story.current_workflow_state is not None
