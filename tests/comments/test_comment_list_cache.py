"""A page of a story's threads is rendered once and kept (``threads.render_comment_list``);
every change to the story's comments shows on the next read all the same.

Each test reads the story page before the change (which stores its threads) and
after it. The full-page cache for anonymous readers is off, so that what is
checked is the threads as the page is made."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from comments import services
from comments.actions import ModerateComments
from comments.models import CommentReview, Decision
from comments.threads import COMMENT_LIST_KEY_PREFIX
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db

COMMENT_TEMPLATE = "comment_moderation/includes/comment.html"
PHONE = "Call me on 555-201-7788 any evening."


@pytest.fixture(autouse=True)
def pages_as_made(settings):
    settings.PAGE_CACHE_SECONDS = 0


def read(client, story, query=""):
    response = client.get(story.url + query)
    assert response.status_code == 200
    return response


def threads(response):
    """The page's list of threads, as HTML."""
    html = response.content.decode()
    return html[html.index('<ol class="comment-list">') : html.index('id="comment-form-heading"')]


def comments_rendered(response):
    """How many times the comment template was rendered for this response."""
    return sum(template.name == COMMENT_TEMPLATE for template in response.templates)


def test_a_page_of_threads_read_again_unchanged_is_not_rendered_again(client, story):
    for number in range(3):
        CommentFactory(target=story, comment=f"Thank you, number {number}.")

    first = read(client, story)
    second = read(Client(), story)

    assert comments_rendered(first) == 3
    assert comments_rendered(second) == 0
    assert threads(second) == threads(first)


def test_a_page_of_threads_is_kept_compressed(story, settings):
    """Kept pages of threads share the cache with every other page of every story:
    each is kept in a fraction of its HTML's size."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    for number in range(25):
        CommentFactory(target=story, comment=f"Thank you all for the care on ward {number}. " * 3)

    html = threads(read(Client(), story))

    from django.core.cache import cache

    kept = [
        len(value)
        for key, value in cache._cache.items()  # LocMemCache's pickled entries
        if COMMENT_LIST_KEY_PREFIX in key
    ]
    assert len(kept) == 1
    assert kept[0] < len(html.encode()) / 3
    assert threads(read(Client(), story)) == html


def test_a_new_comment_shows_on_the_next_read(client, story, post_comment):
    CommentFactory(target=story, comment="The first word on it.")
    read(client, story)

    posted, _response = post_comment(story, "The night staff were so kind to us.")

    assert posted.is_public
    html = read(Client(), story).content.decode()
    assert "The night staff were so kind to us." in html
    assert "2 comments" in html


def test_a_comment_a_moderator_approves_shows_on_the_next_read(
    client, story, post_comment, moderator
):
    CommentFactory(target=story, comment="The first word on it.")
    held, _response = post_comment(story, PHONE)
    assert not held.is_public
    assert "555-201-7788" not in read(Client(), story).content.decode()

    ModerateComments(
        [held], user=moderator, action=Decision.APPROVE, override_reason="A clinic switchboard"
    ).execute()

    assert "555-201-7788" in read(Client(), story).content.decode()


def test_a_comment_a_moderator_removes_is_gone_on_the_next_read(story, moderator):
    kept = CommentFactory(target=story, comment="This one stays.")
    removed = CommentFactory(target=story, comment="This one goes.")
    assert "This one goes." in read(Client(), story).content.decode()

    ModerateComments([removed], user=moderator, action=Decision.REMOVE).execute()

    html = read(Client(), story).content.decode()
    assert "This one goes." not in html
    assert f'id="c{kept.pk}"' in html


def test_a_removed_parent_becomes_a_placeholder_over_its_replies(story, moderator):
    parent = CommentFactory(target=story, comment="The parent.")
    CommentFactory(target=story, parent_id=parent.pk, comment="The reply.")
    assert "This comment is hidden" not in read(Client(), story).content.decode()

    ModerateComments([parent], user=moderator, action=Decision.REMOVE).execute()

    html = read(Client(), story).content.decode()
    assert "The parent." not in html
    assert "This comment is hidden" in html
    assert "The reply." in html


def test_a_comment_hidden_after_reports_is_gone_on_the_next_read(story, settings):
    settings.COMMENT_REPORT_THRESHOLD = 1
    reported = CommentFactory(target=story, comment="Something unkind.")
    assert "Something unkind." in read(Client(), story).content.decode()

    services.report_comment(reported, reporter="a-reader", reason="Unkind")

    assert "Something unkind." not in read(Client(), story).content.decode()


def test_an_edit_by_its_author_shows_on_the_next_read(
    client, story, post_comment, django_capture_on_commit_callbacks
):
    posted, _response = post_comment(story, "The night staff were kind.")
    reader = Client()
    assert "The night staff were kind." in read(reader, story).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/comments/edit/{posted.pk}/", {"comment": "The night staff were kinder."})

    html = read(reader, story).content.decode()
    assert "The night staff were kinder." in html
    assert "The night staff were kind." not in html


def test_a_comment_its_author_withdraws_is_gone_on_the_next_read(client, story, post_comment):
    posted, _response = post_comment(story, "Something I should not have said.", name="Quillon")
    reader = Client()
    assert "Something I should not have said." in read(reader, story).content.decode()

    client.post(f"/comments/delete/{posted.pk}/")

    html = read(reader, story).content.decode()
    assert "Something I should not have said." not in html
    assert "Quillon" not in html


def test_comments_erased_with_their_story_are_gone_on_the_next_read(story):
    CommentFactory(target=story, comment="Gone with the story.")
    assert "Gone with the story." in read(Client(), story).content.decode()

    services.erase_comments_on(story)

    html = read(Client(), story).content.decode()
    assert "Gone with the story." not in html
    assert "No comments yet." in html


def test_a_change_made_straight_in_the_table_shows_on_the_next_read(story):
    """Nothing has to be told of a change: the stored threads are found by what they
    show, so even an ``update()`` no signal hears of makes another page of threads."""
    comment = CommentFactory(target=story, user_name="Sam", comment="Before.")
    assert "Before." in read(Client(), story).content.decode()

    XtdComment.norel_objects.filter(pk=comment.pk).update(user_name="Alex", comment="After.")
    CommentReview.objects.filter(comment=comment).update(by_staff=True, staff_role="Ward nurse")

    html = read(Client(), story).content.decode()
    assert "After." in html and "Before." not in html
    assert "Alex, Ward nurse" in html


def test_the_authors_controls_are_theirs_alone(client, story, post_comment):
    """The author's Edit and Delete links are in their threads only, whoever reads first."""
    posted, _response = post_comment(story, "The night staff were so kind to us.")
    edit_link = f"/comments/edit/{posted.pk}/"

    assert edit_link in read(client, story).content.decode()
    assert edit_link not in read(Client(), story).content.decode()
    assert edit_link in read(client, story).content.decode()


