"""What happens when a story is submitted, when its author and the moderators write
to each other about it, and when its author withdraws it."""

import hashlib
import hmac
import logging
import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, ModelLogEntry, PageLogEntry

from comments.models import public_comments
from comments.services import erase_comments_on
from screening import ENGINE_VERSION, SAFETY, screen

from .comment_mail import COMMENT_MAIL_INTERVAL
from .consent import current_consent
from .edits import BEFORE_A_DECISION, awaits_author, moderator_edits
from .languages import detect_language
from .models import (
    NamingChoice,
    OfficialResponse,
    StoryIndexPage,
    StoryPage,
    StoryPhoto,
    Submission,
    SubmissionMessage,
    SubmissionPhoto,
)
from .signals import (
    edits_approved,
    message_posted,
    story_resubmitted,
    story_submitted,
    story_withdrawn,
    submission_transaction,
)
from .tasks import (
    send_comment_digest,
    send_edits_to_approve,
    send_message_to_author,
    send_submission_received,
)

logger = logging.getLogger(__name__)

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def new_reference():
    while True:
        reference = "S-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
        if not Submission.objects.filter(reference=reference).exists():
            return reference


def reference_from(text):
    """The reference ``text`` names, as a person may type or read it out: "S-ABC234",
    "s-abc234", "SABC234" or "abc234" are all "S-ABC234". None if it is no reference."""
    letters = "".join(text.split()).upper().replace("-", "")
    if len(letters) == 7 and letters.startswith("S"):
        letters = letters[1:]
    if len(letters) == 6 and letters.isalnum() and letters.isascii():
        return f"S-{letters}"
    return None


def hash_ip(ip_address):
    """A keyed hash: the same client can be recognised, its address not recovered."""
    if not ip_address:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), ip_address.encode(), hashlib.sha256).hexdigest()


def display_name(naming, name):
    if naming == NamingChoice.FULL_NAME:
        return name.strip()
    if naming == NamingChoice.FIRST_NAME:
        words = name.split()  # any Unicode space: no-break, thin, ideographic, a tab...
        return words[0] if words else ""
    return ""


def submit_story(data, *, ip_address="", user_agent="", consent=None):
    """Store a story as a draft page and its private submission, then tell people.

    `data` is a StorySubmissionForm's cleaned_data. Both rows are written in
    one transaction; only after it commits is ``story_submitted`` sent (the
    moderation app puts the story into its workflow) and the author's mail
    queued, so nothing that fails after the commit can lose the story.
    ``consent`` is the one the author agreed to (the form's: its language is the
    story's); the active language's by default.
    """
    consent = consent or current_consent()
    locked = submission_transaction.set(True)
    try:
        submission = store_submission(
            data, ip_address=ip_address, user_agent=user_agent, consent=consent
        )
    finally:
        submission_transaction.reset(locked)
    logger.info("Story submission %s received", submission.reference)
    announce(story_submitted, submission, ip_address=ip_address)
    submission.refresh_from_db()
    return submission


def story_language(data, *, default):
    """The language the story is written in, read from its title and text
    (``stories.languages``); ``default`` where its words do not say."""
    return detect_language(f"{data['title']}\n{data['body']}", default=default)


def story_slug(index, title, page_id=None):
    """The address of a story under ``index``, made from ``title``."""
    return find_available_slug(index, slugify(title)[:60] or "story", ignore_page_id=page_id)


def with_published_slug(revision, user=None):
    """A story's first publication takes its address from its title as published,
    not as sent: a name or number a moderator redacted from the title must not stay
    in the address (the slug was made from the author's title, before any screen).
    Returns the revision to publish: ``revision``, or a new one with the new slug."""
    story = revision.as_object()
    if story.first_published_at is not None:
        return revision  # published before: its address is known, and kept
    slug = story_slug(story.get_parent(), story.title, page_id=story.pk)
    if slug == story.slug:
        return revision
    story.slug = slug
    return story.save_revision(user=user, log_action=True)


