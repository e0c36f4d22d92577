"""The site calls out to no outside service that nobody chose."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_admin_calls_out_to_no_avatar_service(moderator_client):
    html = moderator_client.get("/admin/").content.decode()

    assert "gravatar" not in html.lower()
