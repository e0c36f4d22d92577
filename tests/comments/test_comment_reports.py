import pytest
from django.core import mail
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
    hidden = client.get(story.url).content.decode()
    assert TEXT not in hidden and "This comment is hidden" in hidden
    assert "A reply to it." in hidden

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


def queue_row_text(client, comment):
    from bs4 import BeautifulSoup

    html = client.get("/admin/comments/").content.decode()
    row = BeautifulSoup(html, "html.parser").select_one(f"tr#queue-comment-{comment.pk}")
    return row.get_text(" ", strip=True) if row is not None else None


def test_one_report_puts_the_comment_in_the_queue_with_its_reason_and_leaves_it_shown(
    client, story, post_comment, settings, moderator
):
    settings.COMMENT_REPORT_THRESHOLD = 3
    comment, _ = post_comment(story, TEXT)

    response = client.post(
        f"/comments/report/{comment.pk}/", {"reason": "abusive"}, REMOTE_ADDR="198.51.100.1"
    )

    assert response.status_code == 302
    assert comment.reports.get().reason == "abusive"
    assert TEXT in client.get(story.url).content.decode()
    client.force_login(moderator)
    row = queue_row_text(client, comment)
    assert row is not None, "a reported comment is not in the queue"
    assert "Reported" in row and "It is abusive or unkind" in row
    html = client.get("/admin/comments/?state=flagged").content.decode()
    assert f"queue-comment-{comment.pk}" in html
    assert "Reported (1)" in html


def test_a_danger_report_alerts_the_moderators_at_once(
    client, story, post_comment, settings, moderator, django_capture_on_commit_callbacks
):
    settings.COMMENT_REPORT_THRESHOLD = 1
    comment, _ = post_comment(story, TEXT, email="commenter@example.org")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/comments/report/{comment.pk}/",
            {"reason": "unsafe"},
            REMOTE_ADDR="198.51.100.1",
            follow=True,
        )

    assert "told our moderators at once" in response.content.decode()
    urgent = [m for m in mail.outbox if m.subject.startswith("URGENT")]
    assert len(urgent) == 1
    assert urgent[0].to == [moderator.email]
    assert "Someone may be in danger" in urgent[0].body
    assert TEXT in urgent[0].body and "/admin/comments/" in urgent[0].body
    assert story.title in urgent[0].subject
    comment.refresh_from_db()
    assert comment.is_public  # a danger report alerts; it does not hide the comment
    client.force_login(moderator)
    row = queue_row_text(client, comment)
    assert row is not None and "Someone may be in danger" in row


def test_a_signed_in_readers_report_keeps_its_reason(
    client, story, post_comment, django_user_model, moderator
):
    comment, _ = post_comment(story, TEXT)
    reader = django_user_model.objects.create_user("reader", "r@example.org", "pw")
    client.force_login(reader)

    client.post(f"/comments/report/{comment.pk}/", {"reason": "personal"})

    assert comment.reports.get().reason == "personal"
    client.force_login(moderator)
    assert "It shares someone's personal details" in queue_row_text(client, comment)


def test_approving_a_reported_comment_takes_it_out_of_the_queue(
    client, story, post_comment, moderator
):
    comment, _ = post_comment(story, TEXT)
    report_from(client, comment, "198.51.100.1")
    client.force_login(moderator)

    client.post("/admin/comments/decide/", {"comment": [comment.pk], "action": "approve"})

    assert queue_row_text(client, comment) is None
    comment.refresh_from_db()
    assert comment.is_public


def test_replies_to_a_removed_comment_stay_under_a_placeholder(
    client, story, post_comment, moderator
):
    parent, _ = post_comment(story, "Something a moderator will remove.")
    reply, _ = post_comment(story, "An innocent reply.", reply_to=parent.pk, name="Lee")
    answer, _ = post_comment(story, "An answer to the reply.", reply_to=reply.pk, name="Kim")
    held, _ = post_comment(story, "Call me on 555-201-7788.", reply_to=parent.pk)
    client.force_login(moderator)
    client.post("/admin/comments/decide/", {"comment": [parent.pk], "action": "remove"})
    client.logout()

    html = client.get(story.url).content.decode()

    assert "Something a moderator will remove." not in html
    placeholder = html.index("This comment is hidden")
    assert placeholder < html.index("An innocent reply.") < html.index("An answer to the reply.")
    assert "555-201-7788" not in html  # a held reply stays hidden
    assert "2 comments" in html
    assert f'href="/comments/report/{parent.pk}/"' not in html
    assert f'href="/comments/reply/{reply.pk}/"' in html


def test_a_hidden_comment_without_shown_replies_leaves_no_placeholder(
    client, story, post_comment, moderator
):
    parent, _ = post_comment(story, "Something a moderator will remove.")
    client.force_login(moderator)
    client.post("/admin/comments/decide/", {"comment": [parent.pk], "action": "remove"})
    client.logout()

    html = client.get(story.url).content.decode()

    assert "This comment is hidden" not in html
    assert "No comments yet" in html


def test_reporting_a_comment_on_an_erased_story_answers_not_found(client, story, post_comment):
    from comments.services import erase_comments_on

    comment, _ = post_comment(story, TEXT)
    erase_comments_on(story)

    page = client.get(f"/comments/report/{comment.pk}/")
    sent = client.post(f"/comments/report/{comment.pk}/", {"reason": "unsafe"})

    assert page.status_code == 404 and sent.status_code == 404
    assert TEXT not in page.content.decode() and TEXT not in sent.content.decode()
