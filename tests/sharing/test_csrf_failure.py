"""A failed CSRF check (an expired session, cleared cookies) keeps what the person wrote."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from stories.models import Submission
from tests.comments.conftest import comment_data
from tests.factories import STORY_TEXT, story_form_data

pytestmark = pytest.mark.django_db

OWN_PAGE = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def strict_client():
    return Client(enforce_csrf_checks=True)


def test_a_story_sent_without_a_token_is_shown_back_to_send_again(strict_client, story_index):
    data = story_form_data(topics=["1", "2"])

    response = strict_client.post("/share/", data, **OWN_PAGE)

    assert response.status_code == 403
    assert not Submission.objects.exists()
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "Your session expired"
    assert "we kept what you wrote" in soup.find(role="alert").get_text()
    form = soup.find("form", action="/share/")
    assert form.find("textarea", attrs={"name": "body"}).get_text() == STORY_TEXT
    assert soup.find("label", string="Your story")["for"] == "kept-body"
    assert form.find(attrs={"name": "title"})["value"] == data["title"]
    kept = {(i["name"], i["value"]) for i in form.find_all("input", type="hidden")}
    assert {("role", "patient"), ("consent", "on"), ("topics", "1"), ("topics", "2")} <= kept
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    assert "csrftoken" in response.cookies


def test_sending_the_kept_story_again_submits_it(strict_client, story_index, settings):
    settings.SUBMISSION_RATE = "100/h"
    failed = strict_client.post("/share/", story_form_data(), **OWN_PAGE)
    form = BeautifulSoup(failed.content, "html.parser").find("form", action="/share/")
    again = {i["name"]: i["value"] for i in form.find_all("input") if i.get("type") != "file"}
    again.update({t["name"]: t.get_text() for t in form.find_all("textarea")})

    response = strict_client.post("/share/", again, **OWN_PAGE)

    assert response.status_code == 302
    assert Submission.objects.get().story.body == STORY_TEXT


def test_a_comment_sent_without_a_token_is_shown_back_to_send_again(strict_client, make_story):
    story = make_story(title="The night nurse", body="She sat with me until morning.")
    data = comment_data(story, "You were\nnot alone.")

    response = strict_client.post("/comments/post/", data, **OWN_PAGE)

    assert response.status_code == 403
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", action="/comments/post/")
    assert form.find("textarea", attrs={"name": "comment"}).get_text() == "You were\nnot alone."
    assert form.find(attrs={"name": "name"})["value"] == "Sam"
    kept = {i["name"]: i["value"] for i in form.find_all("input", type="hidden")}
    assert kept["security_hash"] == data["security_hash"]
    assert kept["object_pk"] == str(story.pk)


def test_a_post_from_another_site_is_not_shown_back(strict_client, story_index):
    response = strict_client.post(
        "/share/", story_form_data(), HTTP_ORIGIN="https://elsewhere.example"
    )

    assert response.status_code == 403
    html = response.content.decode()
    assert "Your session expired" in html and "go back, reload the page" in html
    assert STORY_TEXT not in html
    assert 'action="/share/"' not in html


def test_a_post_without_an_origin_is_not_shown_back(strict_client, story_index):
    response = strict_client.post("/share/", story_form_data())

    assert response.status_code == 403
    assert STORY_TEXT not in response.content.decode()
