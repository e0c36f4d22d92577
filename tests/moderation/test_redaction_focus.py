"""After a redaction, the review page puts keyboard focus back near the finding."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import PHONE_STORY

pytestmark = pytest.mark.django_db

EMAILS = PHONE_STORY + "\n\nOr email me at hal@example.org, or hal.porter@example.org."


def focused(response):
    soup = BeautifulSoup(response.content, "html.parser")
    (target,) = soup.select("[autofocus]")
    status = soup.find(id=target["aria-describedby"])
    return target.get_text(" ", strip=True), status.get_text(strip=True)


def test_redacting_a_finding_focuses_the_next_findings_button(submit, moderator_client):
    submission = submit(body=EMAILS)
    url = f"/admin/story-queue/{submission.story_id}/"

    response = moderator_client.post(f"{url}redact/", {"finding": 0})

    assert response["Location"] == f"{url}?redacted=1&near=0"
    text, status = focused(moderator_client.get(response["Location"]))
    assert text == "Redact as [email address] “hal@example.org”"
    assert status == "Redacted. 2 findings can still be redacted."


def test_redacting_the_last_findings_focuses_the_findings_heading(submit, moderator_client):
    submission = submit(body=EMAILS)
    url = f"/admin/story-queue/{submission.story_id}/"
    moderator_client.post(f"{url}redact/", {"category": "phone"})

    response = moderator_client.post(f"{url}redact/", {"category": "email"}, follow=True)

    assert focused(response) == (
        "What the screen found",
        "Redacted. No findings are left to redact.",
    )


def test_the_review_page_takes_no_focus_of_its_own(submit, moderator_client):
    submission = submit(body=EMAILS)

    response = moderator_client.get(f"/admin/story-queue/{submission.story_id}/?near=x")

    assert not BeautifulSoup(response.content, "html.parser").select("[autofocus]")
