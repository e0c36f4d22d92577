"""Background mail about submissions (django-tasks: immediate in dev and tests,
the database worker in production). A mail failure is logged and never
touches the submission itself."""

import logging
from smtplib import SMTPException

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task

from home.services import MODERATORS_GROUP

logger = logging.getLogger(__name__)


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def moderator_addresses():
    if settings.MODERATORS_EMAIL:
        return list(settings.MODERATORS_EMAIL)
    users = (
        get_user_model()
        .objects.filter(groups__name=MODERATORS_GROUP, is_active=True)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def send_templated_mail(template, context, recipients):
    """Send one plain-text mail; True if it went, False (and logged) if it did not.

    ``template`` is a name under ``stories/emails/`` or a path such as
    ``"comment_moderation/emails/crisis_comment"``; ``_subject.txt`` and ``.txt``
    are added to it."""
    if not recipients:
        return False
    path = template if "/" in template else f"stories/emails/{template}"
    subject = render_to_string(f"{path}_subject.txt", context).strip()
    body = render_to_string(f"{path}.txt", context)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except (SMTPException, OSError):
        logger.exception("Could not send the %s mail", template)
        return False
    return True


@task()
def send_submission_received(submission_id):
    from .models import Submission

    submission = Submission.objects.filter(pk=submission_id).first()
    if submission is None or not submission.contact_email:
        return False
    context = {
        "submission": submission,
        "status_url": absolute_url(submission.get_status_url()),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    return send_templated_mail("submission_received", context, [submission.contact_email])


@task()
def notify_moderators_of_submission(submission_id):
    from .models import Submission

    submission = Submission.objects.select_related("story").filter(pk=submission_id).first()
    if submission is None or submission.story is None:
        return False
    context = {
        "submission": submission,
        "edit_url": absolute_url(f"/admin/pages/{submission.story_id}/edit/"),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    return send_templated_mail("moderators_new_submission", context, moderator_addresses())


DECISION_TEMPLATES = {
    "published": "story_published",
    "changes_requested": "story_changes_requested",
    "declined": "story_declined",
}


@task()
def send_decision_mail(submission_id):
    """Tell the author what the moderators decided, in the state the submission is now in."""
    from .models import Submission

    submission = Submission.objects.select_related("story").filter(pk=submission_id).first()
    if submission is None or not submission.contact_email:
        return False
    template = DECISION_TEMPLATES.get(submission.state)
    if template is None:
        return False
    story = submission.story
    context = {
        "submission": submission,
        "status_url": absolute_url(submission.get_status_url()),
        "edit_url": absolute_url(submission.get_edit_url()),
        "story_url": story.full_url if story is not None and story.live else "",
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    return send_templated_mail(template, context, [submission.contact_email])
