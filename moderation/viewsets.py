"""The story queue and the list of every submission as Wagtail viewsets: their lists,
menu items, permissions and dashboard count are declared here once."""

from django.db.models import Count, F, Q
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, Table, TitleColumn

from screening import CATEGORIES
from sharing.admin_queues import QueueIndexView, QueuePanel, QueueViewSet
from sharing.failed_tasks import FailedTasksViewSet
from stories.models import StoryPage, Submission
from stories.services import reference_from

from . import submission_views, urls
from .filters import StoryQueueFilterSet, SubmissionFilterSet
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


class StoryQueueIndexView(QueueIndexView):
    """Stories waiting for review, oldest first; paginated, filtered and sorted in the database."""

    template_name = "moderation/admin/story_queue.html"
    page_title = _("Story queue")
    page_subtitle = _("Stories waiting for review")
    table_class = StoryQueueTable
    # Filters and the search by title or reference are plain queryset lookups.
    search_fields = ["draft_title", "submission__reference"]
    search_backend_name = None
    caption = _("Stories waiting for review")
    # Someone who may be at risk comes first, whatever the sort; then the chosen
    # order, and the key, so that pages are stable when two stories tie.
    first_ordering = [F("submission__urgent").desc(nulls_last=True)]

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


def submission_state(submission):
    """Where a submission is, and whether its story and author's details are erased."""
    if submission.erased_at is not None and not submission.is_withdrawn:
        return _("%(state)s, then erased") % {"state": submission.get_state_display()}
    return submission.get_state_display()


def submission_story(submission):
    story = submission.story
    if story is None:
        return _("(erased)") if submission.erased_at else _("(no story)")
    return story.draft_title


class SubmissionsIndexView(QueueIndexView):
    """Every submission, newest first: looked up by reference (as the author reads it out,
    in any case, with or without the dash) or by the email address it came with, and
    filtered by state."""

    page_title = _("Submissions")
    page_subtitle = _("Every story sent in, in any state")
    is_searchable = True
    search_fields = ["reference"]
    search_backend_name = None
    default_ordering = "-created_at"
    caption = _("Submissions")
    tiebreak = "-pk"

    columns = [
        TitleColumn(
            "reference",
            label=_("Reference"),
            url_name="submissions:detail",
            sort_key="reference",
        ),
        Column("story", label=_("Story"), accessor=submission_story),
        Column("state", label=_("State"), accessor=submission_state, sort_key="state"),
        Column("role", label=_("Author"), accessor="get_role_display", sort_key="role"),
        DateColumn("created_at", label=_("Received"), sort_key="created_at"),
    ]

    @cached_property
    def looked_up(self):
        """What the search box holds: ("reference", "S-ABC234"), ("email", ...) or None."""
        query = self.search_query.strip()
        reference = reference_from(query)
        if reference:
            return "reference", reference
        if "@" in query:
            return "email", query
        return None

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        if self.looked_up is None:
            return queryset.none()
        kind, value = self.looked_up
        if kind == "reference":
            return queryset.filter(reference=value)
        return queryset.filter(contact_email__iexact=value)

    @cached_property
    def no_results_message(self):
        if self.is_searching and self.looked_up is None:
            return _(
                "“%(query)s” is not a reference. A reference looks like S-ABC234 (capitals "
                "and the dash are optional); or type the email address the story came with."
            ) % {"query": self.search_query}
        if self.is_searching:
            return _("No submission has this reference or email address.")
        if self.is_filtering:
            return _("No submissions match these filters.")
        return _("No stories have been sent in yet.")


class SubmissionsViewSet(QueueViewSet):
    """Every submission at /admin/submissions/, for the story moderators: a submission's
    page, and the access and erasure requests of the person who sent it."""

    name = "submissions"
    url_prefix = "submissions"
    icon = "doc-full"
    menu_label = _("Submissions")
    menu_name = "submissions"
    menu_order = 345
    ordering = "-created_at"
    filterset_class = SubmissionFilterSet
    model = Submission
    index_view_class = SubmissionsIndexView
    queue_url_name = None
    extra_urlpatterns = [
        path("<int:submission_id>/", submission_views.submission, name="detail"),
        path("<int:submission_id>/export/", submission_views.export, name="export"),
        path("<int:submission_id>/erase/", submission_views.erase, name="erase"),
    ]

    def user_can_moderate(self, user):
        return can_review(user)

    def get_queryset(self):
        return Submission.objects.select_related("story").defer("story__body")


submissions_viewset = SubmissionsViewSet()
