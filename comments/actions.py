"""A moderator's decision on comments, as an action: ``check()`` raises, ``execute()`` acts."""

from functools import partial

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sharing import spam

from . import services
from .models import (
    HELD_STATES,
    PERMISSION,
    VERDICTS,
    CommentDecision,
    CommentReview,
    Decision,
    ReviewState,
)
from .tasks import teach_akismet_about_comment

_NEW_STATE = {
    Decision.APPROVE: ReviewState.APPROVED,
    Decision.NOT_SPAM: ReviewState.APPROVED,
    Decision.REMOVE: ReviewState.REMOVED,
    Decision.SPAM: ReviewState.SPAM,
}


_PUBLISHING = (Decision.APPROVE, Decision.NOT_SPAM)


class ModerationError(Exception):
    """Why a decision cannot be taken, in words for the moderator."""


class ModerateComments:
    """Approve, remove, or mark as spam or not spam, one comment or many.

    Each decision is recorded (who, when, what, why). As for stories, a comment
    with findings that must not be published as they are (``block``) is
    published only once they are redacted, or with a written override reason,
    recorded on the decision. A moderator who overrides
    Akismet teaches it: ``submit_ham`` for a comment it called spam that is
    published, ``submit_spam`` for spam it let through; both in the background.
    """

    def __init__(self, comments, *, user, action, reason="", override_reason=""):
        self.comments = list(comments)
        self.user = user
        self.action = action
        self.reason = (reason or "").strip()[:500]
        self.override_reason = (override_reason or "").strip()[:500]

    def check(self, reviews=()):
        if not self.user.has_perm(PERMISSION):
            raise PermissionDenied("You do not have permission to moderate comments.")
        if self.action not in dict(VERDICTS):
            raise ValueError(f"Unknown decision {self.action!r}")
        if self.action in _PUBLISHING and not self.override_reason:
            blocked = [review for review in reviews if review.blocking_findings]
            if len(self.comments) == 1 and blocked:
                raise ModerationError(
                    _(
                        "This comment has findings that must not be published as they are. "
                        "Redact them, or give a reason to publish it anyway."
                    )
                )
            if blocked:
                raise ModerationError(
                    ngettext(
                        "%(count)d of the selected comments has findings that must not be "
                        "published as they are. Redact them, or approve it on its own "
                        "with a reason to publish it anyway.",
                        "%(count)d of the selected comments have findings that must not be "
                        "published as they are. Redact them, or approve each on its own "
                        "with a reason to publish it anyway.",
                        len(blocked),
                    )
                    % {"count": len(blocked)}
                )

    @transaction.atomic
    def execute(self):
        self.check()
        reviews = [self._review(comment) for comment in self.comments]
        self.check(reviews)
        for comment, review in zip(self.comments, reviews, strict=True):
            self._decide(comment, review)
        return len(self.comments)

    @staticmethod
    def _review(comment):
        review = CommentReview.objects.select_for_update().filter(comment=comment).first()
        return review if review is not None else services.attach_review(comment)

    def _decide(self, comment, review):
        overridden = self.action in _PUBLISHING and bool(review.blocking_findings)
        previous = review.state
        review.state = _NEW_STATE[self.action]
        review.save(update_fields=["state", "updated_at"])
        CommentDecision.objects.create(
            comment=comment,
            action=self.action,
            moderator=self.user,
            reason=self.reason,
            override_reason=self.override_reason if overridden else "",
            previous_state=previous,
        )

        if review.state == ReviewState.APPROVED:
            services.set_visibility(comment, public=True)
            if review.spam_verdict == spam.Verdict.SPAM:
                transaction.on_commit(
                    partial(teach_akismet_about_comment.enqueue, comment.pk, spam.Verdict.HAM)
                )
            if previous in HELD_STATES and comment.is_public:
                services.notify_followers(comment)
        else:
            services.set_visibility(comment, public=False, removed=True)
            if review.state == ReviewState.SPAM and review.spam_verdict != spam.Verdict.SPAM:
                transaction.on_commit(
                    partial(teach_akismet_about_comment.enqueue, comment.pk, spam.Verdict.SPAM)
                )


class RedactComment:
    """Replace chosen findings of a comment waiting for a moderator with their
    placeholders (``services.redact_comment``); recorded like a decision."""

    def __init__(self, comment, *, user, keys):
        self.comment = comment
        self.user = user
        self.keys = set(keys)

    def check(self):
        if not self.user.has_perm(PERMISSION):
            raise PermissionDenied("You do not have permission to moderate comments.")

    def execute(self):
        self.check()
        labels = services.redact_comment(self.comment, self.user, keys=self.keys)
        if not labels:
            raise ModerationError(
                _(
                    "That finding has already been redacted, or cannot be. "
                    "Reload to see the comment."
                )
            )
        return labels
