"""The admin dashboard a moderator opens first: its cost does not grow with the queue."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import SubmissionFactory, story_form_data

pytestmark = pytest.mark.django_db


def dashboard_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


def send_stories(client, count, django_capture_on_commit_callbacks):
    for number in range(count):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/share/",
                story_form_data(
                    title=f"Waiting story number {number}", email=f"a{number}@example.org"
                ),
                REMOTE_ADDR=f"10.0.{number // 200}.{number % 200 + 1}",
            )
        assert response.status_code == 302


@pytest.mark.parametrize("who", ["moderator", "superuser"])
def test_the_dashboard_costs_the_same_with_two_or_twenty_stories_waiting(
    who,
    client,
    moderator_client,
    admin_client,
    story_index,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.SUBMISSION_RATE = "1000/h"
    viewer = moderator_client if who == "moderator" else admin_client
    send_stories(client, 2, django_capture_on_commit_callbacks)
    dashboard_queries(viewer)  # the first request of a session does a little more
    few, page = dashboard_queries(viewer)
    assert "2 stories are waiting for review." in page

    send_stories(client, 18, django_capture_on_commit_callbacks)
    many, page = dashboard_queries(viewer)
    assert "20 stories are waiting for review." in page

    assert many == few, f"{few} queries with 2 waiting, {many} with 20"
    # The session, the user and their profile, two-step verification, Django's and
    # Wagtail's permissions, the sites and locales the admin's frame shows, the
    # queues' counts and Wagtail's recent edits and locked pages: nothing per story.
    assert few <= DASHBOARD_QUERIES[who], f"{few} queries, {DASHBOARD_QUERIES[who]} expected"


# A moderator's dashboard has the queues' panels; a superuser's Wagtail's media counts.
DASHBOARD_QUERIES = {"moderator": 19, "superuser": 16}


def test_wagtails_awaiting_review_panel_stays_when_another_page_waits_in_a_workflow(
    admin_client, admin_user, story_index
):
    home = story_index.get_parent().specific
    workflow = home.get_workflow()
    assert workflow is not None, "Wagtail's default workflow covers the site's other pages"
    home.save_revision(user=admin_user)
    workflow.start(home, admin_user)

    page = admin_client.get("/admin/").content.decode()

    assert "Awaiting your review" in page
    assert "Your pages and snippets in a workflow" in page


def test_a_reviewers_own_stories_in_review_are_in_the_queue_not_in_wagtails_panel(
    moderator_client, moderator, story_index
):
    """The story queue lists every story in review, those a moderator sent included:
    Wagtail's "Your pages in a workflow" would list them again."""
    from moderation.services import send_to_review

    story = SubmissionFactory(story__parent=story_index, story__live=True).story
    story.title = "Corrected by a moderator"
    story.save_revision(user=moderator)
    assert send_to_review(story, moderator).requested_by == moderator

    page = moderator_client.get("/admin/").content.decode()

    assert "1 story is waiting for review." in " ".join(page.split())
    assert "Your pages and snippets in a workflow" not in page
    assert "Awaiting your review" not in page


def test_a_moderators_dashboard_has_no_image_count_and_a_superusers_has(
    moderator_client, admin_client, story_index
):
    from bs4 import BeautifulSoup

    def summary(client):
        page = client.get("/admin/").content.decode()
        return " ".join(BeautifulSoup(page, "html.parser").select_one(".w-summary").text.split())

    assert "published stories" in summary(moderator_client)
    assert "Image" not in summary(moderator_client)
    assert "0 Images" in summary(admin_client)


def test_the_dashboard_counts_published_stories_without_counting_the_page_tree(
    moderator_client, story_index, make_story
):
    for number in range(3):
        make_story(title=f"Published story {number}")
    moderator_client.get("/admin/")  # the count is kept from the first visit on

    with CaptureQueriesContext(connection) as queries:
        page = moderator_client.get("/admin/").content.decode()
    tree = '"wagtailcore_page"."path"'
    tree_counts = [q["sql"] for q in queries if "COUNT(" in q["sql"] and tree in q["sql"]]
    assert tree_counts == []

    from bs4 import BeautifulSoup

    summary = BeautifulSoup(page, "html.parser").select_one(".w-summary")
    link = summary.find("a", string=lambda text: text and "published stories" in text)
    assert " ".join(link.get_text().split()) == "3 published stories"
    assert link["href"] == f"/admin/pages/{story_index.pk}/"
    assert "Pages" not in summary.get_text()  # Wagtail's count of every page is gone

    make_story(title="One more")  # publishing forgets the kept count
    _count, page = dashboard_queries(moderator_client)
    assert "4 published stories" in " ".join(page.split())
