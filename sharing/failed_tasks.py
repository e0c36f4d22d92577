"""Failed background tasks in the Wagtail admin: a list (a generic index view,
paginated) and a warning on the dashboard while there are any, for the staff who
must know that a mail never went.

Tasks are queued with row ids only, so a failed task holds no one's details; the
list shows its name, when it failed, the kind of error and its message (the mail
tasks raise ``sharing.mail.MailNotSent``, whose message names no one) and how
many times it was tried, never its traceback. The rows are django-tasks'
database backend's (``django_tasks_db``); with the immediate backend (dev and
tests) tasks run in the request and leave no row, only a log entry.

The app that registers the viewset subclasses it to say who may see it.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView

from .admin_queues import QueuePanel, QueueViewSet


def failed_tasks():
    return DBTaskResult.objects.failed()


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


class FailedTasksIndexView(IndexView):
    page_title = _("Failed background tasks")
    page_subtitle = _("Mail and checks that did not happen")
    # The viewset says who may see the list.
    permission_policy = None
    any_permission_required = None
    viewset = None
    default_ordering = "-finished_at"

    columns = [
        Column("task", label=_("Task"), accessor=task_name),
        DateColumn("finished_at", label=_("Failed at"), sort_key="finished_at"),
        Column("error_type", label=_("Error"), accessor=error_type),
        Column("message", label=_("Message"), accessor=error_message),
        Column("attempts", label=_("Attempts"), accessor=attempts),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not self.viewset.user_can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return self.viewset.get_queryset()

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "caption": _("Failed background tasks")}

    @property
    def no_results_message(self):
        return _("No background task has failed.")


class FailedTasksPanel(QueuePanel):
    """A warning on the dashboard, shown only while some task has failed."""

    name = "failed_tasks"
    order = 50
    template_name = "sharing/admin/failed_tasks_panel.html"

    def get_context_data(self, parent_context=None):
        return {"count": self.viewset.get_queryset().count()}


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
        if self.user_can_moderate(request.user) and self.get_queryset().exists():
            panels.append(self.panel_class(self))
