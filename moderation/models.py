"""Screening reports and the two tasks of the story moderation workflow."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState

from screening import BLOCK, CATEGORIES
from sharing import spam

from .forms import ApproveForm, ReasonForm


class ScreeningReport(models.Model):
    """What the screen found in one revision of a story, and Akismet's verdict on it."""

    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="screening_report"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="screening_reports"
    )
    findings = models.JSONField(default=list)
    counts = models.JSONField(default=dict, help_text=_("Findings per category."))
    blocking = models.PositiveIntegerField(default=0)
    crisis = models.BooleanField(default=False)
    engine_version = models.CharField(max_length=20)
    spam_verdict = models.CharField(
        max_length=12,
        choices=[("pending", _("Checking")), *spam.Verdict.choices],
        default="pending",
    )
    spam_checked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        permissions = [("review_stories", _("Can review submitted stories"))]

    def __str__(self):
        return f"Screening of revision {self.revision_id}"

    @property
    def blocking_findings(self):
        return [f for f in self.findings if f["severity"] == BLOCK]

    def count_items(self):
        """(label, count) pairs, in the engine's category order."""
        return [
            (CATEGORIES.get(category, category), self.counts[category])
            for category in CATEGORIES
            if self.counts.get(category)
        ]

    def record_spam_verdict(self, verdict):
        self.spam_verdict = verdict
        self.spam_checked_at = timezone.now()
        self.save(update_fields=["spam_verdict", "spam_checked_at"])

    @property
    def spam_pending(self):
        """Akismet has not answered yet: the story cannot be approved."""
        return self.spam_verdict == "pending"

    @property
    def is_spam(self):
        return self.spam_verdict == spam.Verdict.SPAM

    @property
    def spam_not_checked(self):
        return self.spam_verdict == spam.Verdict.UNCHECKED


class ScreeningTaskState(TaskState):
    def log_state_change_action(self, user, action):
        """Wagtail's entry, of the page as it is stored (``workflow_state.content_object``,
        already read) rather than rebuilt from the revision, six queries more inside
        the submission's request: the entry takes the page's id, type and draft title,
        which are the revision's, and names the revision itself."""
        next_task = self.workflow_state.get_next_task()
        log(
            instance=self.workflow_state.content_object,
            action=f"wagtail.workflow.{action}",
            user=user,
            data={
                "workflow": {
                    "id": self.workflow_state.workflow.id,
                    "title": self.workflow_state.workflow.name,
                    "status": self.status,
                    "task_state_id": self.id,
                    "task": {"id": self.task.id, "title": self.task.name},
                    "next": next_task and {"id": next_task.id, "title": next_task.name},
                },
                "comment": self.get_comment(),
            },
            revision=self.revision,
        )

    class Meta:
        verbose_name = _("Screening task state")
        verbose_name_plural = _("Screening task states")


class ScreeningTask(Task):
    """The first task: screens the story's text and hands it to the moderators.

    It finishes by itself as it starts, so a story never waits here.
    """

    admin_form_fields = Task.admin_form_fields
    task_state_class = ScreeningTaskState

    class Meta:
        verbose_name = _("Screening task")
        verbose_name_plural = _("Screening tasks")

    def start(self, workflow_state, user=None):
        from .services import request_spam_check, screen_revision

        task_state = super().start(workflow_state, user=user)
        request_spam_check(screen_revision(task_state.revision))
        # The comment is kept in the story's history, which moderators read: in the
        # site's language, not in that of the author whose request started the task.
        with translation.override(settings.LANGUAGE_CODE):
            comment = gettext("Screened automatically.")
        task_state.approve(user=None, update=False, comment=comment)
        return task_state

    def get_actions(self, obj, user):
        return []

    @classmethod
    def get_description(cls):
        return _("Screens the text for personal details, professionalism and crisis language")


class StoryReviewTaskState(TaskState):
    class Meta:
        verbose_name = _("Story review task state")
        verbose_name_plural = _("Story review task states")


class StoryReviewTask(AbstractGroupApprovalTask):
    """Moderators read the screened story and approve, request changes or decline it."""

    APPROVE, REQUEST_CHANGES, DECLINE = "approve", "request_changes", "decline"
    task_state_class = StoryReviewTaskState

    class Meta:
        verbose_name = _("Story review task")
        verbose_name_plural = _("Story review tasks")

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                (self.APPROVE, _("Approve and publish"), True),
                (self.REQUEST_CHANGES, _("Request changes"), True),
                (self.DECLINE, _("Decline"), True),
            ]
        return []

    def get_form_for_action(self, action):
        return ApproveForm if action == self.APPROVE else ReasonForm

    def on_action(self, task_state, user, action_name, **kwargs):
        """Wagtail's own workflow buttons (editor, dashboard) come here too.

        A decision that cannot be taken (blocking findings, already decided)
        changes nothing and sends the moderator to the review page, which says why.
        """
        from .actions import ReviewError, ReviewStoryAction

        try:
            ReviewStoryAction(
                task_state.specific,
                user,
                action_name,
                reason=kwargs.get("comment", ""),
                override_reason=kwargs.get("override_reason", ""),
                author_override_reason=kwargs.get("author_override_reason", ""),
            ).execute()
        except ReviewError:
            return reverse("story_moderation:review", args=[task_state.workflow_state.object_id])
        return None

    @classmethod
    def get_description(cls):
        return _("Moderators approve, send back or decline the screened story")
