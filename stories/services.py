"""What happens when a story is submitted, and when its author withdraws it."""

import hashlib
import hmac
import logging
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, PageLogEntry

from comments.services import erase_comments_on

from .consent import CONSENT_VERSION
from .models import (
    NamingChoice,
    StoryIndexPage,
    StoryPage,
    StoryPhoto,
    Submission,
    SubmissionPhoto,
)
from .signals import story_resubmitted, story_submitted, story_withdrawn, submission_transaction
from .tasks import send_submission_received

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


def submit_story(data, *, ip_address="", user_agent=""):
    """Store a story as a draft page and its private submission, then tell people.

    `data` is a StorySubmissionForm's cleaned_data. Both rows are written in
    one transaction; only after it commits is ``story_submitted`` sent (the
    moderation app puts the story into its workflow) and the author's mail
    queued, so nothing that fails after the commit can lose the story.
    """
    locked = submission_transaction.set(True)
    try:
        submission = store_submission(data, ip_address=ip_address, user_agent=user_agent)
    finally:
        submission_transaction.reset(locked)
    logger.info("Story submission %s received", submission.reference)
    announce(story_submitted, submission, ip_address=ip_address)
    submission.refresh_from_db()
    return submission


def store_submission(data, *, ip_address, user_agent):
    with transaction.atomic():
        index = StoryIndexPage.objects.select_for_update().first()
        if index is None:
            raise RuntimeError("The site has no story index: run `manage.py load_demo`.")
        story = StoryPage(
            title=data["title"],
            slug=find_available_slug(index, slugify(data["title"])[:60] or "story"),
            author_display_name=display_name(data["naming"], data["name"]),
            author_role=data["role"],
            body=data["body"],
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
            consent_version=CONSENT_VERSION,
            consent_given_at=timezone.now(),
            employee_speaks_for_self=bool(data.get("employee_speaks_for_self")),
            employee_has_patient_permission=bool(data.get("employee_has_patient_permission")),
            ip_hash=hash_ip(ip_address),
            user_agent=user_agent[:300],
        )
        for photo in data.get("photos") or []:
            SubmissionPhoto.objects.create(
                submission=submission,
                file=photo.content,
                width=photo.width,
                height=photo.height,
                content_type=photo.content_type,
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


def resubmit_story(submission, data):
    """The author's edited text becomes a new revision and goes back to the moderators.

    The workflow resumes, so the new revision is screened and queued again.
    """
    with transaction.atomic():
        story = submission.story.get_latest_revision_as_object()
        story.title = data["title"]
        story.body = data["body"]
        story.save_revision(log_action=True)
        submission.set_state(Submission.State.RECEIVED)
        workflow_state = submission.story.current_workflow_state
        if (
            workflow_state is not None
            and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES
        ):
            workflow_state.resume(user=None)
    logger.info("Story submission %s edited and sent back by its author", submission.reference)
    announce(story_resubmitted, submission)
    return submission


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
            title=f"{title} ({number})", file=content, collection=collection
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
            story.photos.add(StoryPhoto(image=image))


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
        submission.state = state or submission.state
        if submission.state == Submission.State.WITHDRAWN:
            submission.withdrawn_at = now
        submission.erased_at = now
        submission.save()
        log(instance=submission, action="sharing.submission.erase", user=user)
        transaction.on_commit(lambda: _delete_files(photos))
    return submission


def _erase_page(story):
    """Delete a story page and every row that kept its words: Wagtail's history of
    it included (the page's title is in every log entry's label)."""
    page_id = story.pk
    erase_comments_on(story)
    workflow_state = story.current_workflow_state
    if workflow_state is not None:
        workflow_state.cancel()
    story.delete()
    PageLogEntry.objects.filter(page_id=page_id).delete()


def _delete_files(photos):
    for photo in photos:
        try:
            photo.file.delete(save=False)
        except OSError:
            logger.exception("Could not delete photo file %s", photo.file.name)
