import pytest
from django_comments.models import CommentFlag

from comments.models import ReviewState

pytestmark = pytest.mark.django_db

TEXT = "Great story, thanks for sharing it."


def report_from(client, comment, address):
    return client.post(
        f"/comments/report/{comment.pk}/", {"reason": "abusive"}, REMOTE_ADDR=address
    )


def test_reports_hide_a_comment_at_the_threshold(client, story, post_comment, settings):
    settings.COMMENT_REPORT_THRESHOLD = 3
    comment, _ = post_comment(story, TEXT)

    assert report_from(client, comment, "198.51.100.1").status_code == 302
    report_from(client, comment, "198.51.100.2")
    comment.refresh_from_db()
    assert comment.is_public
    assert TEXT in client.get(story.url).content.decode()

    report_from(client, comment, "198.51.100.3")

    comment.refresh_from_db()
    assert not comment.is_public
    assert comment.review.state == ReviewState.REPORTED
    assert TEXT not in client.get(story.url).content.decode()


def test_the_same_reader_counts_once(client, story, post_comment, settings):
    settings.COMMENT_REPORT_THRESHOLD = 2
    comment, _ = post_comment(story, TEXT)

    for _ in range(3):
        report_from(client, comment, "198.51.100.1")

    comment.refresh_from_db()
    assert comment.is_public
    assert comment.reports.count() == 1


def test_report_page_thanks_the_reader(client, story, post_comment):
    comment, _ = post_comment(story, TEXT)

    form = client.get(f"/comments/report/{comment.pk}/")
    response = client.post(f"/comments/report/{comment.pk}/", {}, follow=True)

    assert "Report this comment" in form.content.decode()
    assert "Thank you for telling us" in response.content.decode()


def test_signed_in_flags_count_towards_the_threshold(
    client, story, post_comment, settings, django_user_model
):
    settings.COMMENT_REPORT_THRESHOLD = 2
    comment, _ = post_comment(story, TEXT)
    report_from(client, comment, "198.51.100.1")
    reader = django_user_model.objects.create_user("reader", "r@example.org", "pw")
    client.force_login(reader)

    client.post(f"/comments/flag/{comment.pk}/")  # comments-xtd's own flagging

    assert CommentFlag.objects.filter(comment=comment).count() == 1
    comment.refresh_from_db()
    assert not comment.is_public


def test_a_moderator_can_put_a_reported_comment_back(
    client, story, post_comment, settings, moderator
):
    settings.COMMENT_REPORT_THRESHOLD = 1
    comment, _ = post_comment(story, TEXT)
    reply, _ = post_comment(story, "A reply to it.", reply_to=comment.pk)
    report_from(client, comment, "198.51.100.1")
    assert "A reply to it." not in client.get(story.url).content.decode()

    client.force_login(moderator)
    queue = client.get("/admin/comments/").content.decode()
    assert "Hidden after reports" in queue and "Reported by 1 reader" in queue
    client.post("/admin/comments/decide/", {"comment": [comment.pk], "action": "approve"})

    client.logout()
    page = client.get(story.url).content.decode()
    assert TEXT in page and "A reply to it." in page
    report_from(client, comment, "198.51.100.1")  # an old report does not count again
    comment.refresh_from_db()
    assert comment.is_public


def test_reports_are_rate_limited(client, story, post_comment, settings):
    settings.COMMENT_REPORT_RATE = "1/m"
    comment, _ = post_comment(story, TEXT)
    report_from(client, comment, "198.51.100.1")

    response = report_from(client, comment, "198.51.100.1")

    assert response.status_code == 429
    assert "Please wait a little" in response.content.decode()
