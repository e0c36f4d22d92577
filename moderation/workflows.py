"""The workflow's finish action (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail's own finish action publishes as the last approver and fails if that
user lacks publish permission. Here the approval itself is the authority: the
review task only offers "approve" to its groups, so the approved revision is
published whatever the page permissions say.

Wagtail imports this module while loading its models: import models lazily.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction

logger = logging.getLogger(__name__)


def publish_workflow_state(workflow_state, user=None):
    obj = workflow_state.content_object
    submission = getattr(obj.specific, "submission", None)
    if submission is not None and not approved_by_a_moderator(workflow_state):
        # A workflow emptied of its review task must not publish a story unread.
        raise PermissionDenied("A story is published only when a moderator approves it.")

    revision = obj.get_latest_revision()
    if submission is not None:
        from stories.services import with_published_slug

        revision = with_submitted_photos(submission, revision, user)
        revision = with_published_slug(revision, user)
    revision.publish(user=user, skip_permission_checks=True)

    if submission is not None:
        from stories.tasks import send_decision_mail

        submission.set_state(submission.State.PUBLISHED)
        transaction.on_commit(lambda: send_decision_mail.enqueue(submission.pk))


def approved_by_a_moderator(workflow_state):
    # Imported here: this module is loaded while wagtail.models is (for the setting).
    from wagtail.models import TaskState

    from .models import StoryReviewTaskState

    return StoryReviewTaskState.objects.filter(
        workflow_state=workflow_state,
        status=TaskState.STATUS_APPROVED,
        finished_by__isnull=False,
    ).exists()


def with_submitted_photos(submission, revision, user):
    """Approval makes all the author's photos public, in order, with the story;
    the first becomes the hero image."""
    from stories.services import publish_submission_photos, show_photos

    story = revision.as_object()
    images = publish_submission_photos(submission, story.title)
    if not images:
        return revision
    show_photos(story, images)
    return story.save_revision(user=user, log_action=True)
