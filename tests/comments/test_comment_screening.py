import pytest
from django.core import mail
from django_comments_xtd.models import XtdComment

from comments.models import ReviewState
from tests.comments.conftest import CONFIRM_LINK

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Call me on 555-201-7788 any evening.", "phone"),
        ("My record number is MRN 4482913, ask them.", "id_number"),
        ("You are an idiot and a liar.", "abuse"),
        ("Buy cheap supplements at our shop, discount code CARE20!", "promotion"),
        ("I want to end my life tonight.", "crisis"),
    ],
)
def test_comment_the_screen_flags_is_held_and_not_public(
    client, story, post_comment, text, category
):
    comment, response = post_comment(story, text)

    assert not comment.is_public
    assert comment.review.state == ReviewState.HELD
    assert category in comment.review.held_for
    assert "awaits moderation" in response.content.decode()
    assert text not in client.get(story.url).content.decode()


def test_author_of_a_crisis_comment_is_shown_where_to_get_help(story, post_comment):
    _comment, response = post_comment(story, "I want to end my life tonight.")

    assert "988" in response.content.decode()


def test_crisis_commenter_sees_help_at_once_before_confirming_by_email(story, post_comment):
    _comment, response = post_comment(story, "I want to end my life tonight.", confirm=False)

    html = response.content.decode()
    assert "Please confirm your comment" in html
    assert "If you are thinking about harming yourself" in html  # the site's crisis resources
    assert "988" in html and "911" in html


def test_crisis_help_follows_the_sites_crisis_resources_setting(story, post_comment):
    from django.apps import apps
    from wagtail.models import Site

    resources = apps.get_model("stories", "CrisisResources").for_site(Site.objects.get())
    resources.heading = "Talk to someone now"
    resources.text = "<p>Call Samaritans on <strong>116 123</strong>.</p>"
    resources.save()

    _comment, response = post_comment(story, "I want to end my life tonight.", confirm=False)

    html = response.content.decode()
    assert "Talk to someone now" in html and "116 123" in html


def test_a_reader_whose_comment_is_not_in_crisis_sees_no_crisis_help(story, post_comment):
    _comment, response = post_comment(story, "Thank you for writing this.", confirm=False)

    html = response.content.decode()
    assert "Please confirm your comment" in html
    assert "If you are thinking about harming yourself" not in html


def test_a_forged_help_link_shows_the_ordinary_page(client, story, post_comment):
    _comment, response = post_comment(story, "Thank you for writing this.", confirm=False)
    sent = response.redirect_chain[-1][0]

    forged = client.get(sent + "&help=forged")

    assert "Please confirm your comment" in forged.content.decode()
    assert "If you are thinking about harming yourself" not in forged.content.decode()


def test_moderators_are_mailed_at_once_about_a_crisis_comment(story, post_comment, moderator):
    text = "I can't do this anymore. I want to end my life tonight."

    post_comment(story, text, confirm=False)

    urgent = [m for m in mail.outbox if m.subject.startswith("URGENT")]
    assert len(urgent) == 1
    assert urgent[0].to == [moderator.email]
    assert story.title in urgent[0].subject
    assert text in urgent[0].body and "/admin/comments/" in urgent[0].body


def test_moderators_are_not_mailed_about_an_ordinary_held_comment(story, post_comment, moderator):
    post_comment(story, "Call me on 555-201-7788 any evening.")

    assert not [m for m in mail.outbox if m.subject.startswith("URGENT")]


def test_a_lone_first_name_publishes(client, story, post_comment):
    comment, _ = post_comment(story, "Thank you Maria, the nurses were kind.")

    assert comment.is_public
    assert comment.review.state == ReviewState.PUBLISHED
    assert [f["category"] for f in comment.review.findings] == ["name"]
    assert "Thank you Maria" in client.get(story.url).content.decode()


def test_a_lone_first_name_is_held_when_the_setting_is_off(story, post_comment, settings):
    settings.COMMENTS_PUBLISH_FIRST_NAMES = False

    comment, _ = post_comment(story, "Thank you Maria, the nurses were kind.")

    assert not comment.is_public
    assert comment.review.held_for == ["name"]


def test_a_full_name_is_held(story, post_comment):
    comment, _ = post_comment(story, "My name is Maria Lopez and I was there too.")

    assert not comment.is_public


def test_a_plain_kind_comment_publishes_at_once(story, post_comment):
    comment, _ = post_comment(story, "Great story, thanks for sharing it.")

    assert comment.is_public
    assert comment.review.findings == []
    assert XtdComment.objects.filter(is_public=True).count() == 1


@pytest.fixture
def database_tasks(settings):
    """django-tasks' database backend, as in production: tasks wait in a table."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    def run_queued():
        for row in DBTaskResult.objects.order_by("enqueued_at"):
            row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])

    return DBTaskResult, run_queued


def test_the_crisis_alert_is_queued_with_ids_only(story, post_comment, moderator, database_tasks):
    DBTaskResult, run_queued = database_tasks
    text = "I can't do this anymore. I want to end my life tonight."

    post_comment(story, text, email="quiet.reader@example.org", confirm=False)

    queued = DBTaskResult.objects.filter(task_path__endswith="notify_moderators_of_crisis_comment")
    assert queued.count() == 1
    stored = str(queued.get().args_kwargs)
    assert "end my life" not in stored and "quiet.reader" not in stored
    run_queued()  # what the worker does
    urgent = [m for m in mail.outbox if m.subject.startswith("URGENT")]
    assert len(urgent) == 1
    assert text in urgent[0].body and "quiet.reader@example.org" in urgent[0].body
    assert story.title in urgent[0].subject


def test_the_crisis_alert_of_a_confirmed_comment_reads_the_saved_comment(
    client, story, post_comment, moderator, database_tasks
):
    DBTaskResult, run_queued = database_tasks
    post_comment(story, "My first comment.", email="quiet.reader@example.org", confirm=False)
    run_queued()  # the confirmation mail
    link = CONFIRM_LINK.search(mail.outbox[-1].body).group()
    client.get(link.split("testserver", 1)[1])
    DBTaskResult.objects.all().delete()

    comment, _ = post_comment(
        story, "I want to end my life tonight.", email="quiet.reader@example.org", confirm=False
    )

    assert comment is not None  # this browser had confirmed the address before
    assert "end my life" not in str(list(DBTaskResult.objects.values("args_kwargs")))
    run_queued()
    urgent = [m for m in mail.outbox if m.subject.startswith("URGENT")]
    assert len(urgent) == 1 and "I want to end my life tonight." in urgent[0].body


def test_once_the_alert_has_gone_and_when_the_story_is_erased_no_review_keeps_the_words(
    story, post_comment, moderator, database_tasks
):
    from comments.models import CommentReview
    from comments.services import erase_comments_on

    _DBTaskResult, run_queued = database_tasks
    post_comment(story, "I want to end my life tonight.", email="a@example.org", confirm=False)
    post_comment(story, "I want to end my life tonight.", email="b@example.org", confirm=False)
    assert CommentReview.objects.exclude(pending_text="").count() == 2

    run_queued()
    assert not CommentReview.objects.exclude(pending_text="").exists()

    post_comment(story, "I want to end it all tonight.", email="c@example.org", confirm=False)
    erase_comments_on(story)
    assert not CommentReview.objects.exists()
