"""Mail to the story moderators, in the background (django-tasks)."""

from sharing.mail import absolute_reverse, mail_task, send_templated_mail
from stories.models import Submission, SubmissionMessage

from .permissions import moderator_addresses


@mail_task
def notify_moderators_of_submission(submission_id):
    submission = Submission.objects.select_related("story").filter(pk=submission_id).first()
    if submission is None or submission.story is None:
        return False
    context = {
        "submission": submission,
        "review_url": absolute_reverse("story_moderation:review", submission.story_id),
    }
    return send_templated_mail(
        "moderation/emails/moderators_new_submission", context, moderator_addresses()
    )


@mail_task
def notify_moderators_urgent(submission_id):
    submission = Submission.objects.filter(pk=submission_id).first()
    if submission is None:
        return False
    context = {
        "submission": submission,
        "review_url": absolute_reverse("story_moderation:review", submission.story_id),
    }
    return send_templated_mail(
        "moderation/emails/moderators_urgent", context, moderator_addresses()
    )


@mail_task
def notify_moderators_of_message(message_id):
    """The author wrote to the moderators: the story's reviewers are told, urgently if
    the screen found crisis language in it. The mail names the story and links to its
    review page; the words and the findings stay there, behind the admin's sign-in."""
    message = (
        SubmissionMessage.objects.select_related("submission")
        .filter(pk=message_id, sender=SubmissionMessage.Sender.AUTHOR)
        .first()
    )
    if message is None or message.submission.story_id is None:
        return False
    submission = message.submission
    context = {
        "submission": submission,
        "review_url": absolute_reverse("story_moderation:review", submission.story_id)
        + "#messages",
    }
    template = "moderators_urgent_message" if message.crisis else "moderators_new_message"
    return send_templated_mail(f"moderation/emails/{template}", context, moderator_addresses())


@mail_task
def notify_moderators_of_approval(submission_id):
    """The author approved the moderators' edits: publishing no longer waits for them.
    The reviewers are told, with a link to the review page, unless the story was
    decided, withdrawn or erased meanwhile."""
    submission = Submission.objects.select_related("story").filter(pk=submission_id).first()
    if (
        submission is None
        or submission.story is None
        or submission.edits_approved_at is None
        or submission.state not in (Submission.State.RECEIVED, Submission.State.IN_REVIEW)
    ):
        return False
    context = {
        "submission": submission,
        "review_url": absolute_reverse("story_moderation:review", submission.story_id)
        + "#decision-heading",
    }
    return send_templated_mail(
        "moderation/emails/moderators_edits_approved", context, moderator_addresses()
    )
