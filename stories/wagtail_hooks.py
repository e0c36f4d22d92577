from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from sharing.admin_queues import register_queue
from sharing.log_actions import ReasonIfAny, register_log_actions

from .models import Topic
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
