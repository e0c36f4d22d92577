"""Failed background tasks in the Wagtail admin: a list (a generic index view,
paginated) and a warning on the dashboard while there are any, for the staff who
must know that a mail never went. Above the list, the mail waiting to be tried
again (``sharing.mail.mail_task``'s retries): what did not go yet, why, and when
it is tried next.

Tasks are queued with row ids only, so a failed task holds no one's details; the
list shows its name, when it failed, the kind of error and its message (the mail
tasks raise ``sharing.mail.MailNotSent``, whose message names no one) and how
many times it was tried, never its traceback. The rows are django-tasks'
database backend's (``django_tasks_db``); with the immediate backend (dev and
tests) tasks run in the request and leave no row, only a log entry.

The app that registers the viewset subclasses it to say who may see it.
"""

from django.utils import timezone
from django.utils.timesince import timeuntil
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.admin.ui.tables import Column, DateColumn, Table

from .admin_queues import QueueIndexView, QueuePanel, QueueViewSet


def failed_tasks():
    return DBTaskResult.objects.failed()


def waiting_retries():
    """The tasks queued again after an attempt that failed, the next due first: a
    mail task's retry carries its ``attempt`` number (2 and up)."""
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, args_kwargs__kwargs__attempt__gt=1
    ).order_by("run_after", "enqueued_at")


RETRIES_SHOWN = 50


def with_last_errors(retries):
    """``retries`` (a list), each given ``last_error``: the error of the attempt before
    it, which returned ``{"sent": False, "error": ..., "next_attempt": n}``.

    One query for them all: the attempts that ended after the oldest retry was queued.
    """
    for retry in retries:
        retry.last_error = ""
    if not retries:
        return retries
    earlier = (
        DBTaskResult.objects.filter(
            status=TaskResultStatus.SUCCESSFUL,
            task_path__in={retry.task_path for retry in retries},
            finished_at__gte=min(retry.enqueued_at for retry in retries),
            return_value__sent=False,
        )
        .order_by("finished_at")
        .only("task_path", "args_kwargs", "return_value")
    )
    errors = {}
    for row in earlier:
        value = row.return_value if isinstance(row.return_value, dict) else {}
        call = (row.task_path, repr(row.args_kwargs.get("args")), value.get("next_attempt"))
        errors[call] = str(value.get("error", ""))
    for retry in retries:
        call = (retry.task_path, repr(retry.args_kwargs.get("args")), attempts(retry))
        retry.last_error = errors.get(call, "")
    return retries


def next_try(result):
    if result.run_after <= timezone.now():
        return _("Now")
    return _("In %(time)s") % {"time": timeuntil(result.run_after)}


def tries_so_far(result):
    return attempts(result) - 1


def retries_table(retries):
    return Table(
        [
            Column("task", label=_("Task"), accessor=task_name),
            Column("message", label=_("Why it did not go"), accessor="last_error"),
            Column("tried", label=_("Tried"), accessor=tries_so_far),
            Column("next_try", label=_("Next try"), accessor=next_try),
        ],
        retries,
        caption=_("Waiting to be tried again"),
    )


def task_name(result):
    return result.task_path.rsplit(".", 1)[-1].replace("_", " ").capitalize()


def error_type(result):
    return result.exception_class_path.rsplit(".", 1)[-1]


SAFE_MESSAGES = {"sharing.mail.MailNotSent"}
HIDDEN_MESSAGE = _("Not shown here (it may quote someone's details): see the worker's log.")


def error_message(result):
    """The exception's own message (the last line of the traceback, without its class)
    for the exceptions whose messages name no one; for any other, a note that it is
    not shown: a database or library error may quote the values it choked on."""
    if result.exception_class_path not in SAFE_MESSAGES:
        return HIDDEN_MESSAGE
    lines = [line for line in result.traceback.strip().splitlines() if line.strip()]
    if not lines:
        return ""
    last = lines[-1]
    class_path = result.exception_class_path
    for prefix in (class_path, class_path.rsplit(".", 1)[-1]):
        if last.startswith(prefix + ":"):
            return last[len(prefix) + 1 :].strip()
        if last == prefix:
            return ""
    return last


def attempts(result):
    kwargs = (result.args_kwargs or {}).get("kwargs", {})
    attempt = kwargs.get("attempt", 1)
    return attempt if isinstance(attempt, int) else 1


class FailedTasksIndexView(QueueIndexView):
    page_title = _("Failed background tasks")
    page_subtitle = _("Mail and checks that did not happen")
    default_ordering = "-finished_at"
    tiebreak = None
    caption = _("Failed background tasks")
    no_results_message = _("No background task has failed.")
    results_template_name = "sharing/admin/failed_tasks_results.html"

    columns = [
        Column("task", label=_("Task"), accessor=task_name),
        DateColumn("finished_at", label=_("Failed at"), sort_key="finished_at"),
        Column("error_type", label=_("Error"), accessor=error_type),
        Column("message", label=_("Message"), accessor=error_message),
        Column("attempts", label=_("Attempts"), accessor=attempts),
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        waiting = waiting_retries()
        retries = with_last_errors(list(waiting[:RETRIES_SHOWN]))
        context["retries_table"] = retries_table(retries) if retries else None
        context["retries_count"] = len(retries) if len(retries) < RETRIES_SHOWN else waiting.count()
        context["retries_shown"] = len(retries)
        return context


class FailedTasksPanel(QueuePanel):
    """A warning on the dashboard, shown only while some task has failed."""

    name = "failed_tasks"
    order = 50
    template_name = "sharing/admin/failed_tasks_panel.html"

    def get_context_data(self, parent_context=None):
        return {
            "count": self.viewset.get_queryset().count(),
            "waiting": waiting_retries().count(),
        }


class FailedTasksViewSet(QueueViewSet):
    """The failed tasks at /admin/failed-tasks/. Subclasses define ``user_can_moderate``."""

    name = "failed_tasks"
    url_prefix = "failed-tasks"
    icon = "warning"
    menu_label = _("Failed tasks")
    menu_name = "failed-tasks"
    menu_order = 9000
    ordering = "-finished_at"
    model = DBTaskResult
    panel_class = FailedTasksPanel
    index_view_class = FailedTasksIndexView

    def get_queryset(self):
        return failed_tasks()

    def add_dashboard_panel(self, request, panels):
        # Failed tasks and retries waiting, asked at once: one query on every visit.
        if self.user_can_moderate(request.user) and (
            (self.get_queryset() | waiting_retries()).exists()
        ):
            panels.append(self.panel_class(self))
