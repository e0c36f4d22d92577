"""The admin dashboard a moderator opens first: its cost does not grow with the queue."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import story_form_data

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
