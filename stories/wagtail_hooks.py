from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Topic


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
        "sharing.submission.export",
        _("Export"),
        _("Everything held about the submitter exported for an access request"),
    )
