"""The official responses in the admin, as Wagtail viewsets: the published stories a
responder may answer, and the moderators' queue of responses waiting for review.
Each list, its menu item and who may see it are declared here once."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn

from sharing.admin_queues import QueueIndexView, QueuePanel, QueueViewSet

from . import admin_urls
from .actions import can_review_responses, can_write_responses
from .models import NEWEST_FIRST, OfficialResponse, StoryPage

# The stories a responder may answer


class StoryColumn(Column):
    cell_template_name = "stories/admin/responses/story_cell.html"


class ResponseStateColumn(Column):
    cell_template_name = "stories/admin/responses/state_cell.html"


def answerable_stories():
    """The published stories, each with its official response (if any), one query."""
    return StoryPage.objects.live().public().select_related("official_response")


class StoriesToAnswerIndexView(QueueIndexView):
    page_title = _("Official responses")
    page_subtitle = _("Published stories and the hospital's response to each")
    verbose_name = _("story")
    verbose_name_plural = _("stories")

    columns = [
        StoryColumn("story", label=_("Story"), sort_key="title"),
        DateColumn("first_published_at", label=_("Published"), sort_key="first_published_at"),
        ResponseStateColumn("response", label=_("Official response")),
    ]

    caption = _("Published stories")
    no_results_message = _("No story is published yet.")


class OfficialResponsesViewSet(QueueViewSet):
    """/admin/responses/: for responders, the published stories and their responses."""

    name = "official_responses"
    url_prefix = "responses"
    icon = "comment"
    menu_label = _("Official responses")
    menu_name = "official-responses"
    menu_order = 355
    ordering = NEWEST_FIRST[1]
    model = StoryPage
    extra_urlpatterns = admin_urls.write_urlpatterns
    index_view_class = StoriesToAnswerIndexView

    def user_can_moderate(self, user):
        return can_write_responses(user)

    def get_queryset(self):
        return answerable_stories()


# The moderators' queue


class ResponseColumn(Column):
    cell_template_name = "stories/admin/responses/response_cell.html"


def response_queue():
    return OfficialResponse.objects.filter(state=OfficialResponse.State.PENDING).select_related(
        "story"
    )


class ResponseQueueIndexView(QueueIndexView):
    page_title = _("Response queue")
    page_subtitle = _("Official responses waiting for a moderator")
    verbose_name = _("response")
    verbose_name_plural = _("responses")

    columns = [
        ResponseColumn("response", label=_("Response to"), sort_key="story__title"),
        Column("signature", label=_("Signed"), accessor="signature"),
        Column("finding_count", label=_("Screen findings"), accessor="finding_count"),
        DateColumn("submitted_at", label=_("Waiting since"), sort_key="submitted_at"),
    ]

    caption = _("Responses waiting for review")
    no_results_message = _("No official response is waiting for review.")


class ResponseQueuePanel(QueuePanel):
    name = "response_queue"
    order = 115
    template_name = "stories/admin/responses/dashboard_panel.html"


class ResponseQueueViewSet(QueueViewSet):
    """/admin/response-queue/: for moderators, the responses waiting, and each one's review."""

    name = "response_moderation"
    url_prefix = "response-queue"
    icon = "comment"
    menu_label = _("Response queue")
    menu_name = "response-queue"
    menu_order = 352
    ordering = "submitted_at"
    model = OfficialResponse
    panel_class = ResponseQueuePanel
    extra_urlpatterns = admin_urls.review_urlpatterns
    index_view_class = ResponseQueueIndexView

    def user_can_moderate(self, user):
        return can_review_responses(user)

    def get_queryset(self):
        return response_queue()


official_responses_viewset = OfficialResponsesViewSet()
response_queue_viewset = ResponseQueueViewSet()
