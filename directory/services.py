"""What happens when a representative sends a proposal, and when a moderator decides on it."""

import base64
import hashlib
import hmac
import logging
import secrets

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from screening import CATEGORIES, screen

from .consent import current_consent
from .models import Proposal, token_digest

logger = logging.getLogger(__name__)

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
# What the directory's moderators are shown of the screen: the rest (names, web
# addresses...) is what an entry of the directory is made of.
SCREENED_CATEGORIES = ("abuse", "promotion")
SCREENED_FIELDS = {
    "name": "Name of the organisation",
    "region": "Region",
    "city": "City",
    "representative_role": "Representative's role",
}


def new_reference():
    while True:
        reference = "D-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
        if not Proposal.objects.filter(reference=reference).exists():
            return reference


def hash_ip(ip_address):
    """A keyed hash: the same client can be recognised, its address not recovered."""
    if not ip_address:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), ip_address.encode(), hashlib.sha256).hexdigest()


def status_token(proposal):
    """The secret in a proposal's private status link, made from its reference and salt
    with the site's secret key: only its hash is stored, and a mail task makes it again."""
    message = f"directory.proposal.status:{proposal.reference}:{proposal.token_salt}"
    digest = hmac.new(settings.SECRET_KEY.encode(), message.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def status_path(proposal):
    return reverse("directory:status", args=[status_token(proposal)])


def find_proposal(token):
    """The proposal whose status link holds ``token``, or None."""
    if not token or len(token) > 100:
        return None
    return (
        Proposal.objects.select_related("organisation")
        .filter(token_hash=token_digest(token))
        .first()
    )


def screen_proposal(organisation, representative_role=""):
    """The screen's abuse and promotion findings in the proposed text, each with the
    field it is in and the words: ``[{"field", "label", "category", "message", "text"}]``."""
    texts = {**{name: organisation.get(name, "") for name in SCREENED_FIELDS}}
    texts["representative_role"] = representative_role
    findings = []
    for field, text in texts.items():
        for finding in screen(text or "", kind="comment", learned=False):
            if finding.category not in SCREENED_CATEGORIES:
                continue
            findings.append(
                {
                    "field": field,
                    "label": SCREENED_FIELDS[field],
                    "category": finding.category,
                    "category_label": CATEGORIES[finding.category],
                    "severity": finding.severity,
                    "message": finding.message,
                    "text": text[finding.start : finding.end],
                }
            )
    return findings


def submit_proposal(proposed, person, *, organisation=None, ip_address="", consent=None):
    """Store a representative's proposal (``proposed``: ``ProposalForm.proposed_data()``;
    ``person``: their name, role and email; ``consent``: the one they agreed to, the
    form's, in its language), screened; mail them their status link and the reviewers
    the news once it is committed. Returns the proposal."""
    consent = consent or current_consent()
    with transaction.atomic():
        proposal = Proposal(
            reference=new_reference(),
            token_salt=secrets.token_hex(16),
            organisation=organisation,
            data=proposed,
            findings=screen_proposal(proposed["organisation"], person["representative_role"]),
            representative_name=person["representative_name"],
            representative_role=person["representative_role"],
            representative_email=person["representative_email"],
            consent_version=consent.version,
            consent_language=consent.language,
            consent_given_at=timezone.now(),
            ip_hash=hash_ip(ip_address),
        )
        proposal.token_hash = token_digest(status_token(proposal))
        proposal.save()
        log(instance=proposal, action="directory.proposal.submit")
        transaction.on_commit(lambda: announce(proposal, received=True))
    logger.info("Directory proposal %s received", proposal.reference)
    return proposal


def resubmit_proposal(proposal, proposed, person, *, consent=None):
    """The representative's changes, asked for by a moderator: back to the queue,
    with the consent they agreed to again (the form's)."""
    consent = consent or current_consent()
    with transaction.atomic():
        proposal.data = proposed
        proposal.findings = screen_proposal(proposed["organisation"], person["representative_role"])
        proposal.representative_name = person["representative_name"]
        proposal.representative_role = person["representative_role"]
        proposal.representative_email = person["representative_email"]
        proposal.state = Proposal.State.RECEIVED
        proposal.consent_version = consent.version
        proposal.consent_language = consent.language
        proposal.consent_given_at = timezone.now()
        proposal.save()
        log(instance=proposal, action="directory.proposal.resubmit")
        transaction.on_commit(lambda: announce(proposal, received=False))
    logger.info("Directory proposal %s changed and sent back", proposal.reference)
    return proposal


def announce(proposal, *, received):
    """Queue the mails about a new or changed proposal; a failure is logged, never raised."""
    from .tasks import send_proposal_received, send_proposal_to_reviewers

    try:
        if received:
            send_proposal_received.enqueue(proposal.pk)
        send_proposal_to_reviewers.enqueue(proposal.pk)
    except Exception:
        logger.exception("Could not queue the mails for proposal %s", proposal.reference)
