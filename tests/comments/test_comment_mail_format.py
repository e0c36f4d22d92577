"""The mails a commenter gets, as their mail program shows them: a subject in the
site's words, the site's name as the sender, and an HTML part beside the text."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

pytestmark = pytest.mark.django_db


def html_of(message):
    (html, mimetype), *_ = message.alternatives
    assert mimetype == "text/html"
    return BeautifulSoup(html, "html.parser")


def test_the_confirmation_request_names_the_story_and_links_in_both_parts(
    settings, story, post_comment
):
    settings.WAGTAIL_SITE_NAME = "Riverside Stories"
    post_comment(story, "Tom & <b>Jerry</b> were kind.\n\nThank you.", confirm=False)

    (request,) = mail.outbox
    assert request.subject == "Confirm your comment on “The night nurse”"
    assert request.from_email.startswith("Riverside Stories <")
    page = html_of(request)
    link = next(a["href"] for a in page.find_all("a") if "/comments/confirm/" in a["href"])
    assert link in request.body  # the same link in the text part
    # What the reader typed is shown as typed, never as markup.
    assert "Tom & <b>Jerry</b> were kind." in page.get_text()
    assert page.find("b") is None
    assert page.html["lang"].startswith("en")
    assert page.title.get_text() == request.subject


def test_followers_hear_of_a_new_comment_under_a_subject_naming_the_story(story, post_comment):
    post_comment(story, "I will follow this story.", email="follower@example.org", followup="on")
    mail.outbox.clear()

    post_comment(story, "A new voice here.", name="Kim", email="kim@example.org")

    (followup,) = [m for m in mail.outbox if m.to == ["follower@example.org"]]
    assert followup.subject == "New comment on “The night nurse”"
    assert "A new voice here." in html_of(followup).get_text()


def test_a_sender_with_a_name_of_its_own_keeps_it(settings, story, post_comment):
    settings.DEFAULT_FROM_EMAIL = "Patient Experience <stories@riverside.example>"
    post_comment(story, "Thank you for this.", confirm=False)

    assert mail.outbox[0].from_email == "Patient Experience <stories@riverside.example>"


def test_a_subject_is_plain_text_as_the_title_was_typed(make_story, post_comment):
    story = make_story(title="Tom & Jerry's <ward>", body="They were kind to us.")
    post_comment(story, "Thank you for this.", confirm=False)

    assert mail.outbox[0].subject == "Confirm your comment on “Tom & Jerry's <ward>”"
