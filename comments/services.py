"""Screening, spam checks, reports and visibility of comments on stories."""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django_comments.models import CommentFlag
from django_comments_xtd import signed
from django_comments_xtd.conf import settings as xtd_settings
from django_comments_xtd.models import XtdComment

from screening import CATEGORIES, ENGINE_VERSION, REVIEW, screen
from screening.learned import LearnedCrisisRule
from sharing import spam
from sharing.client_ip import client_ip

from .akismet import spam_arguments
from .models import (
    HELD_STATES,
    VISIBLE_STATES,
    CommentDecision,
    CommentReport,
    CommentReview,
    Decision,
    ReportReason,
    ReviewState,
)
from .signals import comments_changed
from .tasks import (
    notify_followers_task,
    notify_moderators_of_crisis_comment,
    notify_moderators_of_danger_report,
    send_confirmation_request,
)

logger = logging.getLogger(__name__)


def review_key(*, content_type_id, object_pk, email, submit_date):
    """What ties a posted comment to the row saved once its author confirms it."""
    value = f"{content_type_id}:{object_pk}:{email.lower()}:{submit_date.isoformat()}"
    return hashlib.sha256(value.encode()).hexdigest()


def _key_for(comment):
    return review_key(
        content_type_id=comment.content_type.pk,
        object_pk=comment.object_pk,
        email=comment.user_email or "",
        submit_date=comment.submit_date,
    )


def screen_comment(text):
    """Screen a comment: (every finding, the categories that hold it for a moderator).

    Any finding holds the comment, except a lone first name when
    ``COMMENTS_PUBLISH_FIRST_NAMES`` is on ("Thank you, Maria").
    """
    findings = screen(text, kind="comment", role="reader", learned=settings.SCREEN_LEARNED)
    held_for = []
    for finding in findings:
        if (
            settings.COMMENTS_PUBLISH_FIRST_NAMES
            and finding.category == "name"
            and finding.severity == REVIEW
            and len(text[finding.start : finding.end].split()) == 1
        ):
            continue
        if finding.category not in held_for:
            held_for.append(finding.category)
    return findings, held_for


# The groups whose members' comments are marked as staff, besides Django's staff
# users: named, not imported (comments sit below the apps that make them).
STAFF_GROUPS = ("Responders", "Story moderators")


def is_staff_member(user):
    """Whether ``user`` (signed in) is hospital staff: a staff user, or a responder
    or story moderator."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_staff or user.is_superuser or user.groups.filter(name__in=STAFF_GROUPS).exists()


def staff_name(user):
    """What a member of staff's comment is signed with: their first name, never their
    surname (a staff member with no first name on their account signs "Staff")."""
    words = (user.first_name or "").split()
    return words[0] if words else "Staff"


def review_new_comment(comment, request):
    """Screen and spam-check a comment as it is posted; return its ``CommentReview``.

    Held for a moderator: what the screen holds, what Akismet calls spam, and, when
    Akismet is set up but gives no verdict, everything (the check was not done).
    Without an API key the spam check is off by choice and the screen decides.

    ``comment`` is still unsaved (comments-xtd saves it once its author has
    confirmed it by email); the review waits for it under its key.
    """
    findings, held_for = screen_comment(comment.comment)
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:300]
    referrer = request.META.get("HTTP_REFERER", "")[:500]
    verdict = spam.check(**spam_arguments(comment, user_agent=user_agent, referrer=referrer))
    user = getattr(request, "user", None)
    by_staff = is_staff_member(user)
    if verdict == spam.Verdict.SPAM:
        state = ReviewState.SUSPECTED_SPAM
    elif held_for:
        state = ReviewState.HELD
    elif verdict == spam.Verdict.UNCHECKED and spam.is_configured():
        # Akismet is set up but did not answer (down, erroring, too slow): what it
        # would have caught waits for a moderator rather than going up unchecked.
        state = ReviewState.SPAM_UNCHECKED
    else:
        state = ReviewState.PUBLISHED
    review, created = CommentReview.objects.update_or_create(
        key=_key_for(comment),
        defaults={
            "state": state,
            "findings": [finding.to_dict() for finding in findings],
            "held_for": held_for,
            "engine_version": ENGINE_VERSION,
            "spam_verdict": verdict,
            "user_agent": user_agent,
            "referrer": referrer,
            "content_type": comment.content_type,
            "object_pk": str(comment.object_pk),
            "by_staff": by_staff,
            "staff_role": (getattr(user, "role", "") or "")[:80] if by_staff else "",
            "language": comment_language(),
        },
    )
    if created and needs_urgent_alert(findings) and verdict != spam.Verdict.SPAM:
        alert_moderators_of_crisis(review, comment)
    return review


def comment_language():
    """The language a comment posted now is written in: the request's (the page's,
    as LocaleMiddleware chose it), as one of the site's languages."""
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def needs_urgent_alert(findings):
    """Whether the moderators are mailed at once about a held comment: for crisis
    language a rule found, or that the learned reader found with high confidence
    (its urgent tier). A possible crisis that only the learned reader saw is held
    for the queue, where a crisis comes first, without a mail: it is wrong often
    enough that a mail each time would teach moderators to ignore the mail."""
    return any(
        finding.category == "crisis"
        and not (finding.rule == LearnedCrisisRule.id and finding.severity == REVIEW)
        for finding in findings
    )


