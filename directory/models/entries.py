"""The Health Care Social Media List: organisations, their official accounts, and the
proposals their representatives send in.

Organisations and accounts are what the public sees; a row of either exists only
once a moderator approved it (or an import loaded it). A proposal is private: the
representative's name, role and work email live there and nowhere else.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from ..platforms import PLATFORMS

NAME_MAX_CHARS = 200
PLACE_MAX_CHARS = 100
PERMISSION = "directory.review_proposals"


class OrganisationType(models.TextChoices):
    HOSPITAL = "hospital", _("Hospital")
    HEALTH_SYSTEM = "health_system", _("Health system")
    CLINIC = "clinic", _("Clinic or practice")
    MEDICAL_SCHOOL = "medical_school", _("Medical school")
    PUBLIC_HEALTH = "public_health", _("Public-health body")
    ASSOCIATION = "association", _("Association or society")
    RESEARCH = "research", _("Research institute")
    OTHER = "other", _("Other")


Platform = models.TextChoices("Platform", [(key, (key, label)) for key, label in PLATFORMS.items()])
PLATFORM_ORDER = {key: number for number, key in enumerate(PLATFORMS)}


class Organisation(models.Model):
    """A published entry of the directory."""

    name = models.CharField(_("name"), max_length=NAME_MAX_CHARS)
    slug = models.SlugField(max_length=80, unique=True)
    type = models.CharField(_("type"), max_length=30, choices=OrganisationType.choices)
    country = CountryField(_("country"))
    region = models.CharField(
        _("region"), max_length=PLACE_MAX_CHARS, blank=True, help_text=_("State or province.")
    )
    city = models.CharField(_("city"), max_length=PLACE_MAX_CHARS, blank=True)
    website = models.URLField(_("web site"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [
            models.Index(fields=["country", "region"]),
            models.Index(fields=["type"]),
            models.Index(fields=["name"]),
        ]

    def __str__(self):
        return self.name

    @property
    def place(self):
        """ "Rochester, Minnesota, United States of America": what is known, in that order."""
        return ", ".join(part for part in (self.city, self.region, self.country.name) if part)

    def sorted_accounts(self):
        """The accounts (prefetched) in the platforms' order."""
        return sorted(
            self.accounts.all(), key=lambda account: (PLATFORM_ORDER[account.platform], account.url)
        )


class Account(models.Model):
    """An official account of an organisation on one platform."""

    organisation = models.ForeignKey(
        Organisation, related_name="accounts", on_delete=models.CASCADE
    )
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    url = models.URLField(_("address"), max_length=500, unique=True)
    handle = models.CharField(_("handle"), max_length=200)

    class Meta:
        ordering = ["platform", "url"]
        verbose_name = _("account")
        verbose_name_plural = _("accounts")
        indexes = [models.Index(fields=["platform"])]

    def __str__(self):
        return f"{self.get_platform_display()}: {self.handle}"


def token_digest(token):
    """What is stored of a private status link: its hash (the link is a random secret,
    so a plain hash cannot be turned back into it)."""
    return hashlib.sha256((token or "").encode()).hexdigest()


class Proposal(models.Model):
    """A representative's proposed new organisation, or update of a published one.

    ``data`` holds what they propose, in the shape the approval applies::

        {"organisation": {"name", "type", "country", "region", "city", "website"},
         "accounts": [{"platform", "url", "handle"}, ...]}

    Nothing of it is public until a moderator approves it. The representative's
    details are never published.
    """

    class State(models.TextChoices):
        RECEIVED = "received", _("Received")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    reference = models.CharField(max_length=12, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_salt = models.CharField(
        max_length=32,
        default="",
        editable=False,
        help_text=_(
            "With the secret key, makes the status link again for a mail "
            "(directory.services.status_token); the link itself is not stored."
        ),
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
        help_text=_("The published organisation this proposal updates; empty for a new one."),
    )
    data = models.JSONField(default=dict)
    findings = models.JSONField(
        default=list, blank=True, help_text=_("What the screen found in the proposed text.")
    )

    representative_name = models.CharField(max_length=120)
    representative_role = models.CharField(max_length=120)
    representative_email = models.EmailField(max_length=254)
    consent_version = models.CharField(max_length=40)
    # The language of the consent the representative read (its version is that
    # language's: directory.consent).
    consent_language = models.CharField(max_length=10, choices=settings.LANGUAGES, default="en")
    consent_given_at = models.DateTimeField()
    ip_hash = models.CharField(max_length=64, blank=True)

    state = models.CharField(max_length=20, choices=State.choices, default=State.RECEIVED)
    state_reason = models.TextField(
        blank=True, help_text=_("The moderator's reason, shown to the representative.")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("directory proposal")
        verbose_name_plural = _("directory proposals")
        permissions = [("review_proposals", "Can review proposals for the directory")]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self):
        return self.reference

    @property
    def proposed_organisation(self):
        return self.data.get("organisation", {})

    @property
    def proposed_accounts(self):
        return self.data.get("accounts", [])

    @property
    def name(self):
        return self.proposed_organisation.get("name", "")

    @property
    def kind(self):
        return _("Update") if self.organisation_id else _("New organisation")

    @property
    def finding_count(self):
        return len(self.findings)

    @property
    def is_pending(self):
        return self.state == self.State.RECEIVED

    @property
    def can_be_edited(self):
        """The representative may change what they sent while a moderator asks them to."""
        return self.state == self.State.CHANGES_REQUESTED

    @property
    def can_propose_update(self):
        """After a decision, the representative may propose a new version of the entry."""
        return self.state in (self.State.APPROVED, self.State.DECLINED)
