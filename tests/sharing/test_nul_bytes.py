"""NUL bytes in URLs answer 404 or are dropped, never a server error (PostgreSQL
refuses them in any query)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=heart%00",
        "/search/?q=%00",
        "/stories/?topic=%00",
        "/stories/?topic=care%00&role=patient%00&page=%00",
        "/%00/",
        "/stories/%00/",
        "/share/status/abc%00def/",
        "/share/status/abc%00def/withdraw/",
        "/share/received/%00/",
        "/comments/report/1%00/",
    ],
)
def test_a_nul_byte_in_a_url_is_never_a_server_error(client, story_index, url):
    response = client.get(url)

    assert response.status_code in (200, 404)


def test_a_nul_byte_in_a_search_is_dropped_and_the_search_runs(client, make_story):
    make_story(title="The heart ward at night")

    html = client.get("/search/?q=heart%00").content.decode()

    assert "The heart ward at night" in html


@pytest.mark.parametrize(
    "url",
    [
        "/comments/posted.json",
        "/comments/sent.json",
        "/comments/reply/1.json",
        "/comments/confirm/x.json",
        "/comments/mute/x.json",
        "/comments/cr/1/2.json",
        "/comments/flag/1.json",
        "/comments/cr/38/x/",
    ],
)
def test_junk_comment_urls_are_not_found_not_a_server_error(client, story_index, url):
    assert client.get(url).status_code in (400, 404)
