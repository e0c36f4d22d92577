"""A moderator's decision on a proposal, as one checked action (like Wagtail's own actions):
the constructor takes the proposal and the user, ``check()`` raises, ``execute()`` acts."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .models import Account, Organisation, Proposal
from .permissions import can_review_proposals


class ReviewError(Exception):
    """Why a decision cannot be taken, in words for the moderator."""


class ReviewProposalAction:
    APPROVE, REQUEST_CHANGES, DECLINE = "approve", "request_changes", "decline"
    STATES = {
        APPROVE: Proposal.State.APPROVED,
        REQUEST_CHANGES: Proposal.State.CHANGES_REQUESTED,
        DECLINE: Proposal.State.DECLINED,
    }

    def __init__(self, proposal, user, action, *, reason=""):
        self.proposal = proposal
        self.user = user
        self.action = action
        self.reason = (reason or "").strip()

    def check(self):
        if not can_review_proposals(self.user):
            raise ReviewError(_("You cannot review proposals for the directory."))
        if self.action not in self.STATES:
            raise ReviewError(_("Choose approve, ask for changes or decline."))
        if self.proposal.state != Proposal.State.RECEIVED:
            raise ReviewError(
                _("Another moderator has already decided on this proposal. Reload to see it.")
            )
        if self.action != self.APPROVE and not self.reason:
            raise ReviewError(_("Please give the representative a reason."))
        if self.action == self.APPROVE:
            urls = [account["url"] for account in self.proposal.proposed_accounts]
            taken = (
                Account.objects.filter(url__in=urls)
                .exclude(organisation_id=self.proposal.organisation_id)
                .select_related("organisation")
                .first()
            )
            if taken is not None:
                raise ReviewError(
                    _("%(url)s is listed for %(name)s: decline, or ask for changes.")
                    % {"url": taken.url, "name": taken.organisation.name}
                )

    def execute(self):
        from .tasks import send_proposal_decision

        with transaction.atomic():
            # One decision per proposal: a second moderator waits here, then is told.
            self.proposal = Proposal.objects.select_for_update().get(pk=self.proposal.pk)
            self.check()
            if self.action == self.APPROVE:
                self.proposal.organisation = publish(self.proposal)
            self.proposal.state = self.STATES[self.action]
            self.proposal.state_reason = self.reason
            self.proposal.decided_by = self.user
            self.proposal.decided_at = timezone.now()
            self.proposal.save()
            log(
                instance=self.proposal,
                action=f"directory.proposal.{self.action}",
                user=self.user,
                data={"reason": self.reason},
            )
            proposal_id = self.proposal.pk
            transaction.on_commit(lambda: send_proposal_decision.enqueue(proposal_id))
        return self.proposal


def available_slug(name, exclude_pk=None):
    base = slugify(name)[:70].strip("-") or "organisation"
    taken = set(
        Organisation.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def publish(proposal):
    """Create or update the published organisation from an approved proposal: its
    fields as proposed, its accounts exactly those proposed. Returns it."""
    fields = proposal.proposed_organisation
    organisation = proposal.organisation or Organisation()
    for name in ("name", "type", "country", "region", "city", "website"):
        setattr(organisation, name, fields.get(name, ""))
    if not organisation.slug:
        organisation.slug = available_slug(organisation.name)
    organisation.save()
    proposed = {account["url"]: account for account in proposal.proposed_accounts}
    organisation.accounts.exclude(url__in=proposed).delete()
    kept = set(organisation.accounts.values_list("url", flat=True))
    Account.objects.bulk_create(
        Account(organisation=organisation, **account)
        for url, account in proposed.items()
        if url not in kept
    )
    for account in organisation.accounts.filter(url__in=kept):
        account.handle = proposed[account.url]["handle"]
        account.save(update_fields=["handle"])
    return organisation
