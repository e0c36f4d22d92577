"""A moderator's decision on comments, as an action: ``check()`` raises, ``execute()`` acts."""

from functools import partial

from django.core.exceptions import PermissionDenied
from django.db import transaction

from sharing import spam

from . import services
from .models import PERMISSION, CommentDecision, CommentReview, Decision, ReviewState
from .tasks import teach_akismet_about_comment

_NEW_STATE = {
    Decision.APPROVE: ReviewState.APPROVED,
    Decision.NOT_SPAM: ReviewState.APPROVED,
    Decision.REMOVE: ReviewState.REMOVED,
    Decision.SPAM: ReviewState.SPAM,
}


class ModerateComments:
    """Approve, remove, or mark as spam or not spam, one comment or many.

    Each decision is recorded (who, when, what, why). A moderator who overrides
    Akismet teaches it: ``submit_ham`` for a comment it called spam that is
    published, ``submit_spam`` for spam it let through; both in the background.
    """

    def __init__(self, comments, *, user, action, reason=""):
        self.comments = list(comments)
        self.user = user
        self.action = action
        self.reason = (reason or "").strip()[:500]

    def check(self):
        if not self.user.has_perm(PERMISSION):
            raise PermissionDenied("You do not have permission to moderate comments.")
        if self.action not in Decision.values:
            raise ValueError(f"Unknown decision {self.action!r}")

    @transaction.atomic
    def execute(self):
        self.check()
        for comment in self.comments:
            self._decide(comment)
        return len(self.comments)

    def _decide(self, comment):
        review = CommentReview.objects.select_for_update().filter(comment=comment).first()
        if review is None:
            review = services.attach_review(comment)
        previous = review.state
        review.state = _NEW_STATE[self.action]
        review.save(update_fields=["state", "updated_at"])
        CommentDecision.objects.create(
            comment=comment,
            action=self.action,
            moderator=self.user,
            reason=self.reason,
            previous_state=previous,
        )

        if review.state == ReviewState.APPROVED:
            services.set_visibility(comment, public=True)
            if review.spam_verdict == spam.Verdict.SPAM:
                transaction.on_commit(
                    partial(teach_akismet_about_comment.enqueue, comment.pk, spam.Verdict.HAM)
                )
            if previous in (ReviewState.HELD, ReviewState.SUSPECTED_SPAM) and comment.is_public:
                services.notify_followers(comment)
        else:
            services.set_visibility(comment, public=False, removed=True)
            if review.state == ReviewState.SPAM and review.spam_verdict != spam.Verdict.SPAM:
                transaction.on_commit(
                    partial(teach_akismet_about_comment.enqueue, comment.pk, spam.Verdict.SPAM)
                )
