"""The story queue as a Wagtail viewset: its list, menu item, permission and dashboard
count are declared here once."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, Table
from wagtail.admin.views.generic import IndexView

from screening import CATEGORIES
from sharing.admin_queues import QueuePanel, QueueViewSet
from sharing.failed_tasks import FailedTasksViewSet
from stories.models import StoryPage

from . import urls
from .filters import StoryQueueFilterSet
from .permissions import can_review
from .queue import report_of, story_queue, submission_of


class StoryColumn(Column):
    """The title, linking to the review, with the urgent and likely-spam markers and
    the submission's reference."""

    cell_template_name = "moderation/admin/queue/story_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        return {
            **super().get_cell_context_data(instance, parent_context),
            "submission": submission_of(instance),
            "report": report_of(instance),
        }


class FindingsColumn(Column):
    cell_template_name = "moderation/admin/queue/findings_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        return {
            **super().get_cell_context_data(instance, parent_context),
            "report": report_of(instance),
        }


class WaitingSinceColumn(Column):
    cell_template_name = "moderation/admin/queue/waiting_since_cell.html"


class StoryQueueTable(Table):
    def get_row_classname(self, instance):
        submission = submission_of(instance)
        if submission and submission.urgent:
            return "story-queue__row story-queue__row--urgent"
        return "story-queue__row"


def report_value(name, default=""):
    def value(story):
        report = report_of(story)
        return getattr(report, name) if report else default

    return value


class StoryQueueIndexView(IndexView):
    """Stories waiting for review, oldest first; paginated, filtered and sorted in the database."""

    template_name = "moderation/admin/story_queue.html"
    page_title = _("Story queue")
    page_subtitle = _("Stories waiting for review")
    table_class = StoryQueueTable
    # Filters and the search by title or reference are plain queryset lookups.
    search_fields = ["draft_title", "submission__reference"]
    search_backend_name = None
    # The viewset says who may see the queue; Wagtail's page permissions do not apply.
    permission_policy = None
    any_permission_required = None
    viewset = None

    columns = [
        StoryColumn("story", label=_("Story"), accessor="draft_title", sort_key="draft_title"),
        Column(
            "author_role",
            label=_("Author"),
            accessor="get_author_role_display",
            sort_key="author_role",
        ),
        FindingsColumn("findings", label=_("Findings"), sort_key="blocking"),
        WaitingSinceColumn("waiting_since", label=_("Waiting since"), sort_key="waiting_since"),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not self.viewset.user_can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return self.viewset.get_queryset()

    def order_queryset(self, queryset):
        """Someone who may be at risk comes first, whatever the sort; then the
        chosen order, and the key, so that pages are stable when two stories tie."""
        queryset = super().order_queryset(queryset)
        return queryset.order_by(
            F("submission__urgent").desc(nulls_last=True), *queryset.query.order_by, "pk"
        )

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "caption": _("Stories waiting for review")}

    @cached_property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            return _("No stories waiting for review match these filters.")
        return _("No stories are waiting for review.")

    # The export: what a moderator needs to follow the queue, and no contact details.
    export_fields = {
        "reference": lambda story: getattr(submission_of(story), "reference", ""),
        "title": lambda story: story.draft_title,
        "author_role": lambda story: story.get_author_role_display(),
        **{
            f"findings_{category}": (
                lambda story, category=category: (
                    report_of(story).counts.get(category, 0) if report_of(story) else ""
                )
            )
            for category in CATEGORIES
        },
        "blocking": report_value("blocking"),
        "spam_verdict": lambda story: (
            report_of(story).get_spam_verdict_display() if report_of(story) else ""
        ),
        "urgent": lambda story: bool(getattr(submission_of(story), "urgent", False)),
        "waiting_since": lambda story: story.waiting_since,
    }
    list_export = list(export_fields)
    export_headings = {
        "reference": _("Reference"),
        "title": _("Title"),
        "author_role": _("Author"),
        **{f"findings_{category}": label for category, label in CATEGORIES.items()},
        "blocking": _("Blocking findings"),
        "spam_verdict": _("Spam check"),
        "urgent": _("Urgent"),
        "waiting_since": _("Waiting since"),
    }

    def to_row_dict(self, item):
        return {field: self.export_fields[field](item) for field in self.list_export}


class StoryQueuePanel(QueuePanel):
    name = "story_queue"
    order = 100
    template_name = "moderation/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        return self.viewset.get_queryset().aggregate(
            count=Count("pk"), urgent=Count("pk", filter=Q(submission__urgent=True))
        )


class StoryQueueViewSet(QueueViewSet):
    """The story queue at /admin/story-queue/, with the review of each story under it."""

    name = "story_moderation"
    url_prefix = "story-queue"
    icon = "tasks"
    menu_label = _("Story queue")
    menu_name = "story-queue"
    menu_order = 340
    ordering = "waiting_since"
    filterset_class = StoryQueueFilterSet
    export_filename = "story-queue"
    model = StoryPage
    panel_class = StoryQueuePanel
    extra_urlpatterns = urls.urlpatterns
    index_view_class = StoryQueueIndexView

    def user_can_moderate(self, user):
        return can_review(user)

    def get_queryset(self):
        return story_queue()


story_queue_viewset = StoryQueueViewSet()


class StaffFailedTasksViewSet(FailedTasksViewSet):
    """Failed background tasks, for superusers and the story moderators (mostly mail
    to authors and moderators that never went)."""

    def user_can_moderate(self, user):
        return user.is_active and (user.is_superuser or can_review(user))


failed_tasks_viewset = StaffFailedTasksViewSet()