def store_submission(data, *, ip_address, user_agent, consent):
    with transaction.atomic():
        index = StoryIndexPage.objects.select_for_update().first()
        if index is None:
            raise RuntimeError("The site has no story index: run `manage.py load_demo`.")
        story = StoryPage(
            title=data["title"],
            slug=story_slug(index, data["title"]),
            author_display_name=display_name(data["naming"], data["name"]),
            author_role=data["role"],
            body=data["body"],
            # The story's own language, which the moderators' screen needs; the
            # submission keeps the form's, which the author reads and is mailed in.
            language=story_language(data, default=consent.language),
            live=False,
        )
        story.topics.set(data.get("topics") or [])
        index.add_child(instance=story)

        submission = Submission.objects.create(
            reference=new_reference(),
            status_token=secrets.token_urlsafe(32),
            story=story,
            role=data["role"],
            naming=data["naming"],
            name=data["name"],
            contact_email=data["email"],
            contact_phone=data.get("phone", ""),
            language=consent.language,
            consent_version=consent.version,
            consent_given_at=timezone.now(),
            employee_speaks_for_self=bool(data.get("employee_speaks_for_self")),
            employee_has_patient_permission=bool(data.get("employee_has_patient_permission")),
            comment_mail=bool(data.get("comment_mail")),
            ip_hash=hash_ip(ip_address),
            user_agent=user_agent[:300],
        )
        descriptions = data.get("photo_descriptions") or []
        for number, photo in enumerate(data.get("photos") or []):
            SubmissionPhoto.objects.create(
                submission=submission,
                file=photo.content,
                width=photo.width,
                height=photo.height,
                content_type=photo.content_type,
                description=descriptions[number] if number < len(descriptions) else "",
            )
        # Saved after the submission exists, so the screen knows whose story it is.
        story.save_revision(log_action=True)
        transaction.on_commit(lambda: acknowledge_submission(submission))
    return submission


def acknowledge_submission(submission):
    """Queue the author's "we received your story" mail; a failure is logged, never raised."""
    try:
        send_submission_received.enqueue(submission.pk)
    except Exception:
        logger.exception("Could not queue the receipt mail for %s", submission.reference)


def announce(signal, submission, **kwargs):
    """Send one of the signals of ``stories.signals``. A receiver that fails is
    logged and does not undo what already happened: the story is stored."""
    for receiver, result in signal.send_robust(sender=Submission, submission=submission, **kwargs):
        if isinstance(result, Exception):
            logger.error(
                "%s failed for submission %s",
                getattr(receiver, "__qualname__", receiver),
                submission.reference,
                exc_info=result,
            )


class EditRefused(Exception):
    """The story is no longer waiting for the author's changes (another tab sent it)."""


def resubmit_story(submission, data):
    """The author's edited text becomes a new revision and goes back to the moderators.

    The workflow resumes, so the new revision is screened and queued again. The
    submission's row is locked and read again first: of two edits sent at once (two
    tabs, a double click), the one that waited finds the story sent back already and
    raises ``EditRefused``, having changed nothing.
    """
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        if not locked.can_be_edited:
            raise EditRefused
        submission.state = locked.state
        story = submission.story.get_latest_revision_as_object()
        story.title = data["title"]
        story.body = data["body"]
        story.language = story_language(data, default=story.language)
        story.save_revision(log_action=True)
        _back_to_the_moderators(submission)
    logger.info("Story submission %s edited and sent back by its author", submission.reference)
    announce(story_resubmitted, submission)
    return submission


def send_back_unchanged(submission):
    """The author answered a request for changes in words (a message), and sends the
    story back as it is: the moderators read it again, with the answer beside it."""
    with transaction.atomic():
        # Locked and read again, as in resubmit_story: sent back once, whatever the tabs.
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        if not locked.can_be_edited:
            return submission
        _back_to_the_moderators(submission)
    logger.info("Story submission %s sent back unchanged by its author", submission.reference)
    announce(story_resubmitted, submission)
    return submission


def _back_to_the_moderators(submission):
    submission.set_state(Submission.State.RECEIVED)
    # The author's own text now: a moderator's later edits are asked about anew.
    Submission.objects.filter(pk=submission.pk).update(edits_mailed_at=None)
    workflow_state = submission.story.current_workflow_state
    if workflow_state is not None and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
        workflow_state.resume(user=None)


PHOTOS_COLLECTION = "Submitted photos"


