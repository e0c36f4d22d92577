"""An access request: everything the site holds about the person who sent a story.

The person is known by the email address they gave: their submissions are the
ones sent with it (in any case), not yet erased, and the comments they posted
with it. ``submitter_archive`` makes the download a moderator gives them: a ZIP
of ``submitter.json`` (every field of every row, in plain words) and their photos.
"""

import io
import json
import zipfile

from django.db.models import Q
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from .consent import consent_for
from .models import AuthorRole, Submission, SubmissionMessage

YOU = "you"
STAFF = "a moderator"
NOBODY = "the site"


def submissions_of_submitter(submission):
    """The submissions of whoever sent ``submission``: it, and those sent with the same
    email address (any case) that are not erased, oldest first."""
    same = Q(pk=submission.pk)
    if submission.contact_email:
        same |= Q(contact_email__iexact=submission.contact_email, erased_at__isnull=True)
    return Submission.objects.filter(same).select_related("story").order_by("created_at", "pk")


def comments_of_submitter(email):
    """The comments posted with ``email`` (any case), oldest first."""
    if not email:
        return XtdComment.norel_objects.none()
    return XtdComment.norel_objects.filter(user_email__iexact=email).order_by("submit_date", "pk")


def _when(value):
    return value.isoformat() if value else None


# What the site does by itself, with no user: the screening task approves each
# revision as it starts (a moderator's approval always has its user). Every other
# step without a user is the author's, through the form or their status link.
AUTOMATIC_ACTIONS = {"wagtail.workflow.approve"}


def _by(user_id, action=None):
    if user_id is not None:
        return STAFF
    return NOBODY if action in AUTOMATIC_ACTIONS else YOU


def _consent(submission):
    # The exact words agreed to, in the language and version recorded (stories.consent).
    agreed = consent_for(submission.language, submission.consent_version)
    consent = {
        "version": submission.consent_version,
        "language": submission.language,
        "given_at": _when(submission.consent_given_at),
        "text": agreed.text if agreed else None,
    }
    if submission.role == AuthorRole.EMPLOYEE:
        consent["writing_for_self"] = submission.employee_speaks_for_self
        consent["writing_for_self_text"] = agreed.employee_self if agreed else None
        consent["patient_permission"] = submission.employee_has_patient_permission
        consent["patient_permission_text"] = agreed.employee_permission if agreed else None
    return consent


def _story(story, revisions, history):
    if story is None:
        return None
    # The page row holds what was last published (or first sent); the latest revision,
    # what a moderator would publish now.
    latest = revisions[-1].content if revisions else {"title": story.title, "body": story.body}
    return {
        "title": latest.get("title", ""),
        "text": latest.get("body", ""),
        "published": story.live,
        "published_title": story.title if story.live else None,
        "published_text": story.body if story.live else None,
        "published_as": story.author_display_name or None,
        "date": story.date.isoformat(),
        "summary": story.summary,
        "url": story.full_url if story.live else None,
        "revisions": [
            {
                "saved_at": _when(revision.created_at),
                "by": _by(revision.user_id),
                "title": revision.content.get("title", ""),
                "text": revision.content.get("body", ""),
            }
            for revision in revisions
        ],
        "history": [
            {
                "at": _when(entry.timestamp),
                "by": _by(entry.user_id, entry.action),
                "what": str(entry.message),
            }
            for entry in history
        ],
    }


def _photo_name(submission, number, photo):
    extension = photo.file.name.rsplit(".", 1)[-1].lower() if "." in photo.file.name else "bin"
    return f"photos/{submission.reference}-{number}.{extension}"


