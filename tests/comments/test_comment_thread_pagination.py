"""A story's comments come a page of whole threads at a time."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Max
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_comments.models import Comment
from django_comments_xtd.models import XtdComment

pytestmark = pytest.mark.django_db

SHOWN_ID = re.compile(r'<li class="comment(?: comment--hidden)?" id="c(\d+)"')


@pytest.fixture(autouse=True)
def three_threads_a_page(settings):
    settings.COMMENT_THREADS_PER_PAGE = 3


def add_threads(story, count, replies=2):
    """``count`` published threads, each a comment with a reply and a reply to the
    reply (``replies=2``), written in bulk (comments-xtd's model is a table joined to
    django-comments' own): [[root, reply, reply to it], ...]."""
    content_type = ContentType.objects.get_for_model(story)
    pk = (Comment.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
    threads, comments, rows = [], [], []
    for number in range(count):
        thread = []
        for level in range(replies + 1):
            comments.append(
                Comment(
                    pk=pk,
                    content_type=content_type,
                    object_pk=str(story.pk),
                    site_id=1,
                    user_name=f"Reader {number}.{level}",
                    user_email="reader@example.org",
                    comment=f"Thread {number}, level {level}.",
                    submit_date=timezone.now(),
                )
            )
            rows.append(
                (pk, thread[0] if thread else pk, thread[-1] if thread else pk, level, level + 1)
            )
            thread.append(pk)
            pk += 1
        threads.append(thread)
    Comment.objects.bulk_create(comments)
    table = connection.ops.quote_name(XtdComment._meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(column)
        for column in ("comment_ptr_id", "thread_id", "parent_id", "level", "order")
    )
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}, followup, nested_count) "  # noqa: S608 - names only
            "VALUES (%s, %s, %s, %s, %s, false, 0)",
            rows,
        )
    return threads


def shown_ids(response):
    assert response.status_code == 200
    return [int(pk) for pk in SHOWN_ID.findall(response.content.decode())]


def test_a_page_holds_a_fixed_number_of_whole_threads_oldest_first(client, make_story):
    story = make_story()
    threads = add_threads(story, 7)

    first = client.get(story.url)
    second = client.get(story.url + "?comments=2")
    last = client.get(story.url + "?comments=3")

    assert shown_ids(first) == [pk for thread in threads[:3] for pk in thread]
    assert shown_ids(second) == [pk for thread in threads[3:6] for pk in thread]
    assert shown_ids(last) == threads[6]
    for response in (first, second, last):
        assert "21 comments" in response.content.decode()  # the count stays the total


def test_pages_of_comments_are_linked_from_an_accessible_nav(client, make_story):
    story = make_story()
    add_threads(story, 7)

    html = client.get(story.url + "?comments=2").content.decode()

    nav = html[html.index('<nav class="pagination comments__pages"') :]
    nav = nav[: nav.index("</nav>")]
    assert 'aria-label="Pages of comments"' in nav
    assert '<span aria-current="page">Page 2 of 3</span>' in nav
    assert '<a rel="prev" href="?comments=1#comments">Older comments</a>' in nav
    assert '<a rel="next" href="?comments=3#comments">Newer comments</a>' in nav


def test_one_page_of_comments_has_no_page_links(client, make_story):
    story = make_story()
    add_threads(story, 3)

    assert 'aria-label="Pages of comments"' not in client.get(story.url).content.decode()


def test_newest_first_pages_threads_newest_first_and_keeps_the_order_in_its_links(
    client, make_story
):
    story = make_story()
    threads = add_threads(story, 7)

    first = client.get(story.url + "?comments=newest")
    second = client.get(story.url + "?comments=newest&comments=2")

    assert shown_ids(first) == [pk for thread in threads[6:3:-1] for pk in thread]
    assert shown_ids(second) == [pk for thread in threads[3:0:-1] for pk in thread]
    html = second.content.decode()
    assert 'href="?comments=newest&amp;comments=3#comments">Older comments</a>' in html
    assert 'href="?comments=newest&amp;comments=1#comments">Newer comments</a>' in html


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("?comments=abc", 1),
        ("?comments=%00", 1),
        ("?comments=-1", 1),
        ("?comments=%C2%B2", 1),  # a superscript two: a digit to str.isdigit, not a number
        ("?comments=" + "9" * 5000, 1),
        ("?comments=99999", 3),
        ("?comments=newest&comments=99999", 3),
    ],
)
def test_a_page_number_that_is_not_one_gives_a_page_of_comments(client, make_story, query, page):
    story = make_story()
    add_threads(story, 7)

    html = client.get(story.url + query).content.decode()

    assert f"Page {page} of 3" in html


