"""benchmarks/fill.py fills a database with what the site itself would have written."""

import re
from html import unescape

import pytest
from django.contrib.contenttypes.models import ContentType
from django_comments_xtd.models import XtdComment
from wagtail.models import Page

from benchmarks.fill import fill, thread_shapes
from stories.models import StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db
older_link = re.compile(r'<a rel="next" href="\?([^"]*)"')


@pytest.fixture
def filled(story_index):
    return fill(40, 700, queued=1, report=lambda line: None)


def test_filled_tree_is_valid_and_takes_new_pages(filled):
    assert [list(problems) for problems in Page.find_problems()] == [[]] * 5
    index = StoryIndexPage.objects.get()
    assert index.numchild == 41  # the 40 stories and the one waiting for review
    index.add_child(instance=StoryPage(title="Added after", body="Text.", author_role="patient"))
    assert [list(problems) for problems in Page.find_problems()] == [[]] * 5
    assert StoryPage.objects.live().child_of(index).count() == 41


def test_filled_index_and_home_show_the_stories(client, filled):
    newest = StoryPage.objects.live().order_by("-date", "-first_published_at").first()
    index = client.get("/stories/")
    assert index.status_code == 200
    assert "40 stories" in index.content.decode()
    assert newest.title in index.content.decode()
    assert newest.title in client.get("/").content.decode()
    html = index.content.decode()
    for _page in range(3):
        html = client.get("/stories/?" + unescape(older_link.search(html).group(1))).content
        html = html.decode()
    assert html.count('<article class="story-card"') == 4  # the last of 40, 12 a page
    assert not older_link.search(html)


def test_filled_stories_show_their_comments(client, filled):
    for story, count in ((filled["fifty"], 50), (filled["five_hundred"], 500)):
        html = client.get(story.url).content.decode()
        assert f"{count} comments" in html
        assert 'class="comment"' in html


def test_filled_search_finds_a_story(client, filled):
    story = StoryPage.objects.live().order_by("pk").first()
    html = client.get("/search/", {"q": "nurses"}).content.decode()
    assert "No stories" not in html
    assert f'href="{story.url}"' in html or html.count('class="story-card"') == 10
    # The site's own search, by words of the title alone: the story is a result.
    number = story.title.rsplit("(", 1)[1].rstrip(")")
    html = client.get("/search/", {"q": number}).content.decode()
    assert f'<a href="{story.url}">' in html


def test_filled_search_index_is_what_the_backend_writes(filled):
    """On PostgreSQL the entries are computed in SQL: they are the backend's own."""
    from django.db import connection
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    columns = [
        field.column
        for field in IndexEntry._meta.concrete_fields
        if field.name not in ("id", "content_type", "object_id", "title_norm")
    ] + ["title_norm"]
    stories = list(StoryPage.objects.live().order_by("pk")[:5])
    entries = IndexEntry.objects.filter(object_id__in=[str(story.pk) for story in stories])

    def rows():
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT object_id, {', '.join(f'CAST({c} AS text)' for c in columns)} "  # noqa: S608
                f"FROM {IndexEntry._meta.db_table} WHERE object_id IN ({', '.join(['%s'] * 5)}) "
                "ORDER BY object_id",
                [str(story.pk) for story in stories],
            )
            return cursor.fetchall()

    filled_rows = rows()
    assert len(filled_rows) == 5
    if connection.vendor == "postgresql":
        # title_norm is the average title length (in lexemes) when the entry was
        # written over this title's, as the backend refreshes it after each batch.
        with connection.cursor() as cursor:
            table = IndexEntry._meta.db_table
            cursor.execute(
                f"SELECT title_norm * length(title) FROM {table} WHERE object_id IN "  # noqa: S608
                f"({', '.join(['%s'] * 5)})",
                [str(story.pk) for story in stories],
            )
            averages = [value for (value,) in cursor.fetchall()]
            cursor.execute(f"SELECT avg(length(title)) FROM {table} WHERE length(title) > 0")  # noqa: S608
            average = float(cursor.fetchone()[0])
        assert averages == pytest.approx([average] * 5, rel=0.05)
    entries.delete()
    get_search_backend().add_bulk(StoryPage, list(StoryPage.objects.filter(pk__in=stories)))
    backend_rows = rows()
    for mine, theirs in zip(filled_rows, backend_rows, strict=True):
        assert mine[:-1] == theirs[:-1]


def test_filled_threads_are_as_comments_xtd_makes_them(filled):
    story = filled["five_hundred"]
    comments = list(
        XtdComment.norel_objects.filter(object_pk=str(story.pk)).order_by("thread_id", "order")
    )
    by_pk = {comment.pk: comment for comment in comments}
    assert len(comments) == 500
    for comment in comments:
        if comment.level == 0:
            assert comment.parent_id == comment.thread_id == comment.pk
            assert comment.order == 1
        else:
            parent = by_pk[comment.parent_id]
            assert parent.level == comment.level - 1
            assert parent.thread_id == comment.thread_id
            assert parent.order < comment.order
        descendants = [c for c in comments if c.pk != comment.pk and is_under(c, comment, by_pk)]
        assert comment.nested_count == len(descendants)
    for thread_id in {comment.thread_id for comment in comments}:
        orders = [comment.order for comment in comments if comment.thread_id == thread_id]
        assert orders == list(range(1, len(orders) + 1))

    # comments-xtd puts a new reply where its own rows say: after its parent's replies.
    root = next(c for c in comments if c.level == 0 and c.nested_count)
    reply = XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(StoryPage),
        object_pk=str(story.pk),
        site_id=1,
        user_name="Late reader",
        user_email="late@example.org",
        comment="Me too.",
        parent_id=root.pk,
    )
    assert reply.pk > max(by_pk)  # the id sequence is past the filled rows
    assert (reply.thread_id, reply.level, reply.order) == (root.pk, 1, root.nested_count + 2)


def is_under(comment, ancestor, by_pk):
    while comment.level > 0:
        comment = by_pk[comment.parent_id]
        if comment.pk == ancestor.pk:
            return True
    return False


def test_thread_shapes_stay_within_three_levels():
    import random

    shapes = thread_shapes(2000, random.Random(1))
    assert len(shapes) == 2000
    assert {level for _root, _parent, level in shapes} == {0, 1, 2}
    for i, (root, parent, level) in enumerate(shapes):
        assert root <= parent <= i
        assert (shapes[parent][2] == level - 1) if level else (root == parent == i)
