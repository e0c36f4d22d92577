"""``manage.py run_scheduled_jobs``: every scheduled job once, a failure in one
not stopping the others."""

import io
import logging
import time
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult
from wagtail.models import Revision

from stories.models import StoryIndexPage, Submission


@task()
def tidy_up(row_id):
    """A background task for the queue to hold."""


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def expired_declined(submit, moderator_client, settings, django_capture_on_commit_callbacks):
    """A declined story whose retention period ended yesterday."""
    settings.DECLINED_RETENTION_DAYS = 90
    submission = submit()
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            f"/admin/story-queue/{submission.story_id}/decide/",
            {"action": "decline", "comment": "We cannot publish stories naming staff."},
        )
    Submission.objects.filter(pk=submission.pk).update(
        updated_at=timezone.now() - timedelta(days=91)
    )
    return submission


@pytest.fixture
def scheduled_index(story_index):
    """A new title for the live story index, scheduled to go live, and now due."""
    story_index.save_revision().publish()
    story_index.title = "Stories of care"
    story_index.go_live_at = timezone.now() + timedelta(milliseconds=300)
    revision = story_index.save_revision()
    revision.publish()
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is not None
    assert not is_live(revision)
    time.sleep(0.4)
    return revision


def is_live(revision):
    page = StoryIndexPage.objects.get(pk=revision.object_id)
    return page.live_revision_id == revision.pk and page.title == "Stories of care"


def finished_task(days_ago):
    result = tidy_up.enqueue(1)
    DBTaskResult.objects.filter(pk=result.id).update(
        status="SUCCESSFUL", finished_at=timezone.now() - timedelta(days=days_ago)
    )
    return result.id


@pytest.mark.django_db
def test_every_job_runs_once(expired_declined, scheduled_index, database_tasks):
    old, recent = finished_task(days_ago=15), finished_task(days_ago=2)
    waiting = tidy_up.enqueue(2).id
    out = io.StringIO()

    call_command("run_scheduled_jobs", stdout=out)

    erased = Submission.objects.get(pk=expired_declined.pk)
    assert erased.erased_at is not None
    assert erased.contact_email == "" and erased.name == ""
    assert is_live(scheduled_index)
    remaining = {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}
    assert old not in remaining
    assert {recent, waiting} <= remaining
    for job in ("publish_scheduled", "erase_expired_submissions", "purge_revisions"):
        assert f"{job}: ok" in out.getvalue()
    assert "prune_db_task_results: ok" in out.getvalue()


@pytest.mark.django_db
def test_a_failing_job_does_not_stop_the_others(
    expired_declined, scheduled_index, database_tasks, settings, caplog
):
    """A bad setting breaks the erasure: the page is still published, the old
    results still pruned, the failure logged with its traceback, and the
    command fails so that cron or systemd says so."""
    old = finished_task(days_ago=15)
    settings.DECLINED_RETENTION_DAYS = "ninety"
    out = io.StringIO()

    with (
        caplog.at_level(logging.INFO),
        pytest.raises(CommandError, match="erase_expired_submissions"),
    ):
        call_command("run_scheduled_jobs", stdout=out)

    assert "erase_expired_submissions: FAILED" in out.getvalue()
    assert is_live(scheduled_index)
    assert not DBTaskResult.objects.filter(pk=old).exists()
    assert Submission.objects.get(pk=expired_declined.pk).erased_at is None
    [failure] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert failure.getMessage() == "Scheduled job erase_expired_submissions failed"
    assert failure.exc_info[0] is TypeError


@pytest.mark.django_db
def test_pruning_is_skipped_without_the_database_task_backend(story_index, caplog):
    out = io.StringIO()

    with caplog.at_level(logging.INFO):
        call_command("run_scheduled_jobs", stdout=out)

    assert "prune_db_task_results" not in out.getvalue()
    assert "publish_scheduled: ok" in out.getvalue()
    assert any("prune_db_task_results skipped" in r.getMessage() for r in caplog.records)


def test_every_must_be_a_positive_number_of_seconds():
    with pytest.raises(CommandError, match="--every must be at least 1 second"):
        call_command("run_scheduled_jobs", every=0)
