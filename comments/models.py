from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext_lazy as _
from django_comments.models import Comment
from django_comments_xtd.models import XtdComment

from screening.findings import BLOCK
from sharing.spam import Verdict

PERMISSION = "comment_moderation.moderate_comments"


class ReviewState(models.TextChoices):
    # Waiting for a moderator: the comment is not public.
    HELD = "held", _("Held by the screen")
    SUSPECTED_SPAM = "suspected_spam", _("Held as spam")
    # Akismet is set up but did not answer: nobody has checked it for spam.
    SPAM_UNCHECKED = "spam_unchecked", _("Held: the spam check could not be done")
    # Reported by readers, still shown until COMMENT_REPORT_THRESHOLD of them have.
    FLAGGED = "flagged", _("Reported")
    REPORTED = "reported", _("Hidden after reports")
    # Settled.
    PUBLISHED = "published", _("Published")
    APPROVED = "approved", _("Approved by a moderator")
    REMOVED = "removed", _("Removed by a moderator")
    SPAM = "spam", _("Spam")
    # Its author deleted it in the minutes after posting: its words and their
    # name and address are erased from the row.
    DELETED = "deleted", _("Deleted by its author")


# Held when posted, until a moderator decides.
HELD_STATES = (ReviewState.HELD, ReviewState.SUSPECTED_SPAM, ReviewState.SPAM_UNCHECKED)
PENDING_STATES = (
    *HELD_STATES,
    ReviewState.FLAGGED,
    ReviewState.REPORTED,
)
VISIBLE_STATES = (ReviewState.PUBLISHED, ReviewState.APPROVED, ReviewState.FLAGGED)


class ReportReason(models.TextChoices):
    PERSONAL = "personal", _("It shares someone's personal details")
    ABUSIVE = "abusive", _("It is abusive or unkind")
    SPAM = "spam", _("It is advertising or spam")
    # Alerts the moderators at once; does not count towards hiding the comment.
    UNSAFE = "unsafe", _("Someone may be in danger")
    OTHER = "other", _("Something else")


class CommentReview(models.Model):
    """What the screen and Akismet said about a comment, and where it stands.

    Made when the comment is posted, before its author confirms it by email, and
    attached to the comment when the comment is saved (matched by ``key``).
    """

    comment = models.OneToOneField(
        XtdComment, null=True, blank=True, on_delete=models.CASCADE, related_name="review"
    )
    key = models.CharField(max_length=64, unique=True, editable=False)
    # The page the comment is on, known before the comment is saved.
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    object_pk = models.CharField(max_length=64, blank=True)
    # What the moderators' crisis alert needs while the comment waits for its author
    # to confirm it (then the alert reads the saved comment); cleared once the alert
    # has gone or the comment is saved, so that no queued task holds it.
    pending_text = models.TextField(blank=True)
    pending_email = models.EmailField(blank=True)
    # The signed confirmation link comments-xtd mails the author (it holds the whole
    # comment), kept only until that mail has gone from its background task.
    pending_confirmation = models.TextField(blank=True, editable=False)
    state = models.CharField(max_length=20, choices=ReviewState.choices, db_index=True)
    findings = models.JSONField(default=list, blank=True)
    held_for = models.JSONField(
        default=list, blank=True, help_text=_("The categories of the findings that held it.")
    )
    engine_version = models.CharField(max_length=20, blank=True)
    spam_verdict = models.CharField(
        max_length=10, choices=Verdict.choices, default=Verdict.UNCHECKED
    )
    user_agent = models.CharField(max_length=300, blank=True)
    referrer = models.CharField(max_length=500, blank=True)
    # Posted by a member of staff, signed in: marked as staff on the page, with the
    # role they gave (their first name is the comment's name, never their full name).
    by_staff = models.BooleanField(default=False)
    staff_role = models.CharField(max_length=80, blank=True)
    # The language the comment was written in (the page's, as it was posted): its
    # author's mails (the confirmation request, follow-ups) are in it.
    language = models.CharField(max_length=10, blank=True, choices=settings.LANGUAGES)
    # When the comment was saved (posted, or confirmed from the email): its author
    # may edit or delete it for ``COMMENT_EDIT_MINUTES`` after.
    saved_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("comment review")
        permissions = [("moderate_comments", _("Can moderate comments"))]

    def __str__(self):
        return f"{self.get_state_display()}: comment {self.comment_id}"

    def get_target(self):
        """The page the comment is on, or None."""
        if self.content_type is None:
            return None
        model = self.content_type.model_class()
        if model is None:
            return None
        return model._default_manager.filter(pk=self.object_pk).first()

    @property
    def is_pending(self):
        return self.state in PENDING_STATES

    @property
    def blocking_findings(self):
        """Findings that must not be published as they are: redacted, or overridden
        with a written reason."""
        return [finding for finding in self.findings if finding["severity"] == BLOCK]

    @property
    def has_crisis(self):
        return any(finding["category"] == "crisis" for finding in self.findings)


class CommentReport(models.Model):
    """A reader's report that a published comment should not be there."""

    comment = models.ForeignKey(XtdComment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.CharField(
        max_length=64,
        help_text=_("A keyed hash of the reader's address: the same reader counts once."),
    )
    reason = models.CharField(max_length=300, blank=True, choices=ReportReason.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("comment report")
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_reader")
        ]

    def __str__(self):
        return f"Report on comment {self.comment_id}"


class Decision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REMOVE = "remove", _("Remove")
    SPAM = "spam", _("Mark as spam")
    NOT_SPAM = "not_spam", _("Mark as not spam")
    # Recorded, not a verdict: the comment keeps waiting for one.
    REDACT = "redact", _("Redact")
    # What the comment's author did in the minutes after posting (no moderator).
    EDIT = "edit", _("Edited by its author")
    DELETE = "delete", _("Deleted by its author")


#: What a moderator may decide on a comment (a redaction is done finding by finding).
VERDICTS = [
    (value, label)
    for value, label in Decision.choices
    if value not in (Decision.REDACT, Decision.EDIT, Decision.DELETE)
]


class CommentDecision(models.Model):
    """A moderator's decision on a comment: who, when, what and why."""

    comment = models.ForeignKey(XtdComment, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(max_length=10, choices=Decision.choices)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=500, blank=True)
    override_reason = models.CharField(
        max_length=500,
        blank=True,
        help_text=_("Why it was published despite findings that must not be published as is."),
    )
    previous_state = models.CharField(max_length=20, choices=ReviewState.choices)
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("comment decision")
        ordering = ["-decided_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()}: comment {self.comment_id}"


def public_comments():
    return XtdComment.norel_objects.filter(is_public=True, is_removed=False)


def with_comment_counts(pages):
    """Annotate a page queryset with ``comment_count``, its public comments, in the same query.

    Counted on django_comments' own table (every comment here is a comments-xtd one,
    whose row joins it), by the page's content type id: what the partial index
    ``comments_public_by_page`` (migration 0010) holds, so that each card's count
    reads that index alone, not the rows of every comment on the page.
    """
    counts = (
        Comment.objects.filter(
            content_type=ContentType.objects.get_for_model(pages.model),
            object_pk=Cast(OuterRef("pk"), models.CharField(max_length=64)),
            is_public=True,
            is_removed=False,
        )
        .order_by()
        .values("object_pk")
        .annotate(count=Count("*"))
        .values("count")
    )
    return pages.annotate(comment_count=Coalesce(Subquery(counts), 0))
