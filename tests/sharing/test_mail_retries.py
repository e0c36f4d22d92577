"""Every mail goes from a background task: when the mail server is down, what the
mail was about is kept, the mail is tried again later, and after its last attempt
the task fails where staff can see it."""

import re

import pytest
from django.core import mail
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

from stories.models import Submission

pytestmark = pytest.mark.django_db


def listed_rows(html, caption="Failed background tasks"):
    """The cells' texts, row by row, of the admin's list of failed tasks (or of
    another table of the page, by its caption)."""
    table = html[html.index(f"{caption}</caption>") :]
    table = table[: table.index("</table>")]
    body = table[table.index("<tbody") :]
    return [
        [
            re.sub(r"<[^>]+>|\s+", " ", cell).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


@pytest.fixture
def finished_tasks():
    """(task name, attempt, status, exception class) of every task that ends."""
    finished = []

    def record(sender, task_result, **kwargs):
        error = task_result.errors[-1].exception_class_path if task_result.errors else ""
        finished.append(
            (
                task_result.task.name,
                task_result.kwargs.get("attempt", 1),
                task_result.status,
                error.rsplit(".", 1)[-1],
            )
        )

    task_finished.connect(record)
    yield finished
    task_finished.disconnect(record)


def test_a_story_sent_while_the_mail_server_is_down_is_kept_and_its_mail_tried_four_times(
    submit, smtp_down, finished_tasks, settings
):
    settings.MAIL_RETRY_DELAYS = (60, 300, 1800)

    submission = submit()  # the form answered with its redirect, not an error

    assert Submission.objects.filter(pk=submission.pk).exists()
    received = [t for t in finished_tasks if t[0] == "send_submission_received"]
    assert sorted(attempt for _, attempt, _, _ in received) == [1, 2, 3, 4]
    last = next(t for t in received if t[1] == 4)
    assert last[2:] == (TaskResultStatus.FAILED, "MailNotSent")
    assert all(t[2] == TaskResultStatus.SUCCESSFUL for t in received if t[1] < 4)
    assert mail.outbox == []


def test_a_mail_that_goes_is_one_successful_task(submit, finished_tasks):
    submit()

    received = [t for t in finished_tasks if t[0] == "send_submission_received"]
    assert received == [("send_submission_received", 1, TaskResultStatus.SUCCESSFUL, "")]
    assert len(mail.outbox) == 1


def test_the_worker_retries_later_then_records_the_mail_as_failed(
    submit, smtp_down, database_worker, settings
):
    from django_tasks_db.models import DBTaskResult

    settings.MAIL_RETRY_DELAYS = (0, 0)
    submission = submit(name="Marta Lindqvist", email="marta.private@example.org")
    database_worker()

    rows = DBTaskResult.objects.filter(task_path="stories.tasks.send_submission_received")
    by_attempt = {row.args_kwargs["kwargs"].get("attempt", 1): row for row in rows}
    assert sorted(by_attempt) == [1, 2, 3]
    assert [by_attempt[n].status for n in (1, 2, 3)] == [
        TaskResultStatus.SUCCESSFUL,
        TaskResultStatus.SUCCESSFUL,
        TaskResultStatus.FAILED,
    ]
    assert by_attempt[3].exception_class_path == "sharing.mail.MailNotSent"
    assert all(row.args_kwargs["args"] == [submission.pk] for row in rows)
    assert "marta" not in by_attempt[3].traceback.lower()
    assert Submission.objects.filter(pk=submission.pk).exists()


def test_a_retry_waits_for_its_delay(submit, smtp_down, database_worker, settings):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    settings.MAIL_RETRY_DELAYS = (60, 300)
    submit()
    before = timezone.now()
    database_worker()

    retry = DBTaskResult.objects.get(
        task_path="stories.tasks.send_submission_received", args_kwargs__kwargs__attempt=2
    )
    assert retry.status == TaskResultStatus.READY
    assert (retry.run_after - before).total_seconds() >= 59
    assert not DBTaskResult.objects.failed().exists()


def test_staff_see_the_failed_mail_in_the_admin_without_anyones_details(
    submit, smtp_down, database_worker, settings, moderator_client
):
    settings.MAIL_RETRY_DELAYS = (0, 0)
    submit(name="Marta Lindqvist", email="marta.private@example.org")
    database_worker()

    dashboard = moderator_client.get("/admin/").content.decode()
    assert "background tasks have failed" in dashboard
    page = moderator_client.get("/admin/failed-tasks/")

    assert page.status_code == 200
    html = page.content.decode()
    failed = "ConnectionRefusedError: Connection refused"
    assert sorted(listed_rows(html)) == [
        ["Notify moderators of submission", "Just now", "MailNotSent", failed, "3"],
        ["Send submission received", "Just now", "MailNotSent", failed, "3"],
    ]
    assert "marta" not in html.lower() and "Lindqvist" not in html


def test_no_warning_on_the_dashboard_while_no_task_has_failed(moderator_client, database_worker):
    assert "background task" not in moderator_client.get("/admin/").content.decode()
    assert (
        "No background task has failed."
        in moderator_client.get("/admin/failed-tasks/").content.decode()
    )


def test_an_editor_is_not_shown_the_failed_tasks(client, story_index, database_worker):
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    editor = UserFactory(username="eddie")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    assert client.get("/admin/failed-tasks/").status_code == 302
    assert "Failed tasks" not in client.get("/admin/").content.decode()


def test_the_message_of_an_unexpected_error_is_not_shown(moderator_client, database_worker):
    """Only the mail tasks' own error is known to name no one; a database error may
    quote the row it choked on."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.create(
        status=TaskResultStatus.FAILED,
        task_path="comments.tasks.teach_akismet_about_comment",
        args_kwargs={"args": [7, "spam"], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
        finished_at=timezone.now(),
        exception_class_path="django.db.utils.IntegrityError",
        traceback="Traceback ...\ndjango.db.utils.IntegrityError: Key (email)=(kim@example.org)\n",
    )

    html = moderator_client.get("/admin/failed-tasks/").content.decode()

    (row,) = listed_rows(html)
    assert row[0] == "Teach akismet about comment" and row[2] == "IntegrityError"
    assert "kim@example.org" not in html


def test_staff_see_the_mail_waiting_to_be_tried_again_and_why(
    submit, smtp_down, database_worker, settings, moderator_client, django_assert_max_num_queries
):
    settings.MAIL_RETRY_DELAYS = (0, 600, 1800)
    submit(name="Marta Lindqvist", email="marta.private@example.org")
    database_worker()  # attempts 1 and 2 fail; the third waits ten minutes

    dashboard = moderator_client.get("/admin/").content.decode()
    assert "mails wait to be tried again: the mail server did not take them" in dashboard
    with django_assert_max_num_queries(15):
        page = moderator_client.get("/admin/failed-tasks/")

    html = page.content.decode()
    assert "2 mails wait to be tried again" in html
    failed = "ConnectionRefusedError: Connection refused"
    assert sorted(listed_rows(html, "Waiting to be tried again")) == [
        ["Notify moderators of submission", failed, "2", "In 9 minutes"],
        ["Send submission received", failed, "2", "In 9 minutes"],
    ]
    assert "No background task has failed." in html
    assert "marta" not in html.lower() and "Lindqvist" not in html


def test_the_list_of_waiting_mail_takes_a_bounded_number_of_queries(
    submit, smtp_down, database_worker, settings, moderator_client, django_assert_max_num_queries
):
    settings.MAIL_RETRY_DELAYS = (600,)
    for email in ("one@example.org", "two@example.org", "three@example.org"):
        submit(email=email)
    database_worker()

    with django_assert_max_num_queries(15):
        html = moderator_client.get("/admin/failed-tasks/").content.decode()
    assert len(listed_rows(html, "Waiting to be tried again")) == 6


def test_the_retry_delays_come_from_the_environment(monkeypatch):
    import importlib
    import sys

    monkeypatch.setenv("MAIL_RETRY_DELAYS", "5,30")
    monkeypatch.delitem(sys.modules, "sharing.settings.base", raising=False)
    try:
        base = importlib.import_module("sharing.settings.base")
        assert base.MAIL_RETRY_DELAYS == (5, 30)
        monkeypatch.setenv("MAIL_RETRY_DELAYS", "soon")
        monkeypatch.delitem(sys.modules, "sharing.settings.base")
        with pytest.raises(Exception, match="seconds separated by commas"):
            importlib.import_module("sharing.settings.base")
    finally:
        monkeypatch.delitem(sys.modules, "sharing.settings.base", raising=False)
