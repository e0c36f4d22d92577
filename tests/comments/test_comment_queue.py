import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import reset_queries
from django_comments_xtd.models import XtdComment

from comments.models import CommentDecision, Decision, ReviewState
from moderation.permissions import MODERATORS_GROUP

pytestmark = pytest.mark.django_db

PHONE = "Call me on 555-201-7788 any evening."


def queue_row(html, comment):
    """The text of the queue's row for ``comment`` (the filters are outside it)."""
    row = BeautifulSoup(html, "html.parser").select_one(f"tr#queue-comment-{comment.pk}")
    assert row is not None, f"No row for comment {comment.pk} in the queue"
    return row.get_text(" ", strip=True)


def test_queue_shows_held_comments_with_story_findings_and_spam_verdict(
    client, story, post_comment, moderator
):
    held, _ = post_comment(story, PHONE, email="held.person@example.org")
    post_comment(story, "Great story, thanks for sharing it.")
    client.force_login(moderator)

    response = client.get("/admin/comments/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Comment queue" in html
    assert "The night nurse" in html
    assert 'title="Phone number: Looks like a phone number.">555-201-7788' in html
    row = queue_row(html, held)
    assert "Held by the screen" in row and "The night nurse" in row
    assert "Spam check not done" in html  # no Akismet key in tests
    assert "Great story" not in html  # published, so not in the queue
    assert f'value="{held.pk}"' in html


def test_moderators_group_may_moderate_comments(story_index):
    group = Group.objects.get(name=MODERATORS_GROUP)

    assert group.permissions.filter(
        content_type__app_label="comment_moderation", codename="moderate_comments"
    ).exists()


def test_queue_is_in_the_menu_only_for_those_who_may_moderate(client, story_index, moderator):
    editor = get_user_model().objects.create_user("ed", "ed@example.org", "pw")
    group = Group.objects.create(name="Site editors")
    group.permissions.add(
        *Group.objects.get(name=MODERATORS_GROUP).permissions.exclude(codename="moderate_comments")
    )
    editor.groups.add(group)

    client.force_login(moderator)
    assert "Comment queue" in client.get("/admin/").content.decode()
    client.force_login(editor)
    assert "Comment queue" not in client.get("/admin/").content.decode()
    # Wagtail turns a refusal into a redirect to the dashboard with a message.
    assert client.get("/admin/comments/")["Location"] == "/admin/"
    assert client.post("/admin/comments/decide/", {"action": "approve"})["Location"] == "/admin/"


def test_approval_publishes_and_records_who_and_when(client, story, post_comment, moderator):
    held, _ = post_comment(story, PHONE)
    client.force_login(moderator)

    response = client.post(
        "/admin/comments/decide/",
        {
            "comment": [held.pk],
            "action": "approve",
            "reason": "Checked with the clinic",
            "override_reason": "A clinic switchboard",
        },
        follow=True,
    )

    assert "Approve: 1 comment." in response.content.decode()
    held.refresh_from_db()
    assert held.is_public
    assert held.review.state == ReviewState.APPROVED
    decision = CommentDecision.objects.get()
    assert decision.moderator == moderator
    assert decision.action == Decision.APPROVE
    assert decision.reason == "Checked with the clinic"
    assert decision.override_reason == "A clinic switchboard"
    assert decision.previous_state == ReviewState.HELD
    assert decision.decided_at is not None
    client.logout()
    assert "555-201-7788" in client.get(story.url).content.decode()


def test_bulk_removal_hides_every_selected_comment(client, story, post_comment, moderator):
    first, _ = post_comment(story, PHONE)
    second, _ = post_comment(story, "You are an idiot and a liar.")
    client.force_login(moderator)

    client.post("/admin/comments/decide/", {"comment": [first.pk, second.pk], "action": "remove"})

    assert set(XtdComment.objects.filter(is_removed=True).values_list("pk", flat=True)) == {
        first.pk,
        second.pk,
    }
    assert CommentDecision.objects.filter(action=Decision.REMOVE).count() == 2
    assert "No comments are waiting" in client.get("/admin/comments/").content.decode()


def test_a_decision_without_a_choice_gets_a_message(client, story, post_comment, moderator):
    held, _ = post_comment(story, PHONE)
    client.force_login(moderator)

    response = client.post("/admin/comments/decide/", {"comment": [held.pk]}, follow=True)

    assert "Choose what to do" in response.content.decode()
    held.refresh_from_db()
    assert not held.is_public


def test_approving_a_held_reply_keeps_other_held_replies_hidden(
    client, story, post_comment, moderator
):
    top, _ = post_comment(story, "Great story, thanks for sharing it.")
    held_reply, _ = post_comment(story, PHONE, reply_to=top.pk)
    other_reply, _ = post_comment(story, "You are an idiot and a liar.", reply_to=top.pk)
    client.force_login(moderator)

    client.post(
        "/admin/comments/decide/",
        {"comment": [held_reply.pk], "action": "approve", "override_reason": "A clinic line"},
    )

    client.logout()
    page = client.get(story.url).content.decode()
    assert "555-201-7788" in page
    assert "idiot" not in page
    other_reply.refresh_from_db()
    assert not other_reply.is_public


def test_queue_uses_the_same_queries_for_2_and_for_12_comments(
    client,
    story,
    post_comment,
    moderator,
    django_assert_max_num_queries,
    django_assert_num_queries,
    settings,
):
    settings.COMMENT_RATE = "100/m"
    for number in range(2):
        post_comment(story, f"Call me on 555-201-77{number:02d} any evening.")
    client.force_login(moderator)
    client.get("/admin/comments/")
    reset_queries()  # a full query log would hide what is measured
    with django_assert_max_num_queries(20) as two:
        client.get("/admin/comments/")
    queries_for_two = len(two)

    for number in range(2, 12):
        post_comment(story, f"Call me on 555-201-77{number:02d} any evening.")
    client.force_login(moderator)
    client.get("/admin/comments/")
    reset_queries()
    with django_assert_num_queries(queries_for_two):
        response = client.get("/admin/comments/")

    assert response.content.decode().count('<tr id="queue-comment-') == 12


def test_dashboard_counts_comments_waiting(client, story, post_comment, moderator):
    post_comment(story, PHONE)
    client.force_login(moderator)

    html = client.get("/admin/").content.decode()

    assert "1 comment is waiting for a moderator." in html