def alert_moderators_of_crisis(review, comment):
    """Mail the moderators, after commit, about a comment in which the screen found
    crisis language: a reader may be at risk now, before anyone opens the queue.

    The task is queued with the review's id only (queued tasks are stored in a
    table); until the comment is saved, its text and address wait on the review.
    """
    if review.comment_id is None:
        review.pending_text = comment.comment
        review.pending_email = comment.user_email or ""
        review.save(update_fields=["pending_text", "pending_email", "updated_at"])
    review_id = review.pk
    transaction.on_commit(lambda: notify_moderators_of_crisis_comment.enqueue(review_id))


def ask_for_confirmation(comment, request):
    """Ask the author of a posted, unsaved comment to confirm it by email, from a
    background task: the comment waits, signed into its confirmation link, on its
    review (made as it was posted) until the mail has gone.

    False when the comment has no review (a page no moderator is registered for):
    the caller then leaves it to comments-xtd.
    """
    review = getattr(request, "comment_review", None)
    if review is None:
        review = CommentReview.objects.filter(key=_key_for(comment), comment__isnull=True).first()
    if review is None:
        return False
    key = signed.dumps(comment, compress=True, extra_key=xtd_settings.COMMENTS_XTD_SALT)
    CommentReview.objects.filter(pk=review.pk).update(pending_confirmation=key.decode())
    review_id = review.pk
    transaction.on_commit(lambda: send_confirmation_request.enqueue(review_id))
    return True


def attach_review(comment):
    """Tie a newly saved comment to the review made when it was posted.

    A comment saved some other way (a data import, the Django admin) is screened
    now, without a spam check, and hidden if the screen holds it.
    """
    key = _key_for(comment)
    updated = CommentReview.objects.filter(key=key, comment__isnull=True).update(
        comment=comment,
        pending_text="",
        pending_email="",
        pending_confirmation="",
        saved_at=timezone.now(),
    )
    if updated:
        return CommentReview.objects.get(key=key)
    findings, held_for = screen_comment(comment.comment)
    review = CommentReview.objects.create(
        comment=comment,
        saved_at=timezone.now(),
        key=key,
        content_type=comment.content_type,
        object_pk=str(comment.object_pk),
        state=ReviewState.HELD if held_for else ReviewState.PUBLISHED,
        findings=[finding.to_dict() for finding in findings],
        held_for=held_for,
        engine_version=ENGINE_VERSION,
    )
    if held_for and comment.is_public:
        XtdComment.norel_objects.filter(pk=comment.pk).update(is_public=False)
        comment.is_public = False
    if needs_urgent_alert(findings):
        alert_moderators_of_crisis(review, comment)
    return review


def reporter_key(request):
    """The same reader, hashed: a signed-in user by id, anyone else by IP address."""
    if request.user.is_authenticated:
        value = f"user:{request.user.pk}"
    else:
        value = f"ip:{client_ip(request)}"
    return salted_hmac("comment_moderation.report", value).hexdigest()


def count_reports(comment):
    """Reports and comments-xtd removal flags since a moderator last decided on it,
    those that count towards hiding it: all but the danger reports, which alert."""
    since = comment.decisions.exclude(action=Decision.REDACT).aggregate(last=Max("decided_at"))[
        "last"
    ]
    reports = comment.reports.exclude(reason=ReportReason.UNSAFE)
    flags = CommentFlag.objects.filter(comment=comment, flag=CommentFlag.SUGGEST_REMOVAL)
    if since is not None:
        reports = reports.filter(created_at__gt=since)
        flags = flags.filter(flag_date__gt=since)
    return reports.count() + flags.count()