def test_a_hidden_comment_with_a_shown_reply_keeps_its_placeholder_on_its_page(client, make_story):
    story = make_story()
    threads = add_threads(story, 7)
    XtdComment.norel_objects.filter(pk=threads[4][0]).update(is_public=False)
    # Nothing of this thread is shown: it takes no place on a page.
    XtdComment.norel_objects.filter(thread_id=threads[1][0]).update(is_removed=True)

    first = client.get(story.url)
    second = client.get(story.url + "?comments=2")

    assert shown_ids(first) == [pk for n in (0, 2, 3) for pk in threads[n]]
    assert shown_ids(second) == [pk for n in (4, 5, 6) for pk in threads[n]]
    html = second.content.decode()
    assert f'<li class="comment comment--hidden" id="c{threads[4][0]}">' in html
    assert "Thread 4, level 0" not in html
    assert "Thread 4, level 1" in html
    assert "Page 2 of 2" in html
    assert "17 comments" in html  # 21, less the hidden one and the removed thread


@pytest.mark.parametrize("order", ["oldest", "newest"])
def test_a_page_of_comments_takes_the_same_queries_for_10_and_1000_comments(
    client, make_story, django_assert_num_queries, settings, order
):
    settings.COMMENT_THREADS_PER_PAGE = 25
    small, large = make_story(), make_story()
    add_threads(small, 5, replies=1)
    add_threads(large, 500, replies=1)
    client.get(small.url)  # warm caches (site, content types)

    with CaptureQueriesContext(connection) as small_queries:
        small_page = client.get(small.url + f"?comments={order}")
    with django_assert_num_queries(len(small_queries)):
        large_page = client.get(large.url + f"?comments={order}&comments=7")

    assert len(shown_ids(small_page)) == 10
    assert len(shown_ids(large_page)) == 50
    assert "1,000 comments" in large_page.content.decode() or "1000 comments" in (
        large_page.content.decode()
    )


def test_a_comment_permalink_opens_the_page_holding_its_thread(client, make_story):
    story = make_story()
    threads = add_threads(story, 7)
    deep_reply = XtdComment.objects.get(pk=threads[4][2])

    response = client.get(deep_reply.get_absolute_url(), follow=True)

    assert response.redirect_chain[-1][0] == f"{story.url}?comments=2#c{deep_reply.pk}"
    assert deep_reply.pk in shown_ids(response)


def test_a_permalink_on_the_first_page_or_to_a_comment_not_shown_opens_the_story(
    client, make_story
):
    story, other = make_story(), make_story()
    threads = add_threads(story, 7)
    elsewhere = add_threads(other, 7)[5][0]
    XtdComment.norel_objects.filter(thread_id=threads[6][0]).update(is_removed=True)
    redirect = f"/comments/cr/{ContentType.objects.get_for_model(story).pk}/{story.pk}/"

    assert client.get(f"{redirect}?c={threads[1][1]}")["Location"] == (
        f"{story.url}#c{threads[1][1]}"
    )
    for value in (threads[6][0], elsewhere, "abc", "9" * 40, "%00"):
        assert client.get(f"{redirect}?c={value}")["Location"] == story.url


def test_a_reply_on_the_second_page_returns_its_author_to_that_page(
    client, make_story, post_comment
):
    story = make_story()
    threads = add_threads(story, 7)

    reply, response = post_comment(story, "The same happened to us.", reply_to=threads[3][0])

    assert reply.thread_id == threads[3][0]
    assert response.redirect_chain[-1][0] == f"{story.url}?comments=2#c{reply.pk}"
    assert reply.pk in shown_ids(response)


def test_a_new_comment_returns_its_author_to_the_last_page(client, make_story, post_comment):
    story = make_story()
    add_threads(story, 7)

    comment, response = post_comment(story, "Thank you for writing this.")

    assert response.redirect_chain[-1][0] == f"{story.url}?comments=3#c{comment.pk}"
    assert comment.pk in shown_ids(response)


def test_the_reply_page_links_back_to_the_comment_on_its_page(client, make_story):
    story = make_story()
    threads = add_threads(story, 7)
    comment = XtdComment.objects.get(pk=threads[5][1])

    html = client.get(f"/comments/reply/{threads[5][1]}/").content.decode()

    assert f'href="{comment.get_absolute_url()}"' in html
    assert client.get(comment.get_absolute_url())["Location"].endswith(
        f"?comments=2#c{threads[5][1]}"
    )
