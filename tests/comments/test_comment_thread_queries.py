import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_comments_xtd.models import XtdComment

from comments.models import CommentReview, ReviewState
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


def add_comments(story, count):
    """``count`` published comments: every third one a reply, every ninth a reply to a reply."""
    made = []
    for number in range(count):
        parent = 0
        if number % 3 and made:
            parent = made[-1].pk if made[-1].level < 2 else made[-1].parent_id
        made.append(CommentFactory(target=story, parent_id=parent))
    assert CommentReview.objects.filter(state=ReviewState.PUBLISHED).count() >= count
    return made


@pytest.mark.parametrize("order", ["oldest", "newest"])
def test_thread_renders_in_the_same_number_of_queries_for_5_and_200_comments(
    client, make_story, django_assert_num_queries, settings, order
):
    settings.COMMENT_THREADS_PER_PAGE = 100  # every thread on one page
    small, large = make_story(), make_story()
    add_comments(small, 5)
    add_comments(large, 200)
    client.get(small.url)  # warm caches (site, content types)

    with CaptureQueriesContext(connection) as small_queries:
        small_page = client.get(small.url + f"?comments={order}")
    with django_assert_num_queries(len(small_queries)):
        large_page = client.get(large.url + f"?comments={order}")

    assert small_page.content.decode().count('class="comment"') == 5
    assert large_page.content.decode().count('class="comment"') == 200
    assert "comment-list--replies" in large_page.content.decode()


def test_a_thread_with_hidden_parents_renders_in_the_same_number_of_queries(
    client, make_story, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the pages as they are made, not from the page cache
    small, large = make_story(), make_story()
    for story, count in ((small, 6), (large, 120)):
        made = add_comments(story, count)
        parents = [c.pk for c in made if c.level == 0][::2]
        XtdComment.norel_objects.filter(pk__in=parents).update(is_public=False)
        CommentReview.objects.filter(comment_id__in=parents).update(state=ReviewState.REPORTED)
    client.get(small.url)

    with CaptureQueriesContext(connection) as small_queries:
        small_page = client.get(small.url)
    with django_assert_num_queries(len(small_queries)):
        large_page = client.get(large.url)

    assert "This comment is hidden" in small_page.content.decode()
    assert "This comment is hidden" in large_page.content.decode()


def test_story_cards_show_comment_counts_in_a_fixed_number_of_queries(
    client, story_index, make_story, django_assert_max_num_queries
):
    quiet = make_story(title="A quiet story")
    busy = make_story(title="A busy story")
    add_comments(busy, 4)
    hidden = add_comments(busy, 1)[0]
    XtdComment.norel_objects.filter(pk=hidden.pk).update(is_public=False)
    for _ in range(10):
        make_story()

    with django_assert_max_num_queries(25):
        html = client.get(story_index.url).content.decode()

    assert "4 comments" in html
    card = html[html.index("A quiet story") :]
    assert "comment" not in card[: card.index("</article>")]
    assert quiet.title in html
