"""The listings' queries have the shape an index serves, and on PostgreSQL its plan
reads that index: what keeps a page's database time flat at 100,000 stories and a
million comments (benchmarks/fill.py measures it)."""

import re
from html import unescape

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from benchmarks.fill import fill
from comments.models import CommentReview, ReviewState
from stories.listing import NEWEST_FIRST
from stories.models import StoryPage, cards_of
from stories.views import search_stories
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the plans are PostgreSQL's"
)
older_link = re.compile(r'<a rel="next" href="\?([^"]*)"')


def plan(sql, params=None, *, big=False):
    """PostgreSQL's plan for ``sql``; with ``big``, as if the tables were bigger than a
    test's (sequential scans priced out)."""
    with transaction.atomic(), connection.cursor() as cursor:
        if big:
            cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries.captured_queries]


@pytest.fixture
def many_stories(make_story):
    return [make_story(title=f"Story {number:02d}") for number in range(30)]


def test_index_pages_past_the_first_skip_no_rows(client, many_stories):
    """``?page=N`` made the database sort and skip every story before the page
    (OFFSET): 9 s for the last page at 100,000 stories."""
    response, _ = queries_of(client, "/stories/")
    for _page in range(2):
        url = "/stories/?" + unescape(older_link.search(response.content.decode()).group(1))
        response, sql = queries_of(client, url)
        assert not [query for query in sql if " OFFSET " in query]
    assert "Story 00" in response.content.decode()


def test_comment_counts_are_read_by_page_from_the_comments_table_alone(make_story):
    """The count joined comments-xtd's table and the content types for every comment
    of every card; now it is a lookup of the partial index by (content type, page)."""
    story = make_story()
    CommentFactory(target=story)
    sql = str(cards_of(StoryPage.objects.filter(pk=story.pk).values("pk")).query)
    count = sql[sql.index("COUNT(") : sql.index(') AS "comment_count"')]
    subquery = count[: count.index(" GROUP BY ")]
    assert "django_content_type" not in subquery
    assert "xtdcomment" not in subquery
    assert 'FROM "django_comments" U0 WHERE' in subquery
    for column in ('U0."content_type_id" = ', 'U0."is_public"', 'NOT U0."is_removed"'):
        assert column in subquery


def test_comment_counts_count_only_the_comments_shown(client, make_story):
    story = make_story(title="Discussed")
    shown = [CommentFactory(target=story) for _ in range(3)]
    held = CommentFactory(target=story)
    held.is_public = False
    held.save()
    CommentReview.objects.filter(comment=held).update(state=ReviewState.HELD)
    shown[0].is_removed = True
    shown[0].save()
    CommentFactory(target=make_story(title="Another story"))

    card = cards_of(StoryPage.objects.filter(pk=story.pk).values("pk")).get()

    assert card.comment_count == 2
    assert "2 comments" in client.get("/stories/").content.decode()


@postgresql_only
def test_on_postgresql_at_scale_each_listing_reads_its_index(client, story_index, make_story):
    """With enough rows for the planner to tell (3,000 stories, 9,000 comments, the
    planner's statistics gathered), each query reads the index made for it."""
    fill(3_000, 9_000, report=lambda line: None)
    listing = story_index.published_stories().order_by(*NEWEST_FIRST).values_list("pk", flat=True)
    assert "story_by_date" in plan(*listing[:13].query.sql_with_params())

    html = client.get("/stories/").content.decode()
    _, sql = queries_of(client, "/stories/?" + unescape(older_link.search(html).group(1)))
    page_query = next(query for query in sql if '"date" DESC' in query and "LIMIT" in query)
    assert "story_by_date" in plan(page_query)
    assert "comments_public_by_page" in plan(page_query)

    harpist = make_story(title="The harpist", body="A harpist played on the ward every Sunday.")
    with CaptureQueriesContext(connection) as queries:
        assert search_stories("harpist").ids == [harpist.pk]
    # The backend's filter is on the concatenation the index holds...
    expression = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@'
    search_sql = next(q["sql"] for q in queries.captured_queries if expression in q["sql"])
    # ...the story of each entry found is looked up by the entry's id (a string),
    # not every story read to join the entries to...
    assert "stories_storypage_id_as_text" in plan(search_sql)
    # ...and the index serves it. (At a few thousand entries the planner still
    # prefers the content type's index; at 10,000 it reads this one by itself, as
    # benchmarks/README.md shows.)
    alone = f"SELECT 1 FROM wagtailsearch_indexentry WHERE {expression} to_tsquery('harpist')"  # noqa: S608
    assert "stories_search_title_body" in plan(alone, big=True)


def test_index_offers_the_topics_with_stories_without_reading_every_tag(client, make_story):
    """The topics offered were a join of every story's tags, made distinct: 64 ms at
    100,000 stories. Each topic's first story is enough."""
    from tests.factories import TopicFactory

    heart, _unused = TopicFactory(name="Heart health"), TopicFactory(name="Unused topic")
    make_story(topics=[heart])
    response, sql = queries_of(client, "/stories/")
    html = response.content.decode()
    assert '<option value="heart-health">Heart health</option>' in html
    assert "unused-topic" not in html
    topics = [query for query in sql if query.startswith('SELECT "stories_topic"."id"')]
    assert topics, sql
    for query in topics:
        assert "DISTINCT" not in query
        assert "EXISTS(" in query.replace(" (", "(")