@transaction.atomic
def report_comment(comment, *, reporter, reason=""):
    """Record a reader's report and put the comment in the moderators' queue; hide it
    once enough readers have reported it. A report that someone may be in danger
    alerts the moderators at once.

    Returns True when this report was new (a reader counts once per comment).
    """
    report, created = CommentReport.objects.get_or_create(
        comment=comment, reporter=reporter, defaults={"reason": reason[:300]}
    )
    hide_if_reported(comment)
    if created and report.reason == ReportReason.UNSAFE:
        report_id = report.pk
        transaction.on_commit(lambda: notify_moderators_of_danger_report.enqueue(report_id))
    return created


@transaction.atomic
def hide_if_reported(comment):
    """Put a reported comment in the queue (still shown), and hide it once
    ``COMMENT_REPORT_THRESHOLD`` readers have reported it. True if it was hidden."""
    review = CommentReview.objects.select_for_update().filter(comment=comment).first()
    if review is None or review.state not in VISIBLE_STATES:
        return False
    if count_reports(comment) < settings.COMMENT_REPORT_THRESHOLD:
        if review.state != ReviewState.FLAGGED:
            review.state = ReviewState.FLAGGED
            review.save(update_fields=["state", "updated_at"])
        return False
    review.state = ReviewState.REPORTED
    review.save(update_fields=["state", "updated_at"])
    set_visibility(comment, public=False)
    logger.info("Comment %s hidden after reports", comment.pk)
    return True


def set_visibility(comment, *, public, removed=False):
    """Show or hide a comment, and only it.

    Its replies keep their own state: in the thread they are shown under a
    "This comment is hidden" placeholder (``threads.nest``). Done with an update,
    not a save, which would set off comments-xtd's own pre-save cascade and
    publish or hide every reply with it, held ones included.
    """
    XtdComment.norel_objects.filter(pk=comment.pk).update(is_public=public, is_removed=removed)
    comment.is_public, comment.is_removed = public, removed
    comments_changed.send(sender=XtdComment, comment=comment)


def finding_key(finding):
    """What names one finding of a comment in a moderator's redaction: its span and kind."""
    return f"{finding['start']}:{finding['end']}:{finding['category']}"


@transaction.atomic
def redact_comment(comment, user, *, keys):
    """Replace the chosen findings of a comment (by ``finding_key``) with their
    placeholders, screen it again, and record who did it, when and what kind.

    Returns the labels of what was redacted: none if those findings are gone (a
    moderator redacted them a moment ago) or have no placeholder.
    """
    review = CommentReview.objects.select_for_update().filter(comment=comment).first()
    if review is None:
        return []
    text = XtdComment.norel_objects.values_list("comment", flat=True).get(pk=comment.pk)
    chosen = [f for f in review.findings if f.get("replacement") and finding_key(f) in keys]
    done = []
    last_start = len(text) + 1
    for finding in sorted(chosen, key=lambda f: f["start"], reverse=True):
        if finding["end"] > last_start or finding["end"] > len(text):
            continue  # overlaps one already replaced
        text = text[: finding["start"]] + finding["replacement"] + text[finding["end"] :]
        last_start = finding["start"]
        done.append(CATEGORIES.get(finding["category"], finding["category"]))
    if not done:
        return []
    # An update, not a save: comments-xtd's pre-save cascade would publish the replies.
    XtdComment.norel_objects.filter(pk=comment.pk).update(comment=text)
    comment.comment = text
    comments_changed.send(sender=XtdComment, comment=comment)
    findings, held_for = screen_comment(text)
    review.findings = [finding.to_dict() for finding in findings]
    review.held_for = held_for
    review.engine_version = ENGINE_VERSION
    review.save(update_fields=["findings", "held_for", "engine_version", "updated_at"])
    labels = sorted(set(done))
    CommentDecision.objects.create(
        comment=comment,
        action=Decision.REDACT,
        moderator=user,
        reason=("Redacted: " + ", ".join(labels))[:500],
        previous_state=review.state,
    )
    logger.info("Comment %s redacted (%s)", comment.pk, ", ".join(labels))
    return labels


def notify_followers(comment):
    """Mail the readers who asked to hear about new comments on this story, after commit."""
    transaction.on_commit(lambda: notify_followers_task.enqueue(comment.pk))


def erase_comments_on(target):
    """Delete every comment on ``target``, with their reviews, reports, flags and
    decisions, and the reviews of comments never confirmed (the story they answered
    is being erased)."""
    content_types = [
        ContentType.objects.get_for_model(target, for_concrete_model=False),
        ContentType.objects.get_for_model(target),
    ]
    comments = XtdComment.norel_objects.filter(
        content_type__in=content_types, object_pk=str(target.pk)
    )
    count = comments.count()
    comments.delete()
    CommentReview.objects.filter(
        content_type__in=content_types, object_pk=str(target.pk), comment__isnull=True
    ).delete()
    comments_changed.send(sender=XtdComment, target=target)
    return count


