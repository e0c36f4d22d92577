"""Writing and reviewing the official response to a story, as checked actions (like
Wagtail's own actions): the constructor takes the objects and the user, ``check()``
raises, ``execute()`` does the work."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from screening import ENGINE_VERSION

from .models import OfficialResponse, StoryPage
from .models.responses import REVIEW_PERMISSION, WRITE_PERMISSION
from .services import screen_response
from .tasks import notify_moderators_of_response, send_response_published


class ResponseError(Exception):
    """Why the action cannot be taken, in words for the person who tried; ``field``
    names the form field it belongs to, if any."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def can_write_responses(user):
    return user.is_active and user.has_perm(WRITE_PERMISSION)


def can_review_responses(user):
    return user.is_active and user.has_perm(REVIEW_PERMISSION)


def is_published_story(story):
    return StoryPage.objects.live().public().filter(pk=story.pk).exists()


class WriteResponseAction:
    """A responder writes the story's official response, or edits it: either way it
    is screened and waits for a moderator, and nothing readers see changes until one
    approves it.

    ``response`` is the response the responder was editing, or None for a new one:
    a story has one response, and a second "new" one is refused (two responders
    writing at once), with the first kept."""

    def __init__(self, story, user, *, text, role, language=None, response=None):
        self.story = story
        self.user = user
        self.text = text
        self.role = role
        self.language = language or story.language
        self.response = response

    def check(self):
        if not can_write_responses(self.user):
            raise ResponseError(_("You cannot write official responses."))
        if not is_published_story(self.story):
            raise ResponseError(_("Only a published story can have an official response."))
        if not self.user.public_first_name:
            raise ResponseError(
                _(
                    "Responses are signed with your first name, and your account has none: "
                    "add it in your account settings first."
                )
            )
        existing = OfficialResponse.objects.filter(story=self.story).first()
        if self.response is None and existing is not None:
            raise ResponseError(self.already_answered(existing))
        if self.response is not None and (existing is None or existing.pk != self.response.pk):
            raise ResponseError(_("This response is gone. Reload the page to see the story."))

    @staticmethod
    def already_answered(existing):
        return _(
            "This story already has its official response (a story has one): "
            "your words are below; reload the page to edit that response instead."
        )

    def execute(self):
        self.check()
        findings = screen_response(self.text, self.role)
        now = timezone.now()
        values = {
            "text": self.text,
            "signed_name": self.user.public_first_name,
            "signed_role": self.role,
            "language": self.language,
            "responder": self.user,
            "submitted_at": now,
            "findings": findings,
            "engine_version": ENGINE_VERSION,
            "state": OfficialResponse.State.PENDING,
            "decision_reason": "",
        }
        try:
            with transaction.atomic():
                if self.response is None:
                    response = OfficialResponse.objects.create(story=self.story, **values)
                    action = "sharing.response.submit"
                else:
                    response = OfficialResponse.objects.select_for_update().get(pk=self.response.pk)
                    for name, value in values.items():
                        setattr(response, name, value)
                    response.save()
                    action = "sharing.response.edit"
                if self.user.role != self.role:
                    self.user.role = self.role
                    self.user.save(update_fields=["role"])
                log(instance=response, action=action, user=self.user)
                response_id = response.pk
                transaction.on_commit(lambda: notify_moderators_of_response.enqueue(response_id))
        except IntegrityError:
            # Another responder's new response got there first.
            raise ResponseError(
                self.already_answered(OfficialResponse.objects.get(story=self.story))
            ) from None
        return response


class ReviewResponseAction:
    """A moderator approves the response (it is published under the story, and the
    story's author told by mail the first time) or sends it back with a reason."""

    APPROVE, SEND_BACK = "approve", "send_back"

    def __init__(self, response, user, action, *, reason=""):
        self.response = response
        self.user = user
        self.action = action
        self.reason = (reason or "").strip()

    def check(self, response=None):
        response = response or self.response
        if not can_review_responses(self.user):
            raise ResponseError(_("You cannot review official responses."))
        if self.action not in (self.APPROVE, self.SEND_BACK):
            raise ResponseError(_("Choose approve or send back."), field="action")
        if response.state != OfficialResponse.State.PENDING:
            raise ResponseError(
                _("This response has already been decided on. Reload to see where it is.")
            )
        if response.responder_id == self.user.pk:
            raise ResponseError(_("You wrote this response: another moderator must review it."))
        if self.action == self.SEND_BACK and not self.reason:
            raise ResponseError(
                _("Say why it goes back: the responder reads your reason."), field="reason"
            )
        if self.action == self.APPROVE:
            if response.blocking_findings:
                raise ResponseError(
                    _(
                        "The screen found details that must not be published as they are. "
                        "Send the response back so that the responder can change them."
                    )
                )
            if not is_published_story(response.story):
                raise ResponseError(_("The story is no longer published."))

    def execute(self):
        with transaction.atomic():
            response = (
                OfficialResponse.objects.select_for_update()
                .select_related("story")
                .get(pk=self.response.pk)
            )
            self.check(response)
            now = timezone.now()
            first = response.first_published_at is None
            response.decided_by = self.user
            response.decided_at = now
            response.decision_reason = self.reason
            response.review_mail_sent_at = None  # a later edit waits, and is told, anew
            if self.action == self.APPROVE:
                response.state = OfficialResponse.State.PUBLISHED
                response.published_text = response.text
                response.published_name = response.signed_name
                response.published_role = response.signed_role
                response.published_language = response.language
                response.published_at = now
                if first:
                    response.first_published_at = now
            else:
                response.state = OfficialResponse.State.SENT_BACK
            response.save()
            log(
                instance=response,
                action=f"sharing.response.{self.action}",
                user=self.user,
                data={"reason": self.reason},
            )
            if self.action == self.APPROVE and first:
                transaction.on_commit(lambda: send_response_published.enqueue(response.pk))
        self.response = response
        return response
