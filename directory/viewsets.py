"""The directory's proposal queue as a Wagtail viewset, beside the story queue: its
list, menu item, permission and dashboard count are declared here once."""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView

from sharing.admin_queues import QueuePanel, QueueViewSet

from . import admin_urls
from .models import Proposal
from .permissions import can_review_proposals


def proposal_queue():
    """Proposals waiting for a moderator, with the organisation they update."""
    return Proposal.objects.filter(state=Proposal.State.RECEIVED).select_related("organisation")


class ProposalColumn(Column):
    cell_template_name = "directory/admin/queue/proposal_cell.html"


class ProposalQueueIndexView(IndexView):
    """Proposals waiting for review, oldest first; paginated and sorted in the database."""

    page_title = _("Directory queue")
    page_subtitle = _("Proposals for the Health Care Social Media List")
    search_fields = ["reference", "data__organisation__name"]
    search_backend_name = None
    permission_policy = None
    any_permission_required = None
    viewset = None
    verbose_name = _("proposal")
    verbose_name_plural = _("proposals")

    columns = [
        ProposalColumn("proposal", label=_("Proposal"), sort_key="reference"),
        Column("kind", label=_("Kind"), accessor="kind"),
        Column("findings", label=_("Screen findings"), accessor="finding_count"),
        Column("created_at", label=_("Waiting since"), sort_key="created_at"),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not self.viewset.user_can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return self.viewset.get_queryset()

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "pk")

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "caption": _("Proposals waiting for review")}

    @cached_property
    def no_results_message(self):
        return _("No proposals are waiting for review.")


class ProposalQueuePanel(QueuePanel):
    name = "directory_queue"
    order = 105
    template_name = "directory/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        return {"count": self.viewset.get_queryset().count()}


class ProposalQueueViewSet(QueueViewSet):
    """The proposal queue at /admin/directory-queue/, with the review of each under it."""

    name = "directory_moderation"
    url_prefix = "directory-queue"
    icon = "list-ul"
    menu_label = _("Directory queue")
    menu_name = "directory-queue"
    menu_order = 345
    ordering = "created_at"
    model = Proposal
    panel_class = ProposalQueuePanel
    extra_urlpatterns = admin_urls.urlpatterns
    index_view_class = ProposalQueueIndexView

    def user_can_moderate(self, user):
        return can_review_proposals(user)

    def get_queryset(self):
        return proposal_queue()


proposal_queue_viewset = ProposalQueueViewSet()
