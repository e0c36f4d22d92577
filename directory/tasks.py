"""Background mail about the directory's proposals (``sharing.mail.mail_task``)."""

from django.urls import reverse

from sharing.mail import absolute_url, mail_task, send_templated_mail

from .models import Proposal
from .permissions import reviewer_addresses

DECISION_TEMPLATES = {
    Proposal.State.APPROVED: "directory/emails/proposal_approved",
    Proposal.State.CHANGES_REQUESTED: "directory/emails/proposal_changes_requested",
    Proposal.State.DECLINED: "directory/emails/proposal_declined",
}


def _context(proposal):
    from .services import status_path

    return {"proposal": proposal, "status_url": absolute_url(status_path(proposal))}


@mail_task
def send_proposal_received(proposal_id):
    proposal = Proposal.objects.filter(pk=proposal_id).first()
    if proposal is None:
        return False
    return send_templated_mail(
        "directory/emails/proposal_received", _context(proposal), [proposal.representative_email]
    )


@mail_task
def send_proposal_to_reviewers(proposal_id):
    proposal = Proposal.objects.filter(pk=proposal_id).first()
    if proposal is None or not proposal.is_pending:
        return False
    context = {
        "proposal": proposal,
        "review_url": absolute_url(reverse("directory_moderation:review", args=[proposal.pk])),
    }
    return send_templated_mail("directory/emails/proposal_waiting", context, reviewer_addresses())


@mail_task
def send_proposal_decision(proposal_id):
    proposal = Proposal.objects.filter(pk=proposal_id).first()
    if proposal is None or proposal.state not in DECISION_TEMPLATES:
        return False
    return send_templated_mail(
        DECISION_TEMPLATES[proposal.state], _context(proposal), [proposal.representative_email]
    )
