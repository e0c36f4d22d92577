from django.utils.translation import gettext_lazy
from wagtail import hooks

from sharing.admin_queues import register_queue
from sharing.log_actions import ReasonIfAny, WithReason, register_log_actions

from .viewsets import proposal_queue_viewset

register_queue(proposal_queue_viewset)


@hooks.register("register_log_actions")
def register_proposal_log_actions(actions):
    register_log_actions(
        actions,
        {
            "directory.proposal.submit": (
                gettext_lazy("Propose"),
                gettext_lazy("Proposal received from a representative"),
            ),
            "directory.proposal.resubmit": (
                gettext_lazy("Change proposal"),
                gettext_lazy("Proposal changed by its representative and sent back"),
            ),
            "directory.proposal.approve": (
                gettext_lazy("Approve"),
                ReasonIfAny(gettext_lazy("Approved and published")),
            ),
            "directory.proposal.request_changes": (
                gettext_lazy("Ask for changes"),
                WithReason(gettext_lazy("Changes requested: %(reason)s")),
            ),
            "directory.proposal.decline": (
                gettext_lazy("Decline"),
                WithReason(gettext_lazy("Declined: %(reason)s")),
            ),
        },
    )
