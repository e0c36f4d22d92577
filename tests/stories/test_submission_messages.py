"""Messages on a submission: the thread between a story's author (through their
status link) and the moderators (on the review page)."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.db import reset_queries
from django.test import Client
from wagtail.models import ModelLogEntry

from stories.models import Submission, SubmissionMessage
from tests.factories import UserFactory
from tests.stories.test_erasure import whole_database

pytestmark = pytest.mark.django_db

AUTHOR_WORDS = "The nurse I mention is my sister Hedwig Ashcombe, she is happy to be named."
MODERATOR_WORDS = "Thank you. Could you tell us whether Hedwig agreed in writing?"
PHONE_WORDS = "If it helps, you can call me on 612-555-0143 in the evening."
CRISIS_WORDS = "I want to end my life tonight."


def review_url(submission):
    return f"/admin/story-queue/{submission.story_id}/"


def message_url(submission):
    return f"{submission.get_status_url()}messages/"


@pytest.fixture
def author_writes(django_capture_on_commit_callbacks):
    """The author posts a message from their status page, in a browser of their own."""
    author = Client()

    def write(submission, text, expect=302):
        with django_capture_on_commit_callbacks(execute=True):
            response = author.post(message_url(submission), {"body": text})
        assert response.status_code == expect, response.content.decode()[:1500]
        return response

    write.client = author
    return write


@pytest.fixture
def moderator_writes(moderator, django_capture_on_commit_callbacks):
    staff = Client()
    staff.force_login(moderator)

    def write(submission, text, expect=302):
        with django_capture_on_commit_callbacks(execute=True):
            response = staff.post(f"{review_url(submission)}messages/", {"body": text})
        assert response.status_code == expect, response.content.decode()[:1500]
        return response

    write.client = staff
    return write


def log_entries(submission):
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Submission), object_id=str(submission.pk)
    ).order_by("pk")


# Who sees the thread


def test_the_thread_is_seen_by_its_author_and_the_moderators_only(
    submit, moderator, author_writes, moderator_writes
):
    submission = submit()
    other = submit(title="Another story altogether", name="Tomas Berg", email="t@example.org")
    author_writes(submission, AUTHOR_WORDS)
    moderator_writes(submission, MODERATOR_WORDS)

    own = Client().get(submission.get_status_url()).content.decode()
    assert "Hedwig Ashcombe" in own and "Hedwig agreed in writing" in own
    assert own.index("Hedwig Ashcombe") < own.index("Hedwig agreed in writing")  # oldest first

    others_page = Client().get(other.get_status_url()).content.decode()
    assert "Hedwig" not in others_page
    assert "No messages yet." in others_page

    reader = Client()
    assert reader.get(review_url(submission)).status_code == 302  # to the admin's sign-in
    # Another author's token does not open this thread, nor post to it.
    wrong = reader.post(f"{other.get_status_url()[:-1]}x/messages/", {"body": "Hello"})
    assert wrong.status_code == 404
    editor = Client()
    editor.force_login(UserFactory(username="eddie", is_staff=True))
    assert "Hedwig" not in editor.get(review_url(submission)).content.decode()

    review = moderator_writes.client.get(review_url(submission)).content.decode()
    assert "Hedwig Ashcombe" in review and "Hedwig agreed in writing" in review
    assert "Moira (moderator)" in review  # moderators see which of them wrote
    assert "A moderator" in own and "Moira" not in own  # the author does not


def test_a_published_story_shows_readers_nothing_of_its_thread(
    submit, moderator_client, author_writes, django_capture_on_commit_callbacks
):
    submission = submit()
    author_writes(submission, AUTHOR_WORDS)
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(f"{review_url(submission)}decide/", {"action": "approve"})
    submission.refresh_from_db()
    assert submission.story.live

    page = Client().get(submission.story.url).content.decode()

    assert submission.story.title in page
    assert "Hedwig" not in page


# The screen


def test_each_message_is_screened_and_its_findings_shown_to_moderators_only(
    submit, author_writes, moderator_writes
):
    submission = submit()
    author_writes(submission, PHONE_WORDS)
    moderator_writes(submission, "Please call Dr Marguerite Okonjo-Walsh on 612-555-0177.")

    by_author, by_moderator = SubmissionMessage.objects.order_by("pk")
    assert {f["category"] for f in by_author.findings} >= {"phone"}
    assert any(f["text"] == "612-555-0143" for f in by_author.findings)
    assert {f["category"] for f in by_moderator.findings} >= {"phone"}
    assert by_author.engine_version and not by_author.crisis

    review = moderator_writes.client.get(review_url(submission)).content.decode()
    assert "What the screen found in it:" in review
    assert "“612-555-0143”" in review and "Phone number" in review

    own = Client().get(submission.get_status_url()).content.decode()
    assert "612-555-0143" in own  # their own words, as they wrote them
    assert "What the screen found" not in own and "Phone number" not in own


def test_an_authors_message_in_crisis_alerts_the_moderators_as_a_story_does(
    submit, moderator, author_writes
):
    submission = submit()
    assert not submission.urgent
    mail.outbox.clear()

    author_writes(submission, CRISIS_WORDS)

    submission.refresh_from_db()
    assert submission.urgent
    assert SubmissionMessage.objects.get().crisis
    [alert] = mail.outbox
    assert alert.subject.startswith("URGENT:") and submission.reference in alert.subject
    assert alert.to == ["moira@hospital.example"]  # the story's reviewers
    assert CRISIS_WORDS not in alert.body  # the words stay behind the admin's sign-in
    page = Client().get(submission.get_status_url()).content.decode()
    assert "988" in page  # the crisis resources, at once
    review = Client()
    review.force_login(UserFactory(username="mod2", is_superuser=True))
    assert "Urgent:" in review.get(review_url(submission)).content.decode()


# Mail to the other side, from the worker


def test_each_message_is_mailed_to_the_other_side_by_the_worker(
    submit, moderator, author_writes, moderator_writes, database_worker, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://stories.example.org"
    submission = submit()
    database_worker()
    mail.outbox.clear()

    author_writes(submission, AUTHOR_WORDS)
    assert mail.outbox == []  # not in the request: queued
    database_worker()
    [to_moderators] = mail.outbox
    assert to_moderators.to == [moderator.email]
    assert submission.reference in to_moderators.subject
    assert f"https://stories.example.org{review_url(submission)}#messages" in to_moderators.body
    assert "Hedwig" not in to_moderators.body

    mail.outbox.clear()
    moderator_writes(submission, MODERATOR_WORDS + " Or call us on 612-555-0177.")
    assert mail.outbox == []
    database_worker()
    [to_author] = mail.outbox
    assert to_author.to == ["rosalind@example.org"]
    assert MODERATOR_WORDS in to_author.body
    assert f"https://stories.example.org{submission.get_status_url()}" in to_author.body
    # Never what the screen found.
    found = SubmissionMessage.objects.latest("pk").findings
    assert found
    for finding in found:
        assert finding["message"] not in to_author.body
    assert "Phone number" not in to_author.body and "screen" not in to_author.body.lower()


# The audit log, and erasure


def test_the_audit_log_shows_a_message_to_superusers_only_and_never_its_words(
    submit, author_writes, story_index
):
    submission = submit()
    author_writes(submission, AUTHOR_WORDS)
    editor = Client()
    editor_user = UserFactory(username="eddie")
    editor_user.groups.add(Group.objects.get(name="Editors"))
    editor.force_login(editor_user)
    root = Client()
    root.force_login(UserFactory(username="root", is_superuser=True))

    for_editors = editor.get("/admin/reports/site-history/")
    for_superusers = root.get("/admin/reports/site-history/")

    assert for_editors.status_code == for_superusers.status_code == 200
    assert submission.reference not in for_editors.content.decode()
    history = for_superusers.content.decode()
    assert "The author wrote to the moderators" in history and submission.reference in history
    assert "Hedwig" not in history and "Hedwig" not in for_editors.content.decode()


def test_each_message_is_in_the_audit_log_with_who_and_when(
    submit, moderator, author_writes, moderator_writes
):
    submission = submit()
    author_writes(submission, AUTHOR_WORDS)
    moderator_writes(submission, MODERATOR_WORDS)

    entries = [e for e in log_entries(submission) if ".message_" in e.action]
    assert [(e.action, e.user_id) for e in entries] == [
        ("sharing.submission.message_from_author", None),
        ("sharing.submission.message_to_author", moderator.pk),
    ]
    assert [e.data["text"] for e in entries] == [AUTHOR_WORDS, MODERATOR_WORDS]
    assert all(e.timestamp for e in entries)
    assert entries[0].message == "The author wrote to the moderators"


def test_a_withdrawal_leaves_no_message_in_any_row(
    client, submit, author_writes, moderator_writes, django_capture_on_commit_callbacks
):
    submission = submit()
    author_writes(submission, AUTHOR_WORDS)
    moderator_writes(submission, MODERATOR_WORDS)
    assert "Ashcombe" in whole_database() and "agreed in writing" in whole_database()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{submission.get_status_url()}withdraw/")

    after = whole_database()
    assert [t for t in ("Hedwig", "Ashcombe", "agreed in writing") if t in after] == []
    assert not SubmissionMessage.objects.exists()
    # The record that the messages were written stays: who and when, not what.
    entries = [e for e in log_entries(submission) if ".message_" in e.action]
    assert len(entries) == 2 and all(e.data == {} for e in entries)
    assert any(e.action == "sharing.submission.erase" for e in log_entries(submission))


def test_nothing_can_be_written_to_a_withdrawn_submission(
    client, submit, moderator_client, author_writes, django_capture_on_commit_callbacks
):
    submission = submit()
    review = review_url(submission)
    moderator_client.get(review)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{submission.get_status_url()}withdraw/")

    author_writes(submission, AUTHOR_WORDS)  # sent back to the status page

    assert not SubmissionMessage.objects.exists()
    assert "Send my message" not in Client().get(submission.get_status_url()).content.decode()


# The author's form: limits before the screen, errors tied to the field


def test_a_message_too_long_is_refused_with_its_limit_and_kept_on_the_page(
    submit, author_writes, settings
):
    submission = submit()
    text = "Hedwig " * (settings.MESSAGE_MAX_CHARS // 7 + 1)

    response = author_writes(submission, text, expect=400)

    html = response.content.decode()
    assert "A message can be at most 5,000 characters" in html
    assert 'id="message_body_error"' in html
    textarea = html.split("<textarea", 1)[1].split(">", 1)[0]
    assert 'aria-invalid="true"' in textarea and "message_body_error" in textarea
    assert html.count("Hedwig Hedwig") > 1  # what they typed is still there
    assert not SubmissionMessage.objects.exists()


def test_an_empty_message_is_asked_for_again(submit, author_writes):
    submission = submit()
    html = author_writes(submission, "  \n ", expect=400).content.decode()
    assert "Please write your message." in html
    assert "<title>Error:" in html
    assert not SubmissionMessage.objects.exists()


def test_the_rate_limit_refuses_before_the_screen_reads_a_word(submit, author_writes, settings):
    settings.MESSAGE_RATE = "2/h"
    submission = submit()
    author_writes(submission, "First question.")
    author_writes(submission, "Second question.")

    response = author_writes(submission, CRISIS_WORDS, expect=429)

    assert "Please wait an hour" in response.content.decode()
    assert CRISIS_WORDS in response.content.decode()
    assert SubmissionMessage.objects.count() == 2
    submission.refresh_from_db()
    assert not submission.urgent  # the screen never read the refused message


def test_the_message_form_needs_its_csrf_token(submit):
    submission = submit()
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(submission.get_status_url()).content.decode()
    assert 'name="csrfmiddlewaretoken"' in page

    response = browser.post(message_url(submission), {"body": AUTHOR_WORDS})

    assert response.status_code == 403
    assert not SubmissionMessage.objects.exists()


def test_the_moderators_form_says_what_is_wrong_next_to_the_field(submit, moderator_writes):
    submission = submit()
    response = moderator_writes(submission, "", expect=400)
    html = response.content.decode()
    assert 'id="message_body_error"' in html and "Please write your message." in html
    assert not SubmissionMessage.objects.exists()


# A request for changes answered in words


def test_the_author_answers_a_request_for_changes_in_words(
    submit, moderator_client, author_writes, django_capture_on_commit_callbacks
):
    submission = submit()
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            f"{review_url(submission)}decide/",
            {"action": "request_changes", "comment": "Please leave out the nurse's name."},
        )
    submission.refresh_from_db()
    assert submission.state == Submission.State.CHANGES_REQUESTED
    page = Client().get(submission.get_status_url()).content.decode()
    assert "answer the moderator in words here" in page
    assert "Edit my story" in page

    author_writes(submission, AUTHOR_WORDS)

    submission.refresh_from_db()
    assert submission.state == Submission.State.CHANGES_REQUESTED  # the story is as it was
    review = moderator_client.get(review_url(submission)).content.decode()
    assert "Hedwig Ashcombe" in review


def test_the_author_sends_the_story_back_as_it_is_with_their_answer(
    submit, moderator_client, author_writes, django_capture_on_commit_callbacks
):
    submission = submit()
    review = review_url(submission)
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            f"{review}decide/",
            {"action": "request_changes", "comment": "Please leave out the nurse's name."},
        )
    assert "Approve and publish" not in moderator_client.get(review).content.decode()
    revisions = submission.story.revisions.count()

    with django_capture_on_commit_callbacks(execute=True):
        response = author_writes.client.post(
            message_url(submission), {"body": AUTHOR_WORDS, "send_back": "1"}, follow=True
        )

    assert "your story went back to the moderators as it is" in response.content.decode()
    submission.refresh_from_db()
    assert submission.state == Submission.State.RECEIVED
    assert submission.story.revisions.count() == revisions  # not edited
    html = moderator_client.get(review).content.decode()
    assert "Approve and publish" in html and "Hedwig Ashcombe" in html


def test_send_back_does_nothing_to_a_story_no_one_asked_to_change(submit, author_writes):
    submission = submit()
    submission.mark_in_review()  # a moderator is reading it
    with_send_back = author_writes.client.post(
        message_url(submission), {"body": AUTHOR_WORDS, "send_back": "1"}
    )
    assert with_send_back.status_code == 302
    submission.refresh_from_db()
    assert submission.state == Submission.State.IN_REVIEW
    assert submission.messages.count() == 1
    assert (
        "Send my answer, and my story as it is"
        not in Client().get(submission.get_status_url()).content.decode()
    )


# Query counts


def test_the_status_and_review_pages_make_as_many_queries_for_40_messages_as_for_2(
    submit,
    moderator,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    from stories.services import post_message

    submission = submit()
    author, staff = Client(), Client()
    staff.force_login(moderator)

    def post(count):
        with django_capture_on_commit_callbacks(execute=True):
            for n in range(count):
                post_message(submission, f"Question number {n}.")
                post_message(submission, f"Answer number {n}.", user=moderator)

    def measure(url, browser):
        browser.get(url)
        reset_queries()
        with django_assert_max_num_queries(60) as queries:
            response = browser.get(url)
        return len(queries), response.content.decode()

    post(1)
    status_two, _ = measure(submission.get_status_url(), author)
    review_two, _ = measure(review_url(submission), staff)

    post(19)
    status_many, status_html = measure(submission.get_status_url(), author)
    review_many, review_html = measure(review_url(submission), staff)

    assert status_html.count("Question number") == 20 and review_html.count("Answer number") == 20
    assert (status_many, review_many) == (status_two, review_two)


def test_a_long_thread_is_shown_50_messages_a_page_in_as_many_queries_as_a_short_one(
    submit,
    moderator,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    from stories.services import post_message

    submission = submit()
    author, staff = Client(), Client()
    staff.force_login(moderator)

    def post(count, start=0):
        with django_capture_on_commit_callbacks(execute=True):
            for n in range(start, start + count):
                post_message(submission, f"Question number {n}.")
                post_message(submission, f"Answer number {n}.", user=moderator)

    def measure(url, browser):
        browser.get(url)
        reset_queries()
        with django_assert_max_num_queries(60) as queries:
            response = browser.get(url)
        return len(queries), response.content.decode()

    post(2)
    small = [
        measure(submission.get_status_url(), author)[0],
        measure(review_url(submission), staff)[0],
    ]
    post(88, start=2)  # 180 messages
    status_count, status_html = measure(submission.get_status_url(), author)
    review_count, review_html = measure(review_url(submission), staff)

    assert [status_count, review_count] == small
    for html in (status_html, review_html):
        # The newest 50, oldest first; the rest a page or more back.
        assert html.count("Question number") == 25 and html.count("Answer number") == 25
        assert "Question number 65." in html and "Answer number 89." in html
        assert "Question number 64." not in html
        assert html.index("Question number 65.") < html.index("Answer number 89.")
        assert "Page 1 of 4, newest first" in html and "?messages=2#messages" in html
    earlier_count, earlier = measure(f"{submission.get_status_url()}?messages=4", author)
    assert earlier_count == status_count
    assert "Question number 0." in earlier and "Question number 15." not in earlier
    assert "?messages=3#messages" in earlier
    # A page that is no page shows the newest, never an error.
    assert author.get(f"{submission.get_status_url()}?messages=x").status_code == 200
    assert staff.get(f"{review_url(submission)}?messages=99").status_code == 200
