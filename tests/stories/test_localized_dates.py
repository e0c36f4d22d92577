"""Dates on public pages in the reader's language, as each language writes them
("3 December 2026", "3 de diciembre de 2026"); the feed and the sitemap, read by
programs, keep their standard formats whatever the reader's language."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es-ES,es;q=0.9"}
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}
DAY = datetime.date(2026, 12, 3)


@pytest.fixture
def story(make_story):
    return make_story(title="Back on the bike", date=DAY)


def test_a_story_is_dated_in_english_day_first(client, story):
    html = client.get(story.url, **ENGLISH).content.decode()

    assert '<time datetime="2026-12-03">3 December 2026</time>' in html
    assert "Dec. 3, 2026" not in html


def test_a_story_is_dated_in_spanish_as_spanish_writes_dates(client, story):
    html = client.get(story.url, **SPANISH).content.decode()

    assert '<time datetime="2026-12-03">3 de diciembre de 2026</time>' in html


def test_the_story_cards_are_dated_in_the_readers_language(client, story, story_index):
    english = client.get(story_index.url, **ENGLISH).content.decode()
    spanish = client.get(story_index.url, **SPANISH).content.decode()

    assert "3 December 2026" in english
    assert "3 de diciembre de 2026" in spanish


def test_a_comment_is_dated_in_the_readers_language(client, story, settings):
    settings.TIME_ZONE = "UTC"
    CommentFactory(
        target=story,
        comment="Thank you for this.",
        submit_date=timezone.make_aware(datetime.datetime(2026, 12, 3, 14, 5)),
    )

    english = client.get(story.url, **ENGLISH).content.decode()
    spanish = client.get(story.url, **SPANISH).content.decode()

    assert "3 December 2026, 14:05" in english
    assert "3 de diciembre de 2026 a las 14:05" in spanish


def test_the_feed_keeps_its_standard_dates_in_spanish(client, story):
    feed = client.get("/feed/", **SPANISH).content.decode()

    dates = re.findall(r"<(?:published|updated)>([^<]+)</", feed)
    assert dates
    assert "diciembre" not in feed
    for value in dates:  # Atom's RFC 3339 dates
        datetime.datetime.fromisoformat(value)


def test_the_sitemap_keeps_iso_dates_in_spanish(client, story):
    sitemap = client.get("/sitemap.xml", **SPANISH).content.decode()

    assert "<lastmod>" in sitemap
    assert "diciembre" not in sitemap
    for lastmod in sitemap.split("<lastmod>")[1:]:
        value = lastmod.split("</lastmod>")[0]
        datetime.date.fromisoformat(value[:10])
