from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .viewsets import proposal_queue_viewset


@hooks.register("register_admin_viewset")
def register_proposal_queue_viewset():
    return proposal_queue_viewset


@hooks.register("construct_homepage_panels")
def add_proposal_queue_panel(request, panels):
    proposal_queue_viewset.add_dashboard_panel(request, panels)


class ReasonFormatter(LogFormatter):
    """A log line that carries the moderator's reason."""

    template = ""

    def format_message(self, log_entry):
        return self.template % {"reason": log_entry.data.get("reason", "")}


@hooks.register("register_log_actions")
def register_proposal_log_actions(actions):
    actions.register_action(
        "directory.proposal.submit",
        gettext_lazy("Propose"),
        gettext_lazy("Proposal received from a representative"),
    )
    actions.register_action(
        "directory.proposal.resubmit",
        gettext_lazy("Change proposal"),
        gettext_lazy("Proposal changed by its representative and sent back"),
    )

    @actions.register_action("directory.proposal.approve")
    class ApproveFormatter(LogFormatter):
        label = gettext_lazy("Approve")

        def format_message(self, log_entry):
            reason = log_entry.data.get("reason", "")
            message = gettext_lazy("Approved and published")
            return f"{message}: {reason}" if reason else str(message)

    @actions.register_action("directory.proposal.request_changes")
    class ChangesFormatter(ReasonFormatter):
        label = gettext_lazy("Ask for changes")
        template = gettext_lazy("Changes requested: %(reason)s")

    @actions.register_action("directory.proposal.decline")
    class DeclineFormatter(ReasonFormatter):
        label = gettext_lazy("Decline")
        template = gettext_lazy("Declined: %(reason)s")
