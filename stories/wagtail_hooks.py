from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.panels import FieldPanel
from wagtail.admin.site_summary import PagesSummaryItem, SummaryItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from sharing.admin_queues import register_queue
from sharing.log_actions import ReasonIfAny, register_log_actions

from .listing import kept_until_stories_change
from .models import StoryIndexPage, StoryPage, Topic
from .viewsets import official_responses_viewset, response_queue_viewset


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "slug"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("slug")]


register_snippet(TopicViewSet)


class StoriesSummaryItem(SummaryItem):
    """The dashboard's count of published stories, linking to the stories in the
    explorer: the count and the index's id kept in the cache together, as the story
    index keeps its own count (``kept_until_stories_change``), so that a visit asks
    the database for neither."""

    order = 100
    template_name = "stories/admin/site_summary_stories.html"

    def get_context_data(self, parent_context):
        total, index_id = kept_until_stories_change(dashboard_figures, "dashboard")
        return {"total": total, "index_id": index_id}

    def is_shown(self):
        return user_has_any_page_permission(self.request.user)


def dashboard_figures():
    index_id = StoryIndexPage.objects.values_list("pk", flat=True).first()
    return StoryPage.objects.live().count(), index_id


# After Wagtail's own hook, which adds its item (order 0).
@hooks.register("construct_homepage_summary_items", order=1)
def count_stories_not_pages(request, summary_items):
    """Stories, not pages: Wagtail's own item counts every page of the tree on each
    visit (55 ms of the dashboard's SQL at 100,000 stories, its slowest query), a
    figure that says less to the people who open the admin here."""
    summary_items[:] = [
        StoriesSummaryItem(request) if isinstance(item, PagesSummaryItem) else item
        for item in summary_items
    ]


@hooks.register("register_log_actions")
def register_submission_log_actions(actions):
    register_log_actions(
        actions,
        {
            "sharing.submission.erase": (
                _("Erase"),
                _("Story and author's details erased; the reference is kept as a record"),
            ),
            "sharing.submission.message_from_author": (
                _("Message from the author"),
                _("The author wrote to the moderators"),
            ),
            "sharing.submission.message_to_author": (
                _("Message to the author"),
                _("A moderator wrote to the author"),
            ),
            "sharing.submission.approve_edits": (
                _("Author approved edits"),
                _("The author approved the moderator's edits of their story"),
            ),
            "sharing.submission.export": (
                _("Export"),
                _("Everything held about the submitter exported for an access request"),
            ),
        },
    )


@hooks.register("register_admin_viewset")
def register_official_responses_viewset():
    return official_responses_viewset


register_queue(response_queue_viewset)


@hooks.register("register_log_actions")
def register_response_log_actions(actions):
    register_log_actions(
        actions,
        {
            "sharing.response.submit": (
                _("Write response"),
                _("Official response written and sent for review"),
            ),
            "sharing.response.edit": (
                _("Edit response"),
                _("Official response edited and sent for review"),
            ),
            "sharing.response.approve": (
                _("Approve response"),
                ReasonIfAny(_("Approved and published")),
            ),
            "sharing.response.send_back": (
                _("Send back response"),
                ReasonIfAny(_("Sent back to the responder")),
            ),
        },
    )
