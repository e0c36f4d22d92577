"""A moderation queue in the Wagtail admin, declared once: its list (a generic index
view, paginated, filtered and exported), its menu item and dashboard panel, both
shown only to those who may moderate. The story and comment queues subclass it."""

from django.urls import path
from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.listing import ListingViewSetMixin


class QueuePanel(Component):
    """A queue's dashboard panel: subclasses set ``name``, ``order`` and
    ``template_name``, and give ``get_context_data`` (``self.viewset`` is the queue)."""

    def __init__(self, viewset):
        self.viewset = viewset


class QueueViewSet(ListingViewSetMixin, ViewSet):
    """Subclasses set ``model``, ``index_view_class``, ``panel_class`` (a component
    taking the viewset) and ``extra_urlpatterns``, and say who may moderate."""

    add_to_admin_menu = True
    list_per_page = 50
    model = None
    panel_class = None
    extra_urlpatterns = []

    def user_can_moderate(self, user):
        raise NotImplementedError

    def get_queryset(self):
        raise NotImplementedError

    @cached_property
    def menu_item_class(self):
        viewset = self

        class QueueMenuItem(MenuItem):
            def is_shown(self, request):
                return viewset.user_can_moderate(request.user)

        return QueueMenuItem

    def add_dashboard_panel(self, request, panels):
        if self.user_can_moderate(request.user):
            panels.append(self.panel_class(self))

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            viewset=self,
            model=self.model,
            header_icon=self.icon,
            index_url_name=self.get_url_name("index"),
            index_results_url_name=self.get_url_name("index_results"),
            **kwargs,
        )

    @cached_property
    def index_view(self):
        return self.construct_view(self.index_view_class, **self.get_index_view_kwargs())

    @cached_property
    def index_results_view(self):
        return self.construct_view(
            self.index_view_class, **self.get_index_view_kwargs(results_only=True)
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            # The name the rest of the project reverses.
            path("", self.index_view, name="queue"),
            path("results/", self.index_results_view, name="index_results"),
            *self.extra_urlpatterns,
        ]
