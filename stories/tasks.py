"""Background work for stories (django-tasks: immediate in dev and tests, the
database worker in production): the pictures a published story shows, and mail to
the authors of stories. A mail the mail server does not take
is tried again later and, after its last attempt, recorded as a failed task
(``sharing.mail.mail_task``); it never touches the submission itself."""

from datetime import datetime

from django.utils import timezone
from django_tasks import task
from wagtail.images import get_image_model

from sharing.mail import (
    MailNotSent,
    absolute_reverse,
    absolute_url,
    mail_task,
    send_templated_mail,
    staff_addresses,
)

from .comment_mail import comments_on, stop_token
from .models import OfficialResponse, StoryPage, Submission, SubmissionMessage
from .models.responses import REVIEW_PERMISSION
from .photos import CARD_SIZES, GALLERY_SIZES, HERO_SIZES, picture_filters
from .templatetags.page_meta import SHARE_IMAGE_SPEC

DECISION_TEMPLATES = {
    Submission.State.PUBLISHED: "stories/emails/story_published",
    Submission.State.CHANGES_REQUESTED: "stories/emails/story_changes_requested",
    Submission.State.DECLINED: "stories/emails/story_declined",
}


@mail_task
def send_submission_received(submission_id):
    submission = Submission.objects.filter(pk=submission_id).first()
    if submission is None or not submission.contact_email:
        return False
    context = {
        "submission": submission,
        "status_url": absolute_url(submission.get_status_url()),
    }
    return send_templated_mail(
        "stories/emails/submission_received",
        context,
        [submission.contact_email],
        language=submission.language,
    )


@mail_task
def send_decision_mail(submission_id):
    """Tell the author what the moderators decided, in the state the submission is now in."""
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
    }
    return send_templated_mail(
        template, context, [submission.contact_email], language=submission.language
    )


@mail_task
def send_edits_to_approve(submission_id):
    """Tell the author that a moderator's edits of their story await their approval,
    with the link to the status page where they see them; never the words themselves."""
    from .edits import awaits_author

    submission = Submission.objects.select_related("story").filter(pk=submission_id).first()
    if submission is None or not submission.contact_email or not awaits_author(submission):
        return False
    context = {
        "submission": submission,
        "status_url": absolute_url(submission.get_status_url() + "#edits"),
    }
    return send_templated_mail(
        "stories/emails/edits_to_approve",
        context,
        [submission.contact_email],
        language=submission.language,
    )


@task()
def make_renditions(story_id: int) -> int:
    """Make every rendition a published story's page and cards show (its hero in
    both sizes, as a card and for link previews; the gallery's photos); return how
    many images were done."""
    story = StoryPage.objects.filter(pk=story_id).first()
    if story is None:
        return 0
    images = get_image_model().objects
    done = 0
    if story.hero_image_id:
        hero = images.filter(pk=story.hero_image_id).first()
        if hero is not None:
            hero.get_renditions(
                *picture_filters(HERO_SIZES), *picture_filters(CARD_SIZES), SHARE_IMAGE_SPEC
            )
            done += 1
    gallery = story.photos.exclude(image_id=story.hero_image_id).select_related("image")
    for photo in gallery:
        photo.image.get_renditions(*picture_filters(GALLERY_SIZES))
        done += 1
    return done


@mail_task
def send_message_to_author(message_id):
    """A moderator's message, to the author: its words and a link to the status page,
    where they can answer; never what the screen found in it."""
    message = (
        SubmissionMessage.objects.select_related("submission__story")
        .filter(pk=message_id, sender=SubmissionMessage.Sender.MODERATOR)
        .first()
    )
    if message is None or not message.submission.contact_email:
        return False
    submission = message.submission
    context = {
        "submission": submission,
        "message": message,
        "status_url": absolute_url(submission.get_status_url()),
    }
    return send_templated_mail(
        "stories/emails/moderator_message",
        context,
        [submission.contact_email],
        language=submission.language,
    )


@mail_task
def send_comment_digest(submission_id, since, until):
    """The day's mail about new comments on an author's published story (queued by
    ``services.send_comment_digests``), with a link that asks before it unsubscribes."""
    submission = Submission.objects.select_related("story").filter(pk=submission_id).first()
    if submission is None or not submission.comment_mail or not submission.contact_email:
        return False
    story = submission.story
    if story is None or not story.live:
        return False
    count = comments_on(
        story.pk,
        since=datetime.fromisoformat(since) if since else None,
        until=datetime.fromisoformat(until),
    ).count()
    if not count:
        return False
    context = {
        "submission": submission,
        "count": count,
        "story_url": story.full_url,
        "status_url": absolute_url(submission.get_status_url()),
        "stop_url": absolute_reverse("stories:stop_comment_mail", stop_token(submission)),
    }
    return send_templated_mail(
        "stories/emails/comment_digest",
        context,
        [submission.contact_email],
        language=submission.language,
    )


@mail_task
def send_response_published(response_id):
    """Tell the story's author that the organisation's official response is up."""
    response = (
        OfficialResponse.objects.select_related("story", "story__submission")
        .filter(pk=response_id, published_at__isnull=False)
        .first()
    )
    if response is None or not response.story.live:
        return False
    submission = getattr(response.story, "submission", None)
    if submission is None or not submission.contact_email:
        return False
    context = {
        "story": response.story,
        "story_url": absolute_url(response.story.url + "#official-response"),
        "status_url": absolute_url(submission.get_status_url()),
    }
    return send_templated_mail(
        "stories/emails/response_published",
        context,
        [submission.contact_email],
        language=submission.language,
    )


@mail_task
def notify_moderators_of_response(response_id):
    """Tell the moderators who review official responses that one waits for them: one
    mail for each wait at most, however many times the responder edits it meanwhile
    or the task runs (the response is claimed before the mail goes, and let go again
    only if the mail server did not take it, for the retry)."""
    claimed = OfficialResponse.objects.filter(
        pk=response_id, state=OfficialResponse.State.PENDING, review_mail_sent_at__isnull=True
    ).update(review_mail_sent_at=timezone.now())
    if not claimed:
        return False  # told already, decided since, or erased with its story
    response = OfficialResponse.objects.select_related("story", "responder").get(pk=response_id)
    # Not its writer, who may not review it.
    writer = response.responder.email.lower() if response.responder else ""
    recipients = [a for a in staff_addresses(REVIEW_PERMISSION) if a.lower() != writer]
    context = {
        "response": response,
        "story": response.story,
        "review_url": absolute_reverse("response_moderation:review", response.pk),
    }
    try:
        sent = send_templated_mail("stories/emails/response_waiting", context, recipients)
    except MailNotSent:
        OfficialResponse.objects.filter(pk=response_id).update(review_mail_sent_at=None)
        raise
    if not sent:
        OfficialResponse.objects.filter(pk=response_id).update(review_mail_sent_at=None)
    return sent