def publish_submission_photos(submission, title):
    """Copy an approved story's private photos into the image library; return the images."""
    photos = [photo for photo in submission.photos.all() if photo.image_id is None]
    if not photos:
        return []
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PHOTOS_COLLECTION).first() or root.add_child(
        name=PHOTOS_COLLECTION
    )
    images = []
    for number, photo in enumerate(photos, start=1):
        with photo.file.open("rb") as handle:
            content = ContentFile(handle.read(), name=photo.file.name.rsplit("/", 1)[-1])
        image = get_image_model().objects.create(
            title=f"{title} ({number})",
            description=photo.description,
            file=content,
            collection=collection,
        )
        photo.image = image
        photo.save(update_fields=["image"])
        images.append(image)
    return images


def show_photos(story, images):
    """Put ``images`` on ``story`` (an unsaved revision's page), after any it shows:
    the first becomes the hero image if it has none."""
    if not images:
        return
    if not story.hero_image_id:
        story.hero_image = images[0]
    shown = {photo.image_id for photo in story.photos.all()}
    for image in images:
        if image.pk not in shown:
            story.photos.add(StoryPhoto(image=image, alt_text=image.description))


def withdraw_submission(submission, *, user=None):
    """The author takes their story back (or staff do, at the author's request).

    Everything of the story and its author is erased (see ``erase_submission``);
    the submission row stays as the record that a withdrawal happened.
    """
    submission = erase_submission(submission, state=Submission.State.WITHDRAWN, user=user)
    if submission is not None:
        logger.info("Story submission %s withdrawn", submission.reference)
        announce(story_withdrawn, submission)
    return submission


def erase_on_request(submission, *, user):
    """A moderator erases a submission at its author's request (an erasure request,
    not the author's own withdrawal): erased as a withdrawal is, in state "erased_on_request",
    and the moderator recorded against the reference."""
    submission = erase_submission(submission, state=Submission.State.ERASED, user=user)
    if submission is not None:
        logger.info("Story submission %s erased on request", submission.reference)
        announce(story_withdrawn, submission)
    return submission


def erase_submission(submission, *, state=None, user=None):
    """Erase a submitted story and what identified its author, in one transaction.

    Afterwards no row holds the author's details, the story's text or its photos:
    the page goes with its revisions, workflow, screening reports, search entries,
    history and the comments on it; the photos and their files; the submission
    keeps only its reference, its dates and its state (``state``, or as it was).
    A record of the erasure is logged against the reference. Returns the
    submission, or None if it was already erased.
    """
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        if submission.erased_at is not None:
            return None
        photos = list(submission.photos.select_related("image"))
        for photo in photos:
            if photo.image is not None:
                photo.image.delete()
        submission.photos.all().delete()
        story = submission.story
        if story is not None:
            _erase_page(story.specific)
        now = timezone.now()
        submission.story = None
        submission.name = ""
        submission.contact_email = ""
        submission.contact_phone = ""
        submission.ip_hash = ""
        submission.user_agent = ""
        submission.state_reason = ""
        submission.urgent = False
        submission.comment_mail = False
        submission.comment_mail_sent_at = None
        submission.edits_approved_revision = None
        submission.edits_approved_at = None
        submission.edits_mailed_at = None
        _erase_messages(submission)
        submission.state = state or submission.state
        if submission.state == Submission.State.WITHDRAWN:
            submission.withdrawn_at = now
        submission.erased_at = now
        submission.save()
        log(instance=submission, action="sharing.submission.erase", user=user)
        transaction.on_commit(lambda: _delete_files(photos))
    return submission


def _erase_messages(submission):
    """Delete the thread; its entries in the audit log keep who wrote and when, not what."""
    submission.messages.all().delete()
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Submission),
        object_id=str(submission.pk),
        action__in=MESSAGE_LOG_ACTIONS.values(),
    ).update(data={})


def _erase_page(story):
    """Delete a story page and every row that kept its words: Wagtail's history of
    it included (the page's title is in every log entry's label)."""
    page_id = story.pk
    erase_comments_on(story)
    _erase_official_response(story)
    workflow_state = story.current_workflow_state
    if workflow_state is not None:
        workflow_state.cancel()
    story.delete()
    PageLogEntry.objects.filter(page_id=page_id).delete()


def _erase_official_response(story):
    """The story's official response goes with it (its row by cascade), and its
    history: the moderators' reasons may quote the story."""
    response = OfficialResponse.objects.filter(story=story).first()
    if response is not None:
        ModelLogEntry.objects.for_instance(response).delete()
        response.delete()


# The official response, screened as the stories and comments are.

