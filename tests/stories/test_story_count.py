"""The story index's "N stories" is counted once, then read from the cache until
what it counts changes: at 100,000 stories the count (a join of every live story)
was the one query of the index that grew with the site."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_as_made(settings):
    settings.PAGE_CACHE_SECONDS = 0  # the pages as they are made, not from the page cache


def index_page(client, url="/stories/"):
    """The page's text, and how many of its queries counted stories."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    counts = [query for query in queries.captured_queries if '"__count"' in query["sql"]]
    return response.content.decode(), len(counts)


def test_index_counts_its_stories_once_until_one_is_published(client, make_story):
    for _ in range(3):
        make_story()
    html, counted = index_page(client)
    assert "3 stories" in html
    assert counted == 1
    html, counted = index_page(client)
    assert "3 stories" in html
    assert counted == 0

    make_story()
    html, counted = index_page(client)
    assert "4 stories" in html
    assert counted == 1


def test_index_count_follows_unpublishing_deleting_and_privacy(client, make_story):
    stories = [make_story() for _ in range(4)]
    assert "4 stories" in index_page(client)[0]

    stories[0].unpublish()
    assert "3 stories" in index_page(client)[0]

    stories[1].delete()
    assert "2 stories" in index_page(client)[0]

    restriction = PageViewRestriction.objects.create(
        page=stories[2], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert "1 story" in index_page(client)[0]
    restriction.delete()
    assert "2 stories" in index_page(client)[0]


def test_each_filtered_listing_has_a_count_of_its_own(client, make_story):
    caregiving = TopicFactory(name="Caregiving")
    make_story(topics=[caregiving])
    make_story()
    assert "2 stories" in index_page(client)[0]
    html, counted = index_page(client, f"/stories/?topic={caregiving.slug}")
    assert "1 story" in html
    assert counted == 1
    assert "2 stories" in index_page(client)[0]
