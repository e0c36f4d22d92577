"""The story queue as a Wagtail listing: pages, order, filters, export and who may see it."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from openpyxl import load_workbook

from tests.factories import CLEAN_STORY, PHONE_STORY
from tests.moderation.test_story_queue import queue_row, queue_rows

pytestmark = pytest.mark.django_db

QUEUE = "/admin/story-queue/"


def titles(html):
    return [
        row.select_one("td.story-queue__story a").get_text(strip=True) for row in queue_rows(html)
    ]


def test_queue_shows_50_stories_a_page_oldest_first(submit, moderator_client, settings):
    for i in range(51):
        submit(title=f"Queued story {i:02d}")

    first = moderator_client.get(QUEUE).content.decode()
    second = moderator_client.get(f"{QUEUE}?p=2").content.decode()

    assert titles(first) == [f"Queued story {i:02d}" for i in range(50)]
    assert titles(second) == ["Queued story 50"]
    assert "Page 1 of 2" in first


def test_queue_sorts_by_waiting_since_and_by_title(submit, moderator_client):
    for title in ["Bravo", "Alpha", "Charlie"]:
        submit(title=title)

    assert titles(moderator_client.get(QUEUE).content.decode()) == ["Bravo", "Alpha", "Charlie"]
    newest_first = moderator_client.get(f"{QUEUE}?ordering=-waiting_since").content.decode()
    assert titles(newest_first) == ["Charlie", "Alpha", "Bravo"]
    by_title = moderator_client.get(f"{QUEUE}?ordering=draft_title").content.decode()
    assert titles(by_title) == ["Alpha", "Bravo", "Charlie"]
    by_role = moderator_client.get(f"{QUEUE}?ordering=-author_role").content.decode()
    assert len(titles(by_role)) == 3


def test_queue_filters_by_finding_role_urgency_and_spam(submit, moderator_client):
    submit(title="With a phone number", body=PHONE_STORY)
    submit(title="From a family member", role="family")
    urgent = submit(
        title="Someone at risk",
        body=PHONE_STORY + "\n\nSome nights I want to kill myself and I have a plan to do it.",
    )
    assert urgent.urgent

    def listed(query):
        return set(titles(moderator_client.get(f"{QUEUE}?{query}").content.decode()))

    assert listed("category=phone") == {"With a phone number", "Someone at risk"}
    assert listed("category=crisis") == {"Someone at risk"}
    assert listed("role=family") == {"From a family member"}
    assert listed("urgent=1") == {"Someone at risk"}
    assert listed("urgent=true") == {"Someone at risk"}
    assert listed("urgent=false") == {"With a phone number", "From a family member"}
    assert listed("spam=true") == set()  # no Akismet key in tests
    assert "Urgent" in queue_row(moderator_client.get(QUEUE).content.decode(), "Someone at risk")


def test_spam_filter_lists_only_likely_spam(submit, moderator_client, akismet_spam):
    submit(title="Sent by a bot")

    assert titles(moderator_client.get(f"{QUEUE}?spam=true").content.decode()) == ["Sent by a bot"]
    assert titles(moderator_client.get(f"{QUEUE}?spam=false").content.decode()) == []


def test_queue_searches_titles_and_references(submit, moderator_client):
    first = submit(title="The cardiac ward")
    submit(title="The maternity ward")

    by_title = moderator_client.get(f"{QUEUE}?q=cardiac").content.decode()
    assert titles(by_title) == ["The cardiac ward"]
    by_reference = moderator_client.get(f"{QUEUE}?q={first.reference}").content.decode()
    assert titles(by_reference) == ["The cardiac ward"]


def test_export_has_the_queue_and_no_contact_details(submit, moderator_client):
    submission = submit(title="The night shift", body=PHONE_STORY, role="family")

    response = moderator_client.get(f"{QUEUE}?export=csv")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="story-queue.csv"'
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1
    row = rows[0]
    assert row["Reference"] == submission.reference
    assert row["Title"] == "The night shift"
    assert row["Author"] == "Family member or caregiver"
    assert row["Phone number"] == "1"
    assert row["Spam check"] == "Not checked"
    assert row["Urgent"] == "False"
    assert row["Waiting since"]
    for contact in ["rosalind@example.org", "Rosalind", "Keane", "555-0199", "612-555-0187"]:
        assert contact not in text


def test_export_as_a_spreadsheet_follows_the_filters(submit, moderator_client):
    phone = submit(title="With a phone number", body=PHONE_STORY)
    submit(title="Nothing found")

    response = moderator_client.get(f"{QUEUE}?category=phone&export=xlsx")

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["Reference", "Title", "Author"]
    assert [row[0] for row in values[1:]] == [phone.reference]
    assert "rosalind@example.org" not in str(values)


def test_without_the_permission_there_is_no_menu_item_nor_queue_nor_export(
    submit, client, story_index
):
    submit()
    user = get_user_model().objects.create_user("ed", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    dashboard = client.get("/admin/").content.decode()
    assert 'href="/admin/story-queue/"' not in dashboard
    assert "stories are waiting" not in dashboard and "story is waiting" not in dashboard
    for url in [QUEUE, f"{QUEUE}results/", f"{QUEUE}?export=csv"]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/"


def test_moderator_sees_the_menu_item_and_the_urgent_count(submit, moderator_client):
    submit(body=PHONE_STORY + "\n\nSome nights I want to kill myself and I have a plan to do it.")
    submit()

    dashboard = moderator_client.get("/admin/").content.decode()

    assert 'href="/admin/story-queue/"' in dashboard
    assert "2 stories are waiting for review." in dashboard
    assert "1 urgent." in dashboard


def test_a_story_not_screened_yet_says_so(submit, moderator_client):
    from moderation.models import ScreeningReport

    submission = submit(title="Waiting for the screen")
    ScreeningReport.objects.filter(page_id=submission.story_id).delete()

    html = moderator_client.get(QUEUE).content.decode()

    assert "Not screened yet" in queue_row(html, "Waiting for the screen")


def test_a_story_in_crisis_comes_first_whatever_the_sort(submit, moderator_client, akismet_spam):
    submit(title="Cheap pills online")
    submit(title="A quiet thank you")
    submit(
        title="I cannot go on",
        body=CLEAN_STORY + "\n\nSome nights I want to kill myself and I have a plan to do it.",
    )

    assert titles(moderator_client.get(QUEUE).content.decode())[0] == "I cannot go on"
    by_title = moderator_client.get(f"{QUEUE}?ordering=draft_title").content.decode()
    assert titles(by_title) == ["I cannot go on", "A quiet thank you", "Cheap pills online"]


def test_queue_reads_the_stories_its_reviews_name_not_every_story(
    submit, moderator_client, make_story
):
    """The queue filtered every story of the site on its review's start, a subquery
    computed per story: 10 s at 100,000 published stories. It starts from the
    reviews in progress."""
    from moderation.queue import story_queue

    make_story(title="Published long ago")
    waiting = submit(title="Waiting story")
    approved = submit(title="Approved story")
    moderator_client.post(f"{QUEUE}{approved.story_id}/decide/", {"action": "approve"})

    sql = str(story_queue().query)
    assert " IS NOT NULL" not in sql
    assert '"stories_storypage"."page_ptr_id" IN (SELECT' in sql
    assert list(story_queue().values_list("pk", flat=True)) == [waiting.story_id]
    assert titles(moderator_client.get(QUEUE).content.decode()) == ["Waiting story"]
