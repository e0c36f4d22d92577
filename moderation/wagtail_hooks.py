from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.images.wagtail_hooks import ImagesSummaryItem
from wagtail.models import Page, WorkflowState

from sharing.admin_queues import register_queue
from sharing.log_actions import WithReason, register_log_actions
from stories.models import StoryPage

from . import report_urls
from .permissions import can_review, submitted_story_ids, subtree_has_submitted_story
from .services import send_to_review
from .viewsets import failed_tasks_viewset, story_queue_viewset, submissions_viewset


@hooks.register("register_admin_viewset")
def register_story_queue_viewset():
    return story_queue_viewset


@hooks.register("register_admin_viewset")
def register_submissions_viewset():
    return submissions_viewset


@hooks.register("construct_homepage_panels")
def add_story_queue_panel(request, panels):
    story_queue_viewset.add_dashboard_panel(request, panels)
    if can_review(request.user) and not other_pages_in_workflows():
        # Wagtail's "Awaiting your review" lists the same stories as the queue's
        # panel, at a few queries per story, and its "Your pages in a workflow" the
        # stories this reviewer sent for review, which the queue lists too: both
        # are kept only while something else waits in a workflow.
        panels[:] = [panel for panel in panels if panel.name not in WAGTAILS_WORKFLOW_PANELS]


WAGTAILS_WORKFLOW_PANELS = {"workflow_objects_to_moderate", "user_objects_in_workflow_moderation"}


def other_pages_in_workflows():
    """Whether anything but a submitted story (another page, a snippet) waits in a
    workflow."""
    return (
        WorkflowState.objects.active()
        .exclude(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=submitted_story_ids().values_list(Cast("story_id", CharField())),
        )
        .exists()
    )


# After Wagtail's images app's hook, which adds its item.
@hooks.register("construct_homepage_summary_items", order=1)
def no_image_count_for_story_reviewers(request, summary_items):
    """A story reviewer's dashboard is the queues: Wagtail's "N images" (their
    rights on images are for an approval's photos and a story's hero image) says
    nothing they act on, and cost two of its queries (the site again, and the
    count). Superusers keep it."""
    if can_review(request.user) and not request.user.is_superuser:
        summary_items[:] = [
            item for item in summary_items if not isinstance(item, ImagesSummaryItem)
        ]


register_queue(failed_tasks_viewset)


class ModerationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_review(request.user)


@hooks.register("register_admin_urls")
def register_moderation_report_urls():
    return [
        path(
            "reports/moderation/",
            include((report_urls, "moderation_report"), namespace="moderation_report"),
        )
    ]


@hooks.register("register_reports_menu_item")
def register_moderation_report_menu_item():
    return ModerationReportMenuItem(
        gettext_lazy("Moderation figures"),
        reverse("moderation_report:index"),
        name="moderation-figures",
        icon_name="tasks",
        order=1300,
    )


@hooks.register("before_publish_page")
def publish_stories_through_review(request, page):
    """No revision of a story goes live from the editor, whoever wrote it: the
    revision is saved (Wagtail saves it before this hook) and sent to the
    "Story moderation" workflow, to be screened and approved in the review."""
    if not isinstance(page.specific, StoryPage):
        return None
    if page.live and page.live_revision_id is None:
        # Wagtail's create view adds the new page as live before publishing it.
        StoryPage.objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
        page.live, page.has_unpublished_changes = False, True
    workflow_state = send_to_review(page, request.user)
    if workflow_state is None:
        messages.error(
            request,
            _(
                "Stories are published by approving them in the story review. Your changes "
                "are saved as a draft, but no review is set up for this story."
            ),
        )
    else:
        messages.warning(
            request,
            _(
                "Stories are published by approving them in the story review: your changes "
                "are saved and wait there for a moderator."
            ),
        )
    if can_review(request.user) and page.current_workflow_task is not None:
        return redirect("story_moderation:review", page.pk)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("construct_page_action_menu")
def no_publish_button_on_stories(menu_items, request, context):
    """The editor offers "Submit to Story moderation" for a story, not "Publish"."""
    page = context.get("page")
    if page is not None and isinstance(page.specific, StoryPage):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_bulk_action")
