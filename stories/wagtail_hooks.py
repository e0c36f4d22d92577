from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
    actions.register_action(
        "sharing.submission.erase",
        _("Erase"),
        _("Story and author's details erased; the reference is kept as a record"),
    )
    actions.register_action(
        "sharing.submission.message_from_author",
        _("Message from the author"),
        _("The author wrote to the moderators"),
    )
    actions.register_action(
        "sharing.submission.message_to_author",
        _("Message to the author"),
        _("A moderator wrote to the author"),
    )
    actions.register_action(
        "sharing.submission.approve_edits",
        _("Author approved edits"),
        _("The author approved the moderator's edits of their story"),
    )
    actions.register_action(
        "sharing.submission.export",
        _("Export"),
        _("Everything held about the submitter exported for an access request"),
    )


@hooks.register("register_admin_viewset")
def register_official_responses_viewset():
    return official_responses_viewset


@hooks.register("register_admin_viewset")
def register_response_queue_viewset():
    return response_queue_viewset


@hooks.register("construct_homepage_panels")
def add_response_queue_panel(request, panels):
    response_queue_viewset.add_dashboard_panel(request, panels)


class ReasonFormatter(LogFormatter):
    """A log line that carries the moderator's reason, when there is one."""

    message = ""

    def format_message(self, log_entry):
        reason = log_entry.data.get("reason", "")
        return f"{self.message}: {reason}" if reason else str(self.message)


@hooks.register("register_log_actions")
def register_response_log_actions(actions):
    actions.register_action(
        "sharing.response.submit",
        _("Write response"),
        _("Official response written and sent for review"),
    )
    actions.register_action(
        "sharing.response.edit",
        _("Edit response"),
        _("Official response edited and sent for review"),
    )

    @actions.register_action("sharing.response.approve")
    class ApproveFormatter(ReasonFormatter):
        label = _("Approve response")
        message = _("Approved and published")

    @actions.register_action("sharing.response.send_back")
    class SendBackFormatter(ReasonFormatter):
        label = _("Send back response")
        message = _("Sent back to the responder")
