"""Akismet on stories, through the akismet package's own test clients."""

import pytest

from moderation.models import ScreeningReport
from tests.factories import CLEAN_STORY
from tests.factories import story_form_data as story_data
from tests.moderation.test_story_queue import queue_row

pytestmark = pytest.mark.django_db


def report_of(submission):
    return ScreeningReport.objects.filter(page_id=submission.story_id).latest("pk")


def test_spam_verdict_marks_the_story_as_likely_spam_in_the_queue(
    submit, moderator_client, akismet_spam
):
    submission = submit()

    assert report_of(submission).spam_verdict == "spam"
    assert any(path.endswith("comment-check") for path, _data in akismet_spam)
    sent = next(data for path, data in akismet_spam if path.endswith("comment-check"))
    assert sent["comment_type"] == "blog-post"
    html = moderator_client.get("/admin/story-queue/?spam=1").content.decode()
    assert "Likely spam" in queue_row(html, submission.story.title)


def sent_to_akismet(requests, endpoint):
    return [data for path, data in requests if path.endswith(endpoint)]


def test_by_default_akismet_is_told_how_a_story_was_sent_not_what_it_says(
    submit, moderator_client, akismet_ham
):
    submission = submit(name="Marta Lindqvist", email="marta.private@example.org")
    moderator_client.post(f"/admin/story-queue/{submission.story_id}/spam/", {"verdict": "spam"})

    for sent in sent_to_akismet(akismet_ham, "comment-check") + sent_to_akismet(
        akismet_ham, "submit-spam"
    ):
        assert sent["comment_type"] == "blog-post"
        assert sent["comment_date_gmt"].startswith(str(submission.created_at.year))
        assert {"comment_content", "comment_author", "comment_author_email"}.isdisjoint(sent)
        everything = repr(sent)
        assert "marta" not in everything.lower()
        assert CLEAN_STORY.split("\n")[0][:40] not in everything
        assert submission.story.title not in everything
    assert len(sent_to_akismet(akismet_ham, "submit-spam")) == 1


def test_with_full_content_akismet_is_told_the_story_and_its_authors_details(
    submit, settings, akismet_ham
):
    settings.AKISMET_STORY_CONTENT = "full"
    submission = submit(name="Marta Lindqvist", email="marta.private@example.org")

    (sent,) = sent_to_akismet(akismet_ham, "comment-check")
    assert CLEAN_STORY.split("\n")[0] in sent["comment_content"]
    assert sent["comment_content"].startswith(submission.story.title)
    assert sent["comment_author"] == "Marta Lindqvist"
    assert sent["comment_author_email"] == "marta.private@example.org"


def test_ham_verdict_is_recorded(submit, akismet_ham):
    assert report_of(submit()).spam_verdict == "ham"


def test_unreachable_akismet_still_reaches_moderators_saying_the_check_was_not_done(
    submit, moderator_client, akismet_unreachable
):
    submission = submit()

    assert report_of(submission).spam_verdict == "unchecked"
    html = moderator_client.get("/admin/story-queue/").content.decode()
    assert "Spam check not done" in queue_row(html, submission.story.title)


def test_without_an_api_key_the_check_is_reported_as_not_done(submit, settings):
    settings.AKISMET_API_KEY = ""
    assert report_of(submit()).spam_verdict == "unchecked"


def test_moderator_marking_spam_sends_submit_spam(submit, moderator_client, akismet_ham):
    submission = submit()
    akismet_ham.clear()

    moderator_client.post(f"/admin/story-queue/{submission.story_id}/spam/", {"verdict": "spam"})

    assert report_of(submission).spam_verdict == "spam"
    assert [path for path, _data in akismet_ham] == ["/1.1/submit-spam"]


def test_moderator_marking_not_spam_sends_submit_ham(submit, moderator_client, akismet_spam):
    submission = submit()
    akismet_spam.clear()

    moderator_client.post(f"/admin/story-queue/{submission.story_id}/spam/", {"verdict": "ham"})

    assert report_of(submission).spam_verdict == "ham"
    assert [path for path, _data in akismet_spam] == ["/1.1/submit-ham"]


