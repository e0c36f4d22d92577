"""A moderator's decision on a story, and an access or erasure request about the person
who sent one, as checked actions (like Wagtail's own actions)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import TaskState

from stories.access import submissions_of_submitter, submitter_archive
from stories.edits import awaits_author
from stories.models import AuthorApprovalSettings, Submission
from stories.services import erase_on_request
from stories.tasks import send_decision_mail

from .permissions import can_review
from .services import screen_revision

#: The audit log's action for a story published before its author approved the edits.
AUTHOR_OVERRIDE = "sharing.story.author_approval_override"


#: Why an approval waits: the same words on the review page, before and after a refusal.
SPAM_CHECK_PENDING = gettext_lazy("The spam check has not finished; try again in a minute.")


class ReviewError(Exception):
    """Why a decision cannot be taken, in words for the moderator."""


class ReviewStoryAction:
    APPROVE, REQUEST_CHANGES, DECLINE = "approve", "request_changes", "decline"

    def __init__(
        self, task_state, user, action, *, reason="", override_reason="", author_override_reason=""
    ):
        self.task_state = task_state
        self.user = user
        self.action = action
        self.reason = (reason or "").strip()
        self.override_reason = (override_reason or "").strip()
        self.author_override_reason = (author_override_reason or "").strip()
        self.publishing_before_the_author = False

    @property
    def page(self):
        return self.task_state.workflow_state.content_object.specific

    def check(self):
        task = self.task_state.task.specific
        allowed = [name for name, _label, _modal in task.get_actions(self.page, self.user)]
        if self.action not in allowed:
            raise ReviewError(_("You cannot take this decision on this story."))
        if self.task_state.status != TaskState.STATUS_IN_PROGRESS:
            raise ReviewError(
                _("Another moderator has already decided on this story. Reload to see it.")
            )
        if self.action in (self.REQUEST_CHANGES, self.DECLINE) and not self.reason:
            raise ReviewError(_("Please give the author a reason."))
        if self.action == self.APPROVE:
            # Nothing is published that the screen has not read.
            report = screen_revision(self.page.get_latest_revision())
            if report.spam_pending:
                # Nothing is published that Akismet may yet call spam: a moderator who
                # will not wait records a verdict of their own ("Mark as spam", "not spam").
                raise ReviewError(SPAM_CHECK_PENDING)
            if report.blocking and not self.override_reason:
                raise ReviewError(
                    _(
                        "The screen found %(count)d detail(s) that block publication. "
                        "Redact them, or give a reason to publish anyway."
                    )
                    % {"count": report.blocking}
                )
            self.check_authors_approval()

    def check_authors_approval(self):
        """Publishing waits for the author's approval of a moderator's edits, where the
        site's setting says so, unless the moderator gives a reason to publish now."""
        submission = Submission.objects.filter(story_id=self.page.pk).first()
        if submission is None or not awaits_author(submission):
            return
        if not AuthorApprovalSettings.load().wait_for_author:
            return
        if not self.author_override_reason:
            raise ReviewError(
                _(
                    "The author has not approved your edits yet. Wait for their approval, "
                    "or give a reason to publish before they approve."
                )
            )
        self.publishing_before_the_author = True

    def execute(self):
        with transaction.atomic():
            # One decision per task state: a second moderator waits here, then is told.
            self.task_state = (
                TaskState.objects.select_for_update().get(pk=self.task_state.pk).specific
            )
            self.check()
            submission = Submission.objects.filter(story_id=self.page.pk).first()
            if self.action == self.APPROVE:
                self._approve()
            elif self.action == self.REQUEST_CHANGES:
                self._request_changes(submission)
            else:
                self._decline(submission)
        return self.task_state

    def _approve(self):
        if self.override_reason:
            log(
                instance=self.page,
                action="sharing.story.override",
                user=self.user,
                revision=self.page.get_latest_revision(),
                data={"reason": self.override_reason},
            )
        if self.publishing_before_the_author:
            log(
                instance=self.page,
                action=AUTHOR_OVERRIDE,
                user=self.user,
                revision=self.page.get_latest_revision(),
                data={"reason": self.author_override_reason},
            )
        # Finishing the workflow publishes (moderation.workflows), and tells the author.
        self.task_state.approve(user=self.user, comment=self.override_reason)

    def _request_changes(self, submission):
        self.task_state.reject(user=self.user, comment=self.reason)
        if submission is not None:
            submission.set_state(Submission.State.CHANGES_REQUESTED, self.reason)
            transaction.on_commit(lambda: send_decision_mail.enqueue(submission.pk))

    def _decline(self, submission):
        workflow_state = self.task_state.workflow_state
        self.task_state.comment = self.reason
        self.task_state.save(update_fields=["comment"])
        workflow_state.cancel(user=self.user)
        log(
            instance=self.page,
            action="sharing.story.decline",
            user=self.user,
            revision=self.page.get_latest_revision(),
            data={"reason": self.reason},
        )
        if submission is not None:
            submission.set_state(Submission.State.DECLINED, self.reason)
            transaction.on_commit(lambda: send_decision_mail.enqueue(submission.pk))


class SubmitterAction:
    """An access request or an erasure request about the person who sent a submission:
    everything sent with the same email address (``stories.access``). Story
    moderators only."""

    def __init__(self, submission, user):
        self.submission = submission
        self.user = user

    def check(self):
        if not can_review(self.user):
            raise PermissionDenied

    @cached_property
    def submissions(self):
        return list(submissions_of_submitter(self.submission).prefetch_related("photos"))


class ExportSubmitterAction(SubmitterAction):
    """The download of everything held about the submitter, recorded against each of
    their submissions (who and when; the record names only the reference)."""

    def execute(self):
        self.check()
        filename, content = submitter_archive(self.submission, self.submissions)
        with transaction.atomic():
            for submission in self.submissions:
                log(instance=submission, action="sharing.submission.export", user=self.user)
        return filename, content


class EraseSubmitterAction(SubmitterAction):
    """Erase everything of the submitter's stories on their request: each submission is
    erased by staff (``stories.services.erase_on_request``: as a withdrawal, in state
    "erased", with who did it, and when, recorded against the reference). Returns the
    submissions erased."""

    def execute(self):
        self.check()
        erased = []
        for submission in self.submissions:
            if submission.erased_at is None:
                done = erase_on_request(submission, user=self.user)
                if done is not None:
                    erased.append(done)
        return erased
