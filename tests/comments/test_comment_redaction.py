"""One-click redaction in the comment queue, and the rule that a comment with a
finding that must not be published as it is needs a written reason to approve."""

import pytest
from bs4 import BeautifulSoup

from comments.models import CommentDecision, Decision, ReviewState

pytestmark = pytest.mark.django_db

QUEUE = "/admin/comments/"
PHONE = "Call me on 555-201-7788 any evening."


def row(client, comment):
    html = client.get(QUEUE).content.decode()
    return BeautifulSoup(html, "html.parser").select_one(f"tr#queue-comment-{comment.pk}")


def redact_button(client, comment):
    """The form and button the queue shows to redact the first finding of ``comment``."""
    cell = row(client, comment)
    button = cell.select_one("button[name=finding]")
    assert button is not None, "no redact button in the queue row"
    form = button.find_parent("form")
    return form["action"], {"comment": form.select_one("input[name=comment]")["value"]}, button


def test_a_moderator_redacts_a_finding_in_one_click_and_it_is_recorded(
    client, story, post_comment, moderator
):
    held, _ = post_comment(story, PHONE)
    client.force_login(moderator)
    action, data, button = redact_button(client, held)
    assert "Redact" in button.get_text()

    response = client.post(action, {**data, "finding": button["value"]}, follow=True)

    assert "Redacted: Phone number" in response.content.decode()
    held.refresh_from_db()
    assert held.comment == "Call me on [phone number] any evening."
    assert held.review.findings == []
    assert not held.is_public  # still waiting for a moderator's decision
    decision = CommentDecision.objects.get()
    assert decision.action == Decision.REDACT and decision.moderator == moderator
    assert "Phone number" in decision.reason
    assert "555-201-7788" not in decision.reason

    client.post(QUEUE + "decide/", {"comment": [held.pk], "action": "approve"})
    held.refresh_from_db()
    assert held.is_public
    client.logout()
    page = client.get(story.url).content.decode()
    assert "Call me on [phone number] any evening." in page and "555-201-7788" not in page


def test_approving_a_comment_with_a_blocking_finding_needs_a_written_reason(
    client, story, post_comment, moderator
):
    held, _ = post_comment(story, PHONE)
    client.force_login(moderator)
    cell = row(client, held)
    assert cell.select_one("[name=override_reason]") is not None

    refused = client.post(
        QUEUE + "decide/", {"comment": [held.pk], "action": "approve"}, follow=True
    )

    assert "must not be published as they are" in refused.content.decode()
    held.refresh_from_db()
    assert not held.is_public and held.review.state == ReviewState.HELD
    assert not CommentDecision.objects.exists()

    client.post(
        QUEUE + "decide/",
        {"comment": [held.pk], "action": "approve", "override_reason": "The clinic switchboard"},
    )

    held.refresh_from_db()
    assert held.is_public
    decision = CommentDecision.objects.get()
    assert decision.override_reason == "The clinic switchboard"
    assert decision.moderator == moderator and decision.decided_at is not None
    assert "The clinic switchboard" in client.get(QUEUE).content.decode()  # recent decisions


def test_a_comment_with_only_review_findings_is_approved_in_one_click(
    client, story, post_comment, moderator
):
    held, _ = post_comment(story, "You are an idiot and a liar.")
    client.force_login(moderator)
    assert row(client, held).select_one("[name=override_reason]") is None

    client.post(QUEUE + "decide/", {"comment": [held.pk], "action": "approve"})

    held.refresh_from_db()
    assert held.is_public


def test_removing_a_comment_with_a_blocking_finding_needs_no_reason(
    client, story, post_comment, moderator
):
    held, _ = post_comment(story, PHONE)
    client.force_login(moderator)

    client.post(QUEUE + "decide/", {"comment": [held.pk], "action": "remove"})

    held.refresh_from_db()
    assert held.is_removed


def test_a_stale_redaction_gets_a_message(client, story, post_comment, moderator):
    held, _ = post_comment(story, PHONE)
    client.force_login(moderator)
    action, data, button = redact_button(client, held)
    client.post(action, {**data, "finding": button["value"]})

    again = client.post(action, {**data, "finding": button["value"]}, follow=True)

    assert again.status_code == 200
    assert "already been redacted" in again.content.decode()
    assert CommentDecision.objects.count() == 1
