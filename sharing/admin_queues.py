"""A moderation queue in the Wagtail admin, declared once: its list (a generic index
view, paginated, filtered and exported), its menu item and dashboard panel, both
shown only to those who may moderate. Every admin list of the project (the story,
comment, response and directory queues, the submissions, the failed tasks)
subclasses it, and ``register_queue`` registers one in an app's ``wagtail_hooks``."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.listing import ListingViewSetMixin


class QueueIndexView(IndexView):
    """A queue's list: only for those its viewset lets moderate (Wagtail's model
    permissions do not apply), listing the viewset's queryset in a stable order.

    Subclasses may set ``caption`` (the table's), ``first_ordering`` (what comes
    first whatever the sort, e.g. the urgent), ``tiebreak`` (the key appended so that
    pages are stable when two rows tie; ``None`` to append nothing) and
    ``export_fields`` (``{field: function of a row}``, the export's columns).
    """

    # The viewset says who may see the list.
    permission_policy = None
    any_permission_required = None
    viewset = None
    caption = None
    first_ordering = ()
    tiebreak = "pk"
    export_fields = None

    def dispatch(self, request, *args, **kwargs):
        if not self.viewset.user_can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return self.viewset.get_queryset()

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        if self.tiebreak is None:
            return queryset
        return queryset.order_by(*self.first_ordering, *queryset.query.order_by, self.tiebreak)

    def get_table_kwargs(self):
        kwargs = super().get_table_kwargs()
        if self.caption is not None:
            kwargs["caption"] = self.caption
        return kwargs

    def to_row_dict(self, item):
        if self.export_fields is None:
            return super().to_row_dict(item)
        return {field: self.export_fields[field](item) for field in self.list_export}


class QueuePanel(Component):
    """A queue's dashboard panel: subclasses set ``name``, ``order`` and
    ``template_name``, and may give ``get_context_data`` (``self.viewset`` is the
    queue); by default the template gets the queue's ``count``."""

    def __init__(self, viewset):
        self.viewset = viewset

    def get_context_data(self, parent_context=None):
        return {"count": self.viewset.get_queryset().count()}


class QueueViewSet(ListingViewSetMixin, ViewSet):
    """Subclasses set ``model``, ``index_view_class``, ``panel_class`` (a component
    taking the viewset) and ``extra_urlpatterns``, and say who may moderate.
    ``queue_url_name``: the list's second URL name, the one the rest of the project
    reverses (``None`` for a list that is no queue)."""

    add_to_admin_menu = True
    list_per_page = 50
    model = None
    panel_class = None
    extra_urlpatterns = []
    queue_url_name = "queue"

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
            *([path("", self.index_view, name=self.queue_url_name)] if self.queue_url_name else []),
            path("results/", self.index_results_view, name="index_results"),
            *self.extra_urlpatterns,
        ]


def register_queue(viewset):
    """Registers a queue's viewset in the admin and its panel on the dashboard: for an
    app's ``wagtail_hooks.py``, in place of the two hooks."""
    hooks.register("register_admin_viewset", lambda: viewset)
    hooks.register("construct_homepage_panels", viewset.add_dashboard_panel)
