import re

import pytest
from django.core import mail
from django.test import Client
from django_comments_xtd.models import XtdComment

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/comments/(?:mute|unsubscribe)/\S+/)")


def test_followers_are_emailed_with_a_working_mute_link(client, story, post_comment):
    post_comment(story, "I will follow this story.", email="follower@example.org", followup="on")
    mail.outbox.clear()

    post_comment(story, "A new voice here.", name="Kim", email="kim@example.org")

    followups = [message for message in mail.outbox if message.to == ["follower@example.org"]]
    assert len(followups) == 1
    body = followups[0].body
    assert "A new voice here." in body
    assert "kim@example.org" not in body
    mute, unsubscribe = LINK.findall(body)

    page = client.get(mute)
    response = client.post(mute)

    assert "Stop emails about “The night nurse”" in page.content.decode()
    assert response.status_code == 200
    assert "No more follow-up emails for this story" in response.content.decode()
    assert not XtdComment.objects.filter(user_email="follower@example.org", followup=True).exists()


def test_opening_the_mute_link_asks_for_a_click_before_muting(client, story, post_comment):
    """A mail scanner that follows the link must not mute the reader."""
    post_comment(story, "I will follow this story.", email="follower@example.org", followup="on")
    post_comment(story, "A new voice here.", name="Kim", email="kim@example.org")
    mute = LINK.findall(mail.outbox[-1].body)[0]
    csrf_client = Client(enforce_csrf_checks=True)

    page = csrf_client.get(mute)
    forged = csrf_client.post(mute)

    assert page.status_code == 200
    html = page.content.decode()
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html
    assert "Stop emails about this story" in html
    assert forged.status_code == 403
    assert XtdComment.objects.filter(user_email="follower@example.org", followup=True).exists()


def test_a_tampered_mute_link_gets_a_clear_page(client, story_index):
    response = client.get("/comments/mute/not-a-real-key/")

    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()


def test_unsubscribe_link_stops_every_followup_email(client, story, make_story, post_comment):
    other = make_story(title="Another story")
    post_comment(story, "Following one.", email="follower@example.org", followup="on")
    post_comment(other, "Following two.", email="follower@example.org", followup="on")
    mail.outbox.clear()
    post_comment(story, "A new voice here.", name="Kim", email="kim@example.org")
    unsubscribe = LINK.findall(mail.outbox[-1].body)[1]

    page = client.get(unsubscribe)
    response = client.post(unsubscribe)

    assert "Stop all follow-up emails" in page.content.decode()
    assert "we will not email you about new comments any more" in response.content.decode()
    assert not XtdComment.objects.filter(followup=True).exists()
    mail.outbox.clear()
    post_comment(other, "Another new voice.", name="Lee", email="lee@example.org")
    assert all(message.to != ["follower@example.org"] for message in mail.outbox)


def test_a_tampered_unsubscribe_link_gets_a_clear_page(client, story_index):
    response = client.get("/comments/unsubscribe/not-a-real-token/")

    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()


def test_followers_hear_of_a_held_comment_only_once_it_is_approved(
    story, post_comment, moderator, django_capture_on_commit_callbacks
):
    from comments.actions import ModerateComments
    from comments.models import Decision

    post_comment(story, "I will follow this story.", email="follower@example.org", followup="on")
    mail.outbox.clear()
    held, _ = post_comment(story, "Call me on 555-201-7788.", name="Kim", email="kim@example.org")
    assert all(message.to != ["follower@example.org"] for message in mail.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        ModerateComments(
            [held], user=moderator, action=Decision.APPROVE, override_reason="A clinic line"
        ).execute()

    followups = [message for message in mail.outbox if message.to == ["follower@example.org"]]
    assert len(followups) == 1
    assert "555-201-7788" in followups[0].body
