"""Moderation's receivers, connected in ``ModerationConfig.ready()``."""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.models import Revision

from stories.models import StoryPage, Submission
from stories.services import ask_author_to_approve
from stories.signals import (
    edits_approved,
    message_posted,
    story_resubmitted,
    story_submitted,
    story_withdrawn,
    submission_transaction,
)

from .notifications import (
    notify_moderators_of_approval,
    notify_moderators_of_message,
    notify_moderators_of_submission,
)
from .services import latest_report, request_spam_check, screen_revision, start_story_moderation
from .tasks import forget_submitter_ip, remember_submitter_ip

logger = logging.getLogger(__name__)


def screen_new_story_revision(sender, instance, created, raw=False, **kwargs):
    """Every new revision of a story is screened: a moderator always sees the report
    of the revision they would publish.

    A submission's revision is screened once the submission's transaction
    has committed: that transaction holds the story index's row lock, which
    every other submission waits for.
    """
    if not created or raw:
        return
    model = instance.content_type.model_class()
    if model is None or not issubclass(model, StoryPage):
        return
    if submission_transaction.get():
        transaction.on_commit(lambda: screen_saved_revision(instance))
    else:
        screen_saved_revision(instance)
    if instance.user_id:
        # A moderator's (or an editor's) revision: its author may have edits to approve,
        # once the page names it as its latest (save_revision's transaction commits).
        transaction.on_commit(lambda: ask_author_about(instance))


def ask_author_about(revision):
    submission = (
        Submission.objects.select_related("story").filter(story_id=revision.object_id).first()
    )
    if submission is None:
        return
    try:
        ask_author_to_approve(submission)
    except Exception:
        logger.exception("Could not ask the author of %s to approve edits", submission.reference)


def screen_saved_revision(revision):
    try:
        screen_revision(revision)
    except Exception:
        # Never lose an edit to a screening failure; the approval screens it again.
        logger.exception("Could not screen revision %s", revision.pk)


def moderate_new_story(sender, submission, ip_address="", **kwargs):
    """In this order: keep the IP for the spam check, start the workflow (which
    screens the story and asks Akismet), then tell the moderators."""
    remember_submitter_ip(submission, ip_address)
    start_story_moderation(submission.story)
    transaction.on_commit(lambda: _enqueue(notify_moderators_of_submission, submission))


def moderate_resubmitted_story(sender, submission, **kwargs):
    """The author's edited text is screened as it is saved; Akismet reads it too.

    The story is read again: the submission's copy names the revision before the edit,
    whose check is over (its report is not "Checking"), so the edit would go unchecked."""
    report = latest_report(StoryPage.objects.get(pk=submission.story_id))
    if report is not None:
        request_spam_check(report)


def tell_moderators_of_message(sender, submission, message, **kwargs):
    """The author's message is mailed to the reviewers (sent after the commit)."""
    if message.from_author:
        try:
            notify_moderators_of_message.enqueue(message.pk)
        except Exception:
            logger.exception("Could not queue the mail of message %s", message.pk)


def tell_moderators_of_approval(sender, submission, **kwargs):
    """The author approved the edits: the reviewers are mailed (after the commit)."""
    _enqueue(notify_moderators_of_approval, submission)


def forget_withdrawn_story(sender, submission, **kwargs):
    forget_submitter_ip(submission)


def _enqueue(task, submission):
    try:
        task.enqueue(submission.pk)
    except Exception:
        logger.exception("Could not queue %s for %s", task.name, submission.reference)


def register_signal_handlers():
    post_save.connect(
        screen_new_story_revision,
        sender=Revision,
        dispatch_uid="moderation.screen_new_story_revision",
    )
    story_submitted.connect(moderate_new_story, dispatch_uid="moderation.moderate_new_story")
    story_resubmitted.connect(
        moderate_resubmitted_story, dispatch_uid="moderation.moderate_resubmitted_story"
    )
    message_posted.connect(
        tell_moderators_of_message, dispatch_uid="moderation.tell_moderators_of_message"
    )
    edits_approved.connect(
        tell_moderators_of_approval, dispatch_uid="moderation.tell_moderators_of_approval"
    )
    story_withdrawn.connect(forget_withdrawn_story, dispatch_uid="moderation.forget_withdrawn")
