"""Background work for comments (django-tasks: immediate in dev and tests, the
database worker in production)."""

import logging

from django.contrib.sites.models import Site
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django_comments_xtd import signed
from django_comments_xtd.conf import settings as xtd_settings
from django_comments_xtd.models import XtdComment
from django_tasks import task

from sharing import spam
from sharing.mail import (
    absolute_reverse,
    mail_task,
    send_templated_mail,
    staff_addresses,
)

from .akismet import spam_arguments
from .models import PERMISSION, CommentReport, CommentReview

logger = logging.getLogger(__name__)


@mail_task
def send_confirmation_request(review_id: int) -> bool:
    """The "please confirm your comment" mail (comments-xtd's text, with our subject
    and an HTML alternative: ``send_templated_mail``), sent here rather than in the
    request, so that the reader is told to check their email whatever the mail
    server does. Queued with the review's id only: the signed link, which holds the
    comment, waits on the review and is cleared once the mail has gone."""
    review = (
        CommentReview.objects.filter(pk=review_id, comment__isnull=True)
        .exclude(pending_confirmation="")
        .first()
    )
    if review is None:
        return False  # confirmed already, or erased with its story
    key = review.pending_confirmation
    comment = signed.loads(key, extra_key=xtd_settings.COMMENTS_XTD_SALT)
    context = {
        "comment": comment,
        "confirmation_url": reverse("comments-xtd-confirm", args=[key]),
        "site": Site.objects.get_current(),
    }
    send_templated_mail(
        "comment_moderation/emails/confirmation_request",
        context,
        [comment.user_email],
        language=review.language or None,
    )
    CommentReview.objects.filter(pk=review.pk).update(pending_confirmation="")
    return True


@task()
def notify_followers_task(comment_id: int) -> int:
    """Tell the readers following a story of a comment that has just been published:
    one mail task for each follower (``notify_follower``), queued together.

    Each follower's mail is tried, and tried again, on its own: a mail server that
    goes down after some of the mails have gone costs a retry of the others only,
    never a second mail to those who had theirs.
    """
    comment = XtdComment.norel_objects.filter(
        pk=comment_id, is_public=True, is_removed=False
    ).first()
    if comment is None:
        return 0
    followers = list(follower_comment_ids(comment))
    with transaction.atomic():  # all queued, or none: a retry of this task queues them again
        for follower_id in followers:
            notify_follower.enqueue(comment_id, follower_id)
    return len(followers)


def follower_comment_ids(comment):
    """For each reader following the thread of ``comment`` (but its author), the id of
    their latest comment that asked for follow-ups: what their mute link signs."""
    return (
        XtdComment.norel_objects.filter(
            content_type_id=comment.content_type_id,
            object_pk=comment.object_pk,
            is_public=True,
            followup=True,
        )
        .exclude(user_email=comment.user_email)
        .values("user_email")
        .annotate(latest=Max("pk"))
        .order_by("user_email")
        .values_list("latest", flat=True)
    )


@mail_task
def notify_follower(comment_id: int, follower_id: int) -> bool:
    """comments-xtd's follow-up mail (``notify_comment_followers``) to one follower,
    whose comment ``follower_id`` is: nothing if the new comment is no longer public,
    or if the follower has stopped following since it was queued."""
    comment = XtdComment.norel_objects.filter(
        pk=comment_id, is_public=True, is_removed=False
    ).first()
    follower = (
        XtdComment.norel_objects.filter(pk=follower_id, is_public=True, followup=True)
        .select_related("review")
        .first()
    )
    if comment is None or follower is None:
        return False
    key = signed.dumps(follower, compress=True, extra_key=xtd_settings.COMMENTS_XTD_SALT)
    context = {
        "user_name": follower.user_name,
        "comment": comment,
        "content_object": comment.content_object,
        "mute_url": reverse("comments-xtd-mute", args=[key.decode()]),
        "site": comment.site,
    }
    # In the follower's language: the one their own comment was written in.
    review = getattr(follower, "review", None)
    return send_templated_mail(
        "comment_moderation/emails/new_comment",
        context,
        [follower.user_email],
        language=getattr(review, "language", "") or None,
    )


@mail_task
def notify_moderators_of_crisis_comment(review_id: int) -> bool:
    """Tell the moderators at once of a comment with crisis language, whether or not
    its author has confirmed it yet (a reader in crisis may never open that mail).

    Queued with the review's id only: the text and address are read here, from the
    saved comment or, before it is confirmed, from the review, which lets them go
    once the mail has gone.
    """
    review = (
        CommentReview.objects.select_related("comment", "content_type").filter(pk=review_id).first()
    )
    if review is None:
        return False
    comment = review.comment
    if comment is not None:
        text, author_email, target = comment.comment, comment.user_email, comment.content_object
    else:
        text, author_email, target = review.pending_text, review.pending_email, review.get_target()
    if not text:
        return False
    context = {
        "text": text,
        "author_email": author_email or "",
        "story_title": str(target) if target is not None else "",
        "story_url": getattr(target, "full_url", "") or "",
        "queue_url": absolute_reverse("comment_moderation:queue"),
    }
    sent = send_templated_mail(
        "comment_moderation/emails/crisis_comment", context, staff_addresses(PERMISSION)
    )
    if sent and comment is None:
        CommentReview.objects.filter(pk=review.pk).update(pending_text="", pending_email="")
    return sent


@mail_task
def notify_moderators_of_danger_report(report_id: int) -> bool:
    """Tell the moderators at once that a reader reports someone may be in danger
    in a comment. Queued with the report's id only."""
    report = CommentReport.objects.select_related("comment").filter(pk=report_id).first()
    if report is None:
        return False
    comment = report.comment
    target = comment.content_object
    context = {
        "reason": report.get_reason_display(),
        "text": comment.comment,
        "author_email": comment.user_email or "",
        "story_title": str(target) if target is not None else "",
        "story_url": getattr(target, "full_url", "") or "",
        "queue_url": absolute_reverse("comment_moderation:queue"),
    }
    return send_templated_mail(
        "comment_moderation/emails/danger_report", context, staff_addresses(PERMISSION)
    )


@task()
def teach_akismet_about_comment(comment_id: int, verdict: str) -> bool:
    """A moderator's spam verdict on a comment, told to Akismet. Queued with the
    comment's id only; nothing is sent if the comment has been deleted since."""
    comment = XtdComment.norel_objects.filter(pk=comment_id).select_related("review").first()
    if comment is None:
        return False
    review = getattr(comment, "review", None)
    arguments = spam_arguments(
        comment,
        user_agent=getattr(review, "user_agent", ""),
        referrer=getattr(review, "referrer", ""),
    )
    if verdict == spam.Verdict.SPAM:
        return spam.submit_spam(**arguments)
    return spam.submit_ham(**arguments)