def submitter_data(submissions):
    """Everything held about the sender of ``submissions`` (a list), as a dict for JSON."""
    story_ids = [s.story_id for s in submissions if s.story_id]
    revisions, history = {}, {}
    for revision in (
        Revision.page_revisions.filter(object_id__in=[str(pk) for pk in story_ids])
        .only("object_id", "created_at", "user_id", "content")
        .order_by("created_at", "pk")
    ):
        revisions.setdefault(int(revision.object_id), []).append(revision)
    for entry in PageLogEntry.objects.filter(page_id__in=story_ids).order_by("timestamp", "pk"):
        history.setdefault(entry.page_id, []).append(entry)
    records = {}
    for entry in ModelLogEntry.objects.filter(
        content_type__app_label="stories",
        content_type__model="submission",
        object_id__in=[str(s.pk) for s in submissions],
    ).order_by("timestamp", "pk"):
        records.setdefault(int(entry.object_id), []).append(entry)
    photos = {s.pk: list(s.photos.all()) for s in submissions}
    messages = {}
    for message in SubmissionMessage.objects.filter(submission__in=submissions).order_by(
        "created_at", "pk"
    ):
        messages.setdefault(message.submission_id, []).append(message)

    # One address in any case is one person's: each comment once.
    emails = sorted({s.contact_email.lower() for s in submissions if s.contact_email})
    comments = []
    for email in emails:
        comments.extend(comments_of_submitter(email))

    return {
        "exported_at": _when(timezone.now()),
        "about": (
            "Everything this site holds about the person who sent these stories, found by "
            "the email address they gave. Moderators are not named; 'you' is the sender, "
            "'the site' its automatic screening."
        ),
        "submissions": [
            {
                "reference": s.reference,
                "state": s.get_state_display(),
                "moderators_reason": s.state_reason,
                "received_at": _when(s.created_at),
                "updated_at": _when(s.updated_at),
                "withdrawn_at": _when(s.withdrawn_at),
                "erased_at": _when(s.erased_at),
                "role": s.get_role_display(),
                "naming": s.get_naming_display(),
                "name": s.name,
                "email": s.contact_email,
                "phone": s.contact_phone,
                "urgent": s.urgent,
                "browser": s.user_agent,
                "network_address_hash": s.ip_hash,
                "consent": _consent(s),
                "story": _story(
                    s.story, revisions.get(s.story_id, []), history.get(s.story_id, [])
                ),
                "photos": [
                    {
                        "file": _photo_name(s, number, photo),
                        "width": photo.width,
                        "height": photo.height,
                        "type": photo.content_type,
                        "received_at": _when(photo.created_at),
                        "published": photo.image_id is not None,
                        "description": photo.description,
                    }
                    for number, photo in enumerate(photos[s.pk], start=1)
                ],
                "messages": [
                    {
                        "at": _when(message.created_at),
                        "from": "you" if message.sender == message.Sender.AUTHOR else "a moderator",
                        "text": message.body,
                    }
                    for message in messages.get(s.pk, [])
                ],
                "records": [
                    {"at": _when(entry.timestamp), "what": str(entry.message)}
                    for entry in records.get(s.pk, [])
                ],
            }
            for s in submissions
        ],
        "comments": [
            {
                "posted_at": _when(comment.submit_date),
                "name": comment.user_name,
                "email": comment.user_email,
                "website": comment.user_url,
                "text": comment.comment,
                "on": _commented_page(comment),
                "public": comment.is_public and not comment.is_removed,
            }
            for comment in comments
        ],
    }


def _commented_page(comment):
    target = comment.content_object
    return getattr(target, "title", None)


def submitter_archive(submission, submissions):
    """The download for an access request about the sender of ``submission``, who sent
    ``submissions`` (``submissions_of_submitter``): ``(filename, ZIP bytes)``."""
    data = submitter_data(submissions)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "submitter.json", json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
        )
        for submission in submissions:
            for number, photo in enumerate(submission.photos.all(), start=1):
                try:
                    with photo.file.open("rb") as handle:
                        archive.writestr(_photo_name(submission, number, photo), handle.read())
                except OSError:
                    continue  # listed in the JSON; the file is gone from storage
    return f"{submission.reference}-access-request.zip", buffer.getvalue()