#: What the response is screened as: a text by hospital staff, which the screen's
#: policy reads as an employee's (a courtesy title with a name is a patient named).
RESPONSE_SCREENING = {"kind": "comment", "role": "employee"}


# Blocks the approval: what no screen has read is not published.
SCREEN_FAILED = {
    "rule": "screen.failed",
    "category": "screen",
    "severity": "block",
    "start": 0,
    "end": 0,
    "message": "The screen could not read this text: send it back to be sent again.",
    "text": "",
}


def screen_response(text, role):
    """The screen's findings on a response and its signature's role, as dicts the
    moderator's review shows (with ``field`` and the ``text`` found). Never raises
    for the screen: a failure is logged, and the moderator reads it unaided."""
    findings = []
    for field, value in (("text", text), ("role", role)):
        try:
            found = screen(value, learned=settings.SCREEN_LEARNED, **RESPONSE_SCREENING)
        except Exception:
            logger.exception("The screen failed on an official response (%s)", field)
            findings.append(SCREEN_FAILED | {"field": field})
            continue
        findings.extend(
            {**finding.to_dict(), "field": field, "text": value[finding.start : finding.end]}
            for finding in found
        )
    return findings


def _delete_files(photos):
    for photo in photos:
        try:
            photo.file.delete(save=False)
        except OSError:
            logger.exception("Could not delete photo file %s", photo.file.name)


# Messages between the author and the moderators

MESSAGE_LOG_ACTIONS = {
    SubmissionMessage.Sender.AUTHOR: "sharing.submission.message_from_author",
    SubmissionMessage.Sender.MODERATOR: "sharing.submission.message_to_author",
}
MODERATOR_ROLE = "employee"  # how the screen reads a moderator's words


class MessageRefused(Exception):
    """The submission takes no more messages: it was withdrawn or erased."""


def can_take_messages(submission):
    return submission.erased_at is None and not submission.is_withdrawn


def screen_message(text, *, role):
    """The screen's findings in a message, as dicts (with the words found), as a
    story's are kept. Never raises for the screen: a failure is logged and the
    message kept, with no findings, as a story's revision is."""
    try:
        found = screen(text, kind="comment", role=role, learned=settings.SCREEN_LEARNED)
    except Exception:
        logger.exception("The screen failed on a message")
        return []
    return [{**f.to_dict(), "text": text[f.start : f.end]} for f in found]


def post_message(submission, text, *, user=None):
    """Keep one message of the thread on ``submission``: the author's when ``user``
    is None, else the moderator ``user``'s. Returns the message.

    The text is screened; it is stored with its findings and recorded in the audit
    log (who, when, what) in one transaction, under the submission's row lock, so a
    withdrawal cannot erase the thread while a message is being added to it. After
    the commit the other side is told in the background: the author by mail
    (``send_message_to_author``), the moderators through ``message_posted``. Crisis
    language in the author's words makes the submission urgent, as in a story.
    ``MessageRefused`` if the submission was withdrawn or erased.
    """
    sender = SubmissionMessage.Sender.AUTHOR if user is None else SubmissionMessage.Sender.MODERATOR
    role = submission.role if user is None else MODERATOR_ROLE
    findings = screen_message(text, role=role)
    crisis = any(f["category"] in SAFETY for f in findings)
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        if not can_take_messages(submission):
            raise MessageRefused(submission.reference)
        message = SubmissionMessage.objects.create(
            submission=submission,
            sender=sender,
            moderator=user,
            body=text,
            findings=findings,
            crisis=crisis,
            engine_version=ENGINE_VERSION,
        )
        log(
            instance=submission,
            action=MESSAGE_LOG_ACTIONS[sender],
            user=user,
            data={"message": message.pk, "text": text},
        )
        if user is None and crisis:
            submission.mark_urgent()
        transaction.on_commit(lambda: _deliver_message(submission, message))
    logger.info("Message %s on submission %s (%s)", message.pk, submission.reference, sender)
    return message


def _deliver_message(submission, message):
    if not message.from_author:
        try:
            send_message_to_author.enqueue(message.pk)
        except Exception:
            logger.exception("Could not queue the mail of message %s", message.pk)
    announce(message_posted, submission, message=message)


# Mail to authors about comments on their published story


def set_comment_mail(submission, wanted):
    """The author turns mail about comments on their story on or off."""
    submission.comment_mail = bool(wanted) and can_take_messages(submission)
    submission.save(update_fields=["comment_mail", "updated_at"])
    return submission


