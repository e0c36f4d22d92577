"""The moderators are told by mail when an official response waits for their review:
once for each wait, however often the responder edits it meanwhile, and again when
an edit of the published response waits."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from moderation.permissions import RESPONDERS_GROUP
from stories.models import OfficialResponse
from stories.tasks import notify_moderators_of_response
from tests.factories import SubmissionFactory, UserFactory
from tests.mail_backends import FailingAfterBackend

pytestmark = pytest.mark.django_db

TEXT = "Thank you for telling us about your night on the ward. We have shared your story."
ROLE = "Patient experience lead"


@pytest.fixture
def responder(story_index):
    user = UserFactory(username="rhea", first_name="Rhea", email="rhea@hospital.example")
    user.groups.add(Group.objects.get(name=RESPONDERS_GROUP))
    return user


@pytest.fixture
def story(make_story):
    story = make_story(title="A long night on ward 4")
    SubmissionFactory(story=story, contact_email="dana@example.org")
    return story


@pytest.fixture
def write(client, responder, django_capture_on_commit_callbacks):
    def send(story, text=TEXT):
        client.force_login(responder)
        data = {"text": text, "role": ROLE}
        existing = OfficialResponse.objects.filter(story=story).first()
        if existing is not None:  # an edit names the response it edits
            data["response"] = existing.pk
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/admin/responses/{story.pk}/", data)
        assert response.status_code == 302
        client.logout()
        return OfficialResponse.objects.get(story=story)

    return send


def review_mails():
    return [m for m in mail.outbox if m.subject.startswith("Official response to review")]


def test_moderators_are_told_when_a_response_waits_for_them(write, story, moderator):
    official = write(story)

    (message,) = review_mails()
    assert message.to == ["moira@hospital.example"]
    assert message.subject == "Official response to review on “A long night on ward 4”"
    assert f"/admin/response-queue/{official.pk}/" in message.body
    assert "Rhea, Patient experience lead" in message.body
    assert "dana@example.org" not in message.body


def test_edits_while_it_waits_send_no_second_mail(write, story, moderator):
    official = write(story)
    write(story, text=TEXT + " We are sorry.")
    write(story, text=TEXT + " We are very sorry.")
    notify_moderators_of_response.enqueue(official.pk)  # a task run twice

    assert len(review_mails()) == 1


def test_an_edit_of_the_published_response_is_told_once_more(
    write, story, moderator, client, django_capture_on_commit_callbacks
):
    official = write(story)
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/response-queue/{official.pk}/decide/", {"action": "approve"})
    client.logout()
    mail.outbox.clear()

    write(story, text=TEXT + " We have changed the rota since.")

    (message,) = review_mails()
    assert "An edit of the official response" in message.body


def test_the_writer_is_not_told_of_their_own_response(write, story, moderator, responder):
    responder.groups.add(*moderator.groups.all())

    write(story)

    (message,) = review_mails()
    assert message.to == ["moira@hospital.example"]


def test_a_mail_the_server_refused_is_tried_again_and_sent_once(write, story, moderator, settings):
    settings.EMAIL_BACKEND = "tests.mail_backends.FailingAfterBackend"
    FailingAfterBackend.capacity = 0  # the mail server is down
    official = write(story)
    assert review_mails() == []
    official.refresh_from_db()
    assert official.review_mail_sent_at is None  # let go, for the retry

    FailingAfterBackend.capacity = 10  # and back
    notify_moderators_of_response.enqueue(official.pk)
    notify_moderators_of_response.enqueue(official.pk)

    assert len(review_mails()) == 1
