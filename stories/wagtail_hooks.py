from django.utils.translation import gettext_lazy as _
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