def bulk_publish_stories_through_review(request, action_type, objects, action):
    """The explorer's bulk "Publish" (with or without the drafts below the chosen
    pages) publishes no story: each revision of one goes through the review."""
    if action_type != "publish":
        return None
    chosen = Q(pk__in=[page.pk for page in objects])
    form = getattr(action, "cleaned_form", None)
    if form is not None and form.cleaned_data.get("include_descendants"):
        for page in objects:
            chosen |= Q(path__startswith=page.path, depth__gt=page.depth)
    held = StoryPage.objects.filter(chosen).filter(Q(live=False) | Q(has_unpublished_changes=True))
    if not held.exists():
        return None
    if not can_review(request.user):
        # Whoever may not review them is not told the titles of submitted stories either.
        held = held.filter(submission__isnull=True)
    titles = sorted(held.values_list("title", flat=True))
    message = _(
        "Nothing was published. Stories are published by approving them in the story review."
    )
    if titles:
        message = f"{message} {', '.join(titles)}."
    messages.warning(request, message)
    if can_review(request.user):
        return redirect("story_moderation:queue")
    return redirect("wagtailadmin_explore_root")


class UnlistedSubmittedStories:
    """A page bulk action that does not name the submitted stories among the chosen
    pages to whoever may not review them (Wagtail lists the pages one may not act
    on, by title, on the confirmation page)."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        if not can_review(self.request.user):
            submitted = set(submitted_story_ids().values_list("story_id", flat=True))
            extra["items_with_no_access"] = [
                page for page in extra["items_with_no_access"] if page.pk not in submitted
            ]
        return objects, extra


# Registered after Wagtail's own (order), so these replace them.
for _wagtails in [DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction]:
    hooks.register(
        "register_bulk_action",
        type(_wagtails.__name__, (UnlistedSubmittedStories, _wagtails), {}),
        order=100,
    )


@hooks.register("construct_explorer_page_queryset")
def hide_submitted_stories_from_the_explorer(parent_page, pages, request):
    if can_review(request.user):
        return pages
    return pages.exclude(pk__in=submitted_story_ids())


@hooks.register("construct_page_chooser_queryset")
def hide_submitted_stories_from_choosers(pages, request):
    if can_review(request.user):
        return pages
    return pages.exclude(pk__in=submitted_story_ids())


def refuse(request, message, page):
    messages.error(request, message)
    parent = page.get_parent()
    if parent is None:
        return redirect("wagtailadmin_explore_root")
    return redirect("wagtailadmin_explore", parent.pk)


@hooks.register("before_delete_page")
def keep_submitted_stories_from_deletion(request, page):
    """A submitted story leaves by the review's "Decline" or its author's withdrawal,
    which tell the author and erase it properly; never by deleting it, or its parent."""
    if subtree_has_submitted_story(page):
        return refuse(request, CANNOT_DELETE, page)
    return None


@hooks.register("before_move_page")
def keep_submitted_stories_from_movers(request, page, destination):
    """Wagtail's move confirmation asks no page permission of its own."""
    if not can_review(request.user) and subtree_has_submitted_story(page):
        raise PermissionDenied
    return None


@hooks.register("before_copy_page")
def keep_submitted_stories_from_copies(request, page):
    """A copy of a submitted story would be a story with nobody's decision on it, and a
    published copy of any story a revision that skipped the review."""
    if subtree_has_submitted_story(page):
        return refuse(request, _("Stories sent in by the public cannot be copied."), page)
    if request.method == "POST" and request.POST.get("publish_copies"):
        has_stories = StoryPage.objects.filter(path__startswith=page.path).exists()
        if has_stories:
            return refuse(
                request,
                _("Copies of stories are made as drafts, to go through the story review."),
                page,
            )
    return None


@hooks.register("before_bulk_action")
def bulk_delete_no_submitted_story(request, action_type, objects, action):
    if action_type != "delete":
        return None
    if any(subtree_has_submitted_story(page) for page in objects):
        messages.error(request, CANNOT_DELETE)
        return redirect("wagtailadmin_explore_root")
    return None


CANNOT_DELETE = gettext_lazy(
    "Nothing was deleted. A story sent in by the public leaves by being declined in the "
    "story review, or withdrawn by its author: it cannot be deleted, nor the pages above it."
)


@hooks.register("register_log_actions")
def register_story_log_actions(actions):
    register_log_actions(
        actions,
        {
            "sharing.story.redact": (gettext_lazy("Redact"), gettext_lazy("Redacted details")),
            "sharing.story.mark_spam": (
                gettext_lazy("Mark as spam"),
                gettext_lazy("Marked as spam"),
            ),
            "sharing.story.mark_ham": (
                gettext_lazy("Mark as not spam"),
                gettext_lazy("Marked as not spam"),
            ),
            "sharing.story.override": (
                gettext_lazy("Override"),
                WithReason(gettext_lazy("Published despite blocking findings: %(reason)s")),
            ),
            "sharing.story.author_approval_override": (
                gettext_lazy("Published without the author's approval"),
                WithReason(
                    gettext_lazy("Published before the author approved the edits: %(reason)s")
                ),
            ),
            "sharing.story.decline": (
                gettext_lazy("Decline"),
                WithReason(gettext_lazy("Declined: %(reason)s")),
            ),
        },
    )
