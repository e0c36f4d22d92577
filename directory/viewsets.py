"""The directory's proposal queue as a Wagtail viewset, beside the story queue: its
list, menu item, permission and dashboard count are declared here once."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn

from sharing.admin_queues import QueueIndexView, QueuePanel, QueueViewSet

from . import admin_urls
from .models import Proposal
from .permissions import can_review_proposals


def proposal_queue():
    """Proposals waiting for a moderator, with the organisation they update."""
    return Proposal.objects.filter(state=Proposal.State.RECEIVED).select_related("organisation")


class ProposalColumn(Column):
    cell_template_name = "directory/admin/queue/proposal_cell.html"


class ProposalQueueIndexView(QueueIndexView):
    """Proposals waiting for review, oldest first; paginated and sorted in the database."""

    page_title = _("Directory queue")
    page_subtitle = _("Proposals for the Health Care Social Media List")
    search_fields = ["reference", "data__organisation__name"]
    search_backend_name = None
    verbose_name = _("proposal")
    verbose_name_plural = _("proposals")

    columns = [
        ProposalColumn("proposal", label=_("Proposal"), sort_key="reference"),
        Column("kind", label=_("Kind"), accessor="kind"),
        Column("findings", label=_("Screen findings"), accessor="finding_count"),
        DateColumn("created_at", label=_("Waiting since"), sort_key="created_at"),
    ]

    caption = _("Proposals waiting for review")
    no_results_message = _("No proposals are waiting for review.")


class ProposalQueuePanel(QueuePanel):
    name = "directory_queue"
    order = 105
    template_name = "directory/admin/dashboard_panel.html"


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
