import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import reset_queries

from moderation.models import ScreeningReport
from stories.models import StoryPage
from tests.factories import PHONE_STORY

pytestmark = pytest.mark.django_db


def queue_rows(html):
    """The queue table's rows, as BeautifulSoup elements (the filters are outside it)."""
    return BeautifulSoup(html, "html.parser").select("table.listing tbody tr")


def queue_row(html, title):
    """The text of the queue row whose story is titled ``title``."""
    for row in queue_rows(html):
        link = row.select_one("td.story-queue__story a")
        if link is not None and link.get_text(strip=True) == title:
            return row.get_text(" ", strip=True)
    raise AssertionError(f"No row for {title!r} in the queue")


@pytest.fixture
def outsider(client, story_index):
    """A staff member with admin access who is not a moderator."""
    user = get_user_model().objects.create_user("ed", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return user


def test_someone_outside_moderators_can_neither_see_the_queue_nor_act(submit, client, outsider):
    submission = submit(body=PHONE_STORY)
    client.force_login(outsider)
    base = f"/admin/story-queue/{submission.story_id}/"

    # The Wagtail admin answers a permission error by sending the user to the dashboard.
    for response in [
        client.get("/admin/story-queue/"),
        client.get(base),
        client.post(f"{base}decide/", {"action": "approve"}),
        client.post(f"{base}redact/", {"category": "phone"}),
        client.post(f"{base}spam/", {"verdict": "spam"}),
    ]:
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert (
        "612-555-0187"
        in StoryPage.objects.get(pk=submission.story_id).get_latest_revision_as_object().body
    )
    assert (
        ScreeningReport.objects.filter(page_id=submission.story_id).latest("pk").spam_verdict
        != "spam"
    )
    assert "Story queue" not in client.get("/admin/").content.decode()
    assert not StoryPage.objects.get(pk=submission.story_id).live


def test_moderators_see_the_queue_in_the_menu_and_dashboard(moderator_client, submit):
    submit()
    dashboard = moderator_client.get("/admin/").content.decode()
    assert "Story queue" in dashboard
    assert "1 story is waiting for review." in dashboard


def test_queue_lists_oldest_first_with_counts_role_and_filters(submit, moderator_client):
    first = submit(title="The first story", body=PHONE_STORY)
    second = submit(title="The second story", role="family")

    html = moderator_client.get("/admin/story-queue/").content.decode()
    assert html.index("The first story") < html.index("The second story")
    assert "Family member or caregiver" in queue_row(html, "The second story")
    assert "Family member or caregiver" not in queue_row(html, "The first story")

    by_phone = moderator_client.get("/admin/story-queue/?category=phone").content.decode()
    assert "The first story" in by_phone and "The second story" not in by_phone
    by_role = moderator_client.get("/admin/story-queue/?role=family").content.decode()
    assert "The second story" in by_role and "The first story" not in by_role
    assert first.reference in html and second.reference in html


def test_queue_uses_the_same_queries_for_2_and_for_12_stories(
    submit, moderator_client, django_assert_max_num_queries, django_assert_num_queries
):
    for i in range(2):
        submit(title=f"Queued story {i}", body=PHONE_STORY)
    moderator_client.get("/admin/story-queue/")
    reset_queries()  # a full query log would hide what is measured
    with django_assert_max_num_queries(16) as two:
        moderator_client.get("/admin/story-queue/")
    queries_for_two = len(two)

    for i in range(2, 12):
        submit(title=f"Queued story {i}", body=PHONE_STORY)
    moderator_client.get("/admin/story-queue/")
    reset_queries()
    with django_assert_num_queries(queries_for_two):
        response = moderator_client.get("/admin/story-queue/")
    assert response.content.decode().count("Queued story") == 12


def test_every_new_revision_is_screened_again(submit, moderator):
    submission = submit()
    story = StoryPage.objects.get(pk=submission.story_id)
    draft = story.get_latest_revision_as_object()
    draft.body += "\n\nMy record number is MRN 4471-2290."

    revision = draft.save_revision(user=moderator)

    report = ScreeningReport.objects.get(revision=revision)
    assert report.counts.get("id_number") == 1
