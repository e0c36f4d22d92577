"""The comment queue as a Wagtail listing: pages, order, filter, export and who may see it."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from comments.models import ReviewState
from moderation.permissions import MODERATORS_GROUP

pytestmark = pytest.mark.django_db

QUEUE = "/admin/comments/"
CRISIS = "I want to end my life tonight."


@pytest.fixture(autouse=True)
def _many_comments(settings):
    settings.COMMENT_RATE = "1000/m"


def listed(html):
    """The comments' pks, in the order the queue lists them."""
    rows = BeautifulSoup(html, "html.parser").select("table.comment-queue tbody tr")
    return [int(row["id"].removeprefix("queue-comment-")) for row in rows]


def test_queue_shows_50_comments_a_page(client, story, post_comment, moderator):
    held = [post_comment(story, f"Call me on 555-201-{n:04d} any evening.")[0] for n in range(51)]
    client.force_login(moderator)

    first = client.get(QUEUE).content.decode()
    second = client.get(f"{QUEUE}?p=2").content.decode()

    assert listed(first) == [comment.pk for comment in held[:50]]
    assert listed(second) == [held[50].pk]
    assert "Page 1 of 2" in first


def test_crisis_comments_come_first_whatever_the_order(client, story, post_comment, moderator):
    older, _ = post_comment(story, "Call me on 555-201-7788 any evening.")
    crisis, _ = post_comment(story, CRISIS)
    newer, _ = post_comment(story, "Call me on 555-201-7799 any evening.")
    client.force_login(moderator)

    assert listed(client.get(QUEUE).content.decode()) == [crisis.pk, older.pk, newer.pk]
    newest_first = client.get(f"{QUEUE}?ordering=-submitted").content.decode()
    assert listed(newest_first) == [crisis.pk, newer.pk, older.pk]
    html = client.get(QUEUE).content.decode()
    row = BeautifulSoup(html, "html.parser").select_one(f"tr#queue-comment-{crisis.pk}")
    assert "comment-queue__row--crisis" in row["class"]


def test_queue_filters_by_state_with_counts(client, story, post_comment, moderator, settings):
    settings.COMMENT_REPORT_THRESHOLD = 1
    held, _ = post_comment(story, "Call me on 555-201-7788 any evening.")
    published, _ = post_comment(story, "Great story, thanks for sharing it.")
    client.post(f"/comments/report/{published.pk}/", {"reason": "abusive"})
    published.review.refresh_from_db()
    assert published.review.state == ReviewState.REPORTED
    client.force_login(moderator)

    everything = client.get(QUEUE).content.decode()
    assert set(listed(everything)) == {held.pk, published.pk}
    assert "All waiting (2)" in everything and "Hidden after reports (1)" in everything
    assert listed(client.get(f"{QUEUE}?state=held").content.decode()) == [held.pk]
    reported = client.get(f"{QUEUE}?state=reported").content.decode()
    assert listed(reported) == [published.pk]
    assert "Reported by 1 reader" in reported


def test_export_has_no_contact_details(client, story, post_comment, moderator):
    held, _ = post_comment(story, "Call me on 555-201-7788 any evening.", email="held@example.org")
    client.force_login(moderator)

    response = client.get(f"{QUEUE}?export=csv")

    text = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows == [
        {
            "Comment": str(held.pk),
            "Waiting as": "Held by the screen",
            "Posted": rows[0]["Posted"],
            "Page": "The night nurse",
            "Held for": "phone",
            "Someone may be at risk": "False",
            "Reports": "0",
            "Readers' reasons": "",
            "Spam check": "Not checked",
        }
    ]
    for contact in ["held@example.org", "Sam", "555-201-7788"]:
        assert contact not in text


def test_without_the_permission_there_is_no_queue_nor_export(client, story_index):
    editor = get_user_model().objects.create_user("ed", "ed@example.org", "pw")
    group = Group.objects.create(name="Site editors")
    group.permissions.add(
        *Group.objects.get(name=MODERATORS_GROUP).permissions.exclude(codename="moderate_comments")
    )
    editor.groups.add(group)
    client.force_login(editor)

    assert 'href="/admin/comments/"' not in client.get("/admin/").content.decode()
    for url in [QUEUE, f"{QUEUE}results/", f"{QUEUE}?export=xlsx"]:
        assert client.get(url)["Location"] == "/admin/"


def test_row_decisions_carry_the_csrf_token_and_recent_decisions_are_listed(
    story, post_comment, moderator
):
    held, _ = post_comment(story, "Call me on 555-201-7788 any evening.")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(moderator)

    page = BeautifulSoup(browser.get(QUEUE).content.decode(), "html.parser")
    form = page.select_one(f"tr#queue-comment-{held.pk} form.comment-queue__decide")
    token = form.select_one("input[name=csrfmiddlewaretoken]")["value"]
    assert token
    assert page.select_one(f"input[form=bulk-decision][value='{held.pk}']") is not None

    response = browser.post(
        form["action"],
        {
            "csrfmiddlewaretoken": token,
            "comment": held.pk,
            "action": "approve",
            "override_reason": "A clinic switchboard",
        },
        follow=True,
    )

    html = response.content.decode()
    assert "No comments are waiting" in html
    decisions = BeautifulSoup(html, "html.parser").select_one(
        "section[aria-labelledby=recent-decisions-heading]"
    )
    assert "Approve" in decisions.get_text() and "Call me on" in decisions.get_text()