@pytest.mark.django_db(transaction=True)
def test_akismet_is_told_the_submitters_ip_address(committed_site, client, settings, akismet_ham):
    """In autocommit, as in production: the IP reaches Akismet before it is forgotten."""
    settings.SUBMISSION_RATE = "100/h"

    response = client.post("/share/", story_data(), REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 302
    checks = [data for path, data in akismet_ham if path.endswith("comment-check")]
    assert [data["user_ip"] for data in checks] == ["203.0.113.7"]


def test_without_an_api_key_a_moderators_verdict_does_not_claim_akismet_is_told(
    submit, moderator_client, settings
):
    settings.AKISMET_API_KEY = ""
    submission = submit()

    response = moderator_client.post(
        f"/admin/story-queue/{submission.story_id}/spam/", {"verdict": "spam"}, follow=True
    )

    messages = [str(message) for message in response.context["messages"]]
    assert messages == ["Marked as spam. (Akismet is not set up, so it is not told.)"]
    assert report_of(submission).spam_verdict == "spam"


def test_a_story_nobody_submitted_is_not_waiting_for_a_spam_check(make_story, moderator_client):
    story = make_story(title="Written by the editors")

    assert ScreeningReport.objects.get(revision=story.latest_revision).spam_verdict == "unchecked"
    review = moderator_client.get(f"/admin/story-queue/{story.pk}/").content.decode()
    spam_line = review[review.index('class="story-review__spam"') :].split("</p>", 1)[0]
    assert "Spam check not done" in spam_line


def test_a_spam_check_that_never_ends_is_recorded_as_not_checked_after_an_hour(
    submit, moderator_client, database_worker, akismet_ham
):
    """Its task lost, or the worker killed while it ran: the story would say
    "Checking" for ever."""
    from datetime import timedelta
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    stuck = submit(title="The check that never ended")
    recent = submit(title="The check still running", email="another@example.org")
    assert report_of(stuck).spam_verdict == "pending"  # the worker has not run
    ScreeningReport.objects.filter(pk=report_of(stuck).pk).update(
        created_at=timezone.now() - timedelta(minutes=61)
    )
    out = StringIO()

    call_command("run_scheduled_jobs", stdout=out)

    assert "expire_pending_spam_checks: ok" in out.getvalue()
    assert report_of(stuck).spam_verdict == "unchecked"
    assert report_of(recent).spam_verdict == "pending"
    html = moderator_client.get("/admin/story-queue/").content.decode()
    assert "Spam check not done" in queue_row(html, stuck.story.title)

    database_worker()  # the worker back: the checks run, and Akismet's verdict is kept
    assert report_of(stuck).spam_verdict == report_of(recent).spam_verdict == "ham"


def approve(moderator_client, submission, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return moderator_client.post(
            f"/admin/story-queue/{submission.story_id}/decide/", {"action": "approve"}, follow=True
        )


WAIT_FOR_THE_CHECK = "The spam check has not finished; try again in a minute."


def test_a_story_is_not_approved_while_its_spam_check_is_still_running(
    submit, moderator_client, database_worker, akismet_ham, django_capture_on_commit_callbacks
):
    submission = submit()
    assert report_of(submission).spam_verdict == "pending"  # the worker has not run
    review = moderator_client.get(f"/admin/story-queue/{submission.story_id}/")
    assert WAIT_FOR_THE_CHECK in review.content.decode()

    response = approve(moderator_client, submission, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [WAIT_FOR_THE_CHECK]
    submission.story.refresh_from_db()
    assert not submission.story.live

    database_worker()  # Akismet answers: the story can be approved
    assert (
        WAIT_FOR_THE_CHECK
        not in moderator_client.get(f"/admin/story-queue/{submission.story_id}/").content.decode()
    )
    approve(moderator_client, submission, django_capture_on_commit_callbacks)
    submission.story.refresh_from_db()
    assert submission.story.live


def test_wagtails_own_approve_button_waits_for_the_spam_check_too(
    submit, moderator_client, database_worker, akismet_ham
):
    from wagtail.models import TaskState

    submission = submit()
    task_state = TaskState.objects.get(status="in_progress")

    response = moderator_client.post(
        f"/admin/pages/workflow/action/{submission.story_id}/approve/{task_state.pk}/", {}
    )

    assert response.status_code == 302
    assert response["Location"] == f"/admin/story-queue/{submission.story_id}/"
    submission.story.refresh_from_db()
    assert not submission.story.live
    review = moderator_client.get(response["Location"]).content.decode()
    assert WAIT_FOR_THE_CHECK in review


def test_a_redaction_made_while_the_check_runs_gets_akismets_verdict_when_it_comes(
    submit, moderator_client, database_worker, akismet_spam
):
    """The moderator's revision took "Checking" from the author's: the verdict on the
    author's text is the verdict on it, or the story would wait until the hour's expiry."""
    from tests.factories import PHONE_STORY

    submission = submit(body=PHONE_STORY)
    moderator_client.post(
        f"/admin/story-queue/{submission.story_id}/redact/", {"category": "phone"}
    )
    assert ScreeningReport.objects.filter(page_id=submission.story_id).count() == 2
    assert report_of(submission).spam_verdict == "pending"

    database_worker()

    assert report_of(submission).spam_verdict == "spam"
    html = moderator_client.get("/admin/story-queue/?spam=1").content.decode()
    assert "Likely spam" in queue_row(html, submission.story.title)


def test_the_authors_edited_text_is_checked_by_akismet_as_well(
    submit, client, moderator_client, akismet_spam, django_capture_on_commit_callbacks
):
    submission = submit()
    moderator_client.post(
        f"/admin/story-queue/{submission.story_id}/decide/",
        {"action": "request_changes", "comment": "Please say which ward it was."},
    )

    with django_capture_on_commit_callbacks(execute=True):
        client.post(submission.get_edit_url(), {"title": "Ward 7 at night", "body": CLEAN_STORY})

    assert len(sent_to_akismet(akismet_spam, "comment-check")) == 2
    assert (
        report_of(submission).revision_id
        == submission.story.__class__.objects.get(pk=submission.story_id).latest_revision_id
    )
    assert report_of(submission).spam_verdict == "spam"
