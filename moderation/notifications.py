"""Mail to the story moderators, in the background (django-tasks)."""

from sharing.mail import absolute_reverse, mail_task, send_templated_mail
from stories.models import Submission

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
