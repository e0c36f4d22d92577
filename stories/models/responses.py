"""The organisation's official response to a published story.

One a story, written by a member of the "Responders" group (the hospital's
patient-experience staff), screened as it is sent and shown only once a
moderator has approved it. An edit of a published response goes through the
same review: the approved words stay up, unchanged, until the new ones are
approved.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from screening import BLOCK

WRITE_PERMISSION = "stories.write_official_responses"
REVIEW_PERMISSION = "stories.review_official_responses"

TEXT_MAX_LENGTH = 3000
ROLE_MAX_LENGTH = 80


class OfficialResponse(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for a moderator")
        PUBLISHED = "published", _("Published")
        SENT_BACK = "sent_back", _("Sent back to the responder")

    story = models.OneToOneField(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="official_response"
    )
    state = models.CharField(
        max_length=12, choices=State.choices, default=State.PENDING, db_index=True
    )

    # What the responder sent last: under review, sent back, or the words published.
    text = models.TextField(_("response"))
    signed_name = models.CharField(
        _("first name"), max_length=150, help_text=_("The responder's first name only.")
    )
    signed_role = models.CharField(_("role"), max_length=ROLE_MAX_LENGTH)
    # The language the response (its words and the role) is written in: marked on
    # the page, so that browsers and screen readers read it in that language.
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    responder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="official_responses",
    )
    submitted_at = models.DateTimeField()
    findings = models.JSONField(default=list, blank=True)
    engine_version = models.CharField(max_length=20, blank=True)

    # What readers see: the last approved words (empty until the first approval).
    published_text = models.TextField(blank=True)
    published_name = models.CharField(max_length=150, blank=True)
    published_role = models.CharField(max_length=ROLE_MAX_LENGTH, blank=True)
    published_language = models.CharField(max_length=10, choices=settings.LANGUAGES, blank=True)
    first_published_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    # The last decision; every decision is also in the audit log (who, when, why).
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(
        blank=True, help_text=_("Why it was sent back, shown to the responder.")
    )

    # When the moderators were mailed that this response waits for them: set by
    # the mail's task (which sends nothing when it is already set), cleared by a
    # decision, so that each wait for review mails them once at most.
    review_mail_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("official response")
        verbose_name_plural = _("official responses")
        ordering = ["submitted_at", "pk"]
        permissions = [
            ("write_official_responses", _("Can write the official response to a story")),
            ("review_official_responses", _("Can approve or send back official responses")),
        ]

    def __str__(self):
        # No words of the story or the response: this is the audit log's label.
        return f"Official response {self.pk}"

    @property
    def signature(self):
        return f"{self.signed_name}, {self.signed_role}"

    @property
    def finding_count(self):
        return len(self.findings)

    @property
    def is_public(self):
        return self.published_at is not None

    @property
    def is_pending(self):
        return self.state == self.State.PENDING

    @property
    def blocking_findings(self):
        return [finding for finding in self.findings if finding["severity"] == BLOCK]

    @property
    def edit_pending(self):
        """An edit of a published response, waiting: readers still see the old words."""
        return self.is_pending and self.published_at is not None