def test_the_authors_controls_go_when_the_edit_window_ends(client, story, post_comment, settings):
    posted, _response = post_comment(story, "The night staff were so kind to us.")
    edit_link = f"/comments/edit/{posted.pk}/"
    assert edit_link in read(client, story).content.decode()

    CommentReview.objects.filter(comment=posted).update(
        saved_at=timezone.now() - timezone.timedelta(minutes=settings.COMMENT_EDIT_MINUTES + 1)
    )

    html = read(client, story).content.decode()
    assert edit_link not in html
    assert "The night staff were so kind to us." in html


def test_each_language_gets_its_own_threads(story):
    CommentFactory(target=story, comment="Thank you.")
    english = read(Client(headers={"accept-language": "en"}), story).content.decode()

    spanish = read(Client(headers={"accept-language": "es"}), story).content.decode()

    assert ">Reply<" in english
    assert ">Reply<" not in spanish
    assert ">Responder<" in spanish


def test_each_order_and_page_of_threads_is_its_own(story, settings):
    settings.COMMENT_THREADS_PER_PAGE = 2
    made = [CommentFactory(target=story, comment=f"Thread {number}.") for number in range(3)]

    oldest = read(Client(), story).content.decode()
    newest = read(Client(), story, "?comments=newest").content.decode()
    second = read(Client(), story, "?comments=2").content.decode()

    assert f'id="c{made[0].pk}"' in oldest and f'id="c{made[2].pk}"' not in oldest
    assert f'id="c{made[2].pk}"' in newest and f'id="c{made[0].pk}"' not in newest
    assert f'id="c{made[2].pk}"' in second and f'id="c{made[0].pk}"' not in second


def test_with_the_cache_off_the_threads_are_rendered_on_every_read(story, settings):
    settings.COMMENT_LIST_CACHE_SECONDS = 0
    CommentFactory(target=story, comment="Thank you.")

    first = read(Client(), story)
    second = read(Client(), story)

    assert comments_rendered(first) == comments_rendered(second) == 1
    assert threads(second) == threads(first)


def test_kept_threads_cost_no_query_more_than_threads_made_afresh(story, django_assert_num_queries):
    for number in range(5):
        CommentFactory(target=story, comment=f"Thank you, number {number}.")
    reader = Client()
    read(reader, story)  # warm the site and content type caches, as any server would
    CommentFactory(target=story, comment="One more, so that the threads are made again.")

    with CaptureQueriesContext(connection) as made:
        assert comments_rendered(read(reader, story)) == 6
    with django_assert_num_queries(len(made)):
        assert comments_rendered(read(reader, story)) == 0