def send_comment_digests(now=None):
    """Queue one mail for each author who asked to hear of comments, whose story is
    live, who has new public comments on it and was not mailed in the last day.
    Returns how many were queued.

    The scheduled job (``send_comment_digests``) runs this every few minutes; each
    author's time is claimed with a conditional update before their mail is
    queued, so two runs at once cannot mail anyone twice.
    """
    now = now or timezone.now()
    content_type = ContentType.objects.get_for_model(StoryPage)
    since = models.Case(
        models.When(comment_mail_sent_at__isnull=False, then=models.F("comment_mail_sent_at")),
        default=models.F("story__first_published_at"),
    )
    new_comments = (
        public_comments()
        .filter(
            content_type=content_type,
            object_pk=Cast(models.OuterRef("story_id"), models.CharField()),
            submit_date__gt=models.OuterRef("since"),
            submit_date__lte=now,
        )
        .values("pk")
    )
    due = (
        Submission.objects.filter(comment_mail=True, erased_at__isnull=True, story__live=True)
        .exclude(contact_email="")
        .filter(
            models.Q(comment_mail_sent_at__isnull=True)
            | models.Q(comment_mail_sent_at__lte=now - COMMENT_MAIL_INTERVAL)
        )
        .annotate(since=since)
        .filter(models.Exists(new_comments))
        .values_list("pk", "comment_mail_sent_at", "since")
    )
    queued = 0
    for pk, sent_at, since_value in due:
        with transaction.atomic():
            claimed = Submission.objects.filter(
                pk=pk, comment_mail=True, comment_mail_sent_at=sent_at
            ).update(comment_mail_sent_at=now)
            if not claimed:
                continue
            window = (pk, since_value.isoformat() if since_value else "", now.isoformat())
            transaction.on_commit(lambda window=window: send_comment_digest.enqueue(*window))
        queued += 1
    return queued


# The author's approval of a moderator's edits (``stories.edits``)


class ApprovalRefused(Exception):
    """What the author was shown is no longer what would be published, or there is
    nothing to approve: the message says which, in the author's words."""


def approve_edits(submission, revision_id):
    """The author approves the text that would be published, as they saw it: the
    revision ``revision_id``. Recorded on the submission (which revision, when) and in
    the audit log, under the submission's row lock. ``ApprovalRefused`` if the story
    no longer waits for a decision, or a moderator changed it since the author read it."""
    with transaction.atomic():
        submission = (
            # Only the submission's row: PostgreSQL locks no nullable side of a join.
            Submission.objects.select_for_update(of=("self",))
            .select_related("story")
            .get(pk=submission.pk)
        )
        edits = moderator_edits(submission) if submission.state in BEFORE_A_DECISION else None
        if edits is None:
            raise ApprovalRefused(_("There are no changes waiting for your approval."))
        if str(edits.proposed.pk) != str(revision_id):
            raise ApprovalRefused(
                _(
                    "A moderator changed your story again while you were reading it. "
                    "Read the new version below before you approve it."
                )
            )
        submission.edits_approved_revision_id = edits.proposed.pk
        submission.edits_approved_at = timezone.now()
        submission.edits_mailed_at = None
        submission.save(
            update_fields=[
                "edits_approved_revision",
                "edits_approved_at",
                "edits_mailed_at",
                "updated_at",
            ]
        )
        log(
            instance=submission,
            action="sharing.submission.approve_edits",
            data={"revision": edits.proposed.pk},
        )
        transaction.on_commit(lambda: announce(edits_approved, submission))
    logger.info("Edits of submission %s approved by its author", submission.reference)
    return submission


def ask_author_to_approve(submission):
    """Mail the author, in the background, that a moderator's edits await their
    approval: once until they answer (approve, or send their own text), however many
    edits the moderator makes meanwhile. Called after a moderator saves a revision;
    True if a mail was queued."""
    if not submission.contact_email or not awaits_author(submission):
        return False
    claimed = Submission.objects.filter(pk=submission.pk, edits_mailed_at__isnull=True).update(
        edits_mailed_at=timezone.now()
    )
    if not claimed:
        return False

    def enqueue():
        try:
            send_edits_to_approve.enqueue(submission.pk)
        except Exception:
            logger.exception("Could not queue the edits mail for %s", submission.reference)

    transaction.on_commit(enqueue)
    return True
