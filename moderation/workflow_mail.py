"""Wagtail's workflow mails, sent by the task worker instead of inside the request.

Wagtail mails the people concerned when a page enters a workflow, reaches a
group's approval task, or is approved or rejected. Its notifiers are signal
receivers that talk to the mail server in the request that moved the workflow:
a slow server holds the submitter's or moderator's request for as long as it
takes, and a server that is down loses the mail (Wagtail logs it and goes on).

Here each notifier's receiver only queues a task. The task works out the
recipients in the worker and queues one mail per recipient, so a mail server
that fails half-way is retried (``mail_task``) for those it did not reach, and
no one gets the same mail twice.

A story sent in through the public form is not announced by Wagtail's
"submitted" mail: the moderators get the project's own, with the reference and
the review link (``notifications.notify_moderators_of_submission``).
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.admin import signal_handlers as wagtail_handlers
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from sharing.mail import MailNotSent, mail_task
from stories.models import Submission

# kind: (signal, sender, Wagtail's notifier, the dispatch_uid Wagtail connects it with)
NOTIFICATIONS = {
    "task_submitted": (
        task_submitted,
        TaskState,
        wagtail_handlers.task_submission_email_notifier,
        "group_approval_task_submitted_email_notification",
    ),
    "workflow_submitted": (
        workflow_submitted,
        WorkflowState,
        wagtail_handlers.workflow_submission_email_notifier,
        "workflow_state_submitted_email_notification",
    ),
    "workflow_rejected": (
        workflow_rejected,
        WorkflowState,
        wagtail_handlers.workflow_rejection_email_notifier,
        "workflow_state_rejected_email_notification",
    ),
    "workflow_approved": (
        workflow_approved,
        WorkflowState,
        wagtail_handlers.workflow_approval_email_notifier,
        "workflow_state_approved_email_notification",
    ),
}


def queue_workflow_mail(kind):
    def receiver(sender, instance, user=None, **kwargs):
        user_id = getattr(user, "pk", None)
        transaction.on_commit(
            lambda: send_workflow_mails.enqueue(kind, instance.pk, user_id), robust=True
        )

    receiver.__qualname__ = f"queue_workflow_mail({kind!r})"
    return receiver


def replace_wagtail_notifiers():
    """Put a queueing receiver in place of each of Wagtail's mail notifiers.

    Ours is connected under Wagtail's own ``dispatch_uid``: when wagtail.admin's
    ``ready()`` runs after ours (``INSTALLED_APPS`` order) its connect is then a
    no-op, and when it ran before, its receiver is disconnected first.
    """
    for kind, (signal, sender, _notifier, dispatch_uid) in NOTIFICATIONS.items():
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(
            queue_workflow_mail(kind), sender=sender, dispatch_uid=dispatch_uid, weak=False
        )


def load(kind, instance_id):
    model = NOTIFICATIONS[kind][1]
    instance = model.objects.filter(pk=instance_id).first()
    if instance is not None and model is TaskState:
        instance = instance.specific
    return instance


def is_public_submission(workflow_state):
    return Submission.objects.filter(story_id=workflow_state.object_id).exists()


@mail_task
def send_workflow_mails(kind, instance_id, user_id=None):
    """Queue one mail per recipient of Wagtail's ``kind`` notification."""
    instance = load(kind, instance_id)
    if instance is None:
        return 0
    if kind == "workflow_submitted" and is_public_submission(instance):
        return 0
    notifier = NOTIFICATIONS[kind][2]
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if not notifier.can_handle(instance, user=user):
        return 0
    recipients = notifier.get_valid_recipients(instance, user=user)
    for recipient in sorted(recipients, key=lambda recipient: recipient.pk):
        send_workflow_mail.enqueue(kind, instance_id, recipient.pk)
    return len(recipients)


@mail_task
def send_workflow_mail(kind, instance_id, recipient_id):
    """Wagtail's ``kind`` notification to one person, rendered as Wagtail renders it."""
    instance = load(kind, instance_id)
    recipient = get_user_model().objects.filter(pk=recipient_id, is_active=True).first()
    if instance is None or recipient is None or not recipient.email:
        return False
    notifier = NOTIFICATIONS[kind][2]
    template_set = notifier.get_template_set(instance)
    context = notifier.get_context(instance)
    if not notifier.send_notifications(template_set, context, {recipient}):
        # Wagtail logged the error; raising it queues the next attempt.
        raise MailNotSent("The mail server did not take a workflow notification")
    return True
