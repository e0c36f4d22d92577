"""The session's user, read by the project's sign-in backend (users.backends)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


def test_an_admin_page_reads_the_user_and_their_profile_in_one_query(moderator_client, moderator):
    UserProfile.get_for_user(moderator)
    moderator_client.get("/admin/")

    with CaptureQueriesContext(connection) as queries:
        response = moderator_client.get("/admin/")

    assert response.status_code == 200
    profile_reads = [q["sql"] for q in queries if '"wagtailusers_userprofile"' in q["sql"]]
    assert len(profile_reads) == 1
    assert '"users_user"' in profile_reads[0]


def test_the_session_of_a_deactivated_user_signs_nobody_in(moderator_client, moderator):
    assert moderator_client.get("/admin/").status_code == 200
    moderator.is_active = False
    moderator.save()

    response = moderator_client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_user_without_a_wagtail_profile_still_opens_the_admin(moderator_client, moderator):
    UserProfile.objects.filter(user=moderator).delete()

    assert moderator_client.get("/admin/").status_code == 200