# The author's own comment, in the minutes after posting.


def editable_until(review):
    """Until when the author of the comment ``review`` is about may edit or delete it
    (``COMMENT_EDIT_MINUTES`` after it was saved); None if never."""
    if review is None or review.saved_at is None or review.state == ReviewState.DELETED:
        return None
    return review.saved_at + timedelta(minutes=settings.COMMENT_EDIT_MINUTES)


def author_may_change(review, now=None):
    until = editable_until(review)
    return until is not None and (now or timezone.now()) < until


def edit_own_comment(comment, text, request):
    """The author's new words for their comment, screened and spam-checked again
    exactly as a new comment is: held for a moderator (hidden) if the screen or the
    spam check says so; a comment already waiting for one keeps waiting; otherwise
    it stays up with its new words. Recorded in the moderators' record. Returns the
    review."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:300]
    referrer = request.META.get("HTTP_REFERER", "")[:500]
    comment.comment = text
    findings, held_for = screen_comment(text)
    # Outside the transaction: Akismet may take its two seconds.
    verdict = spam.check(**spam_arguments(comment, user_agent=user_agent, referrer=referrer))
    with transaction.atomic():
        review = CommentReview.objects.select_for_update().get(comment=comment)
        previous = review.state
        if verdict == spam.Verdict.SPAM:
            state = ReviewState.SUSPECTED_SPAM
        elif held_for:
            state = ReviewState.HELD
        elif previous in HELD_STATES or previous == ReviewState.REPORTED:
            state = previous  # waiting for a moderator still: an edit does not publish it
        elif verdict == spam.Verdict.UNCHECKED and spam.is_configured():
            state = ReviewState.SPAM_UNCHECKED
        elif previous == ReviewState.FLAGGED:
            state = previous  # still shown, still in the queue for its reports
        else:
            state = ReviewState.PUBLISHED  # a moderator's approval was of other words
        XtdComment.norel_objects.filter(pk=comment.pk).update(comment=text)
        review.state = state
        review.findings = [finding.to_dict() for finding in findings]
        review.held_for = held_for
        review.engine_version = ENGINE_VERSION
        review.spam_verdict = verdict
        review.save()
        if state in VISIBLE_STATES:
            outcome = "still published"
        else:
            outcome = "held: " + ", ".join(held_for) if held_for else f"waiting ({state})"
        CommentDecision.objects.create(
            comment=comment,
            action=Decision.EDIT,
            moderator=None,
            reason=f"Edited by its author, screened again: {outcome}"[:500],
            previous_state=previous,
        )
        public = state in VISIBLE_STATES
        if public != comment.is_public:
            set_visibility(comment, public=public)
        else:
            comments_changed.send(sender=XtdComment, comment=comment)
        if needs_urgent_alert(findings) and verdict != spam.Verdict.SPAM:
            alert_moderators_of_crisis(review, comment)
    logger.info("Comment %s edited by its author (%s)", comment.pk, state)
    return review


@transaction.atomic
def delete_own_comment(comment):
    """The author takes their comment down: it disappears publicly, and its words,
    their name, address and anything else of them are erased from the row, its
    review and its reports. What is left is a record that it happened."""
    review = CommentReview.objects.select_for_update().filter(comment=comment).first()
    previous = review.state if review is not None else ReviewState.PUBLISHED
    XtdComment.norel_objects.filter(pk=comment.pk).update(
        comment="",
        user_name="",
        user_email="",
        user_url="",
        ip_address=None,
        followup=False,
        user=None,
    )
    set_visibility(comment, public=False, removed=True)
    if review is not None:
        review.state = ReviewState.DELETED
        # The key is a hash of the address, among others: a random one now.
        review.key = secrets.token_hex(32)
        review.findings = []
        review.held_for = []
        review.pending_text = ""
        review.pending_email = ""
        review.pending_confirmation = ""
        review.user_agent = ""
        review.referrer = ""
        review.staff_role = ""
        review.save()
    comment.reports.all().delete()
    CommentFlag.objects.filter(comment=comment).delete()
    CommentDecision.objects.create(
        comment=comment,
        action=Decision.DELETE,
        moderator=None,
        reason="Deleted by its author; its words, name and address are erased.",
        previous_state=previous,
    )
    logger.info("Comment %s deleted by its author", comment.pk)
