"""Two edits of a story sent back by its author at the same moment (two tabs, a
double click): one is taken, the other is told, with what was typed kept."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from stories.models import StoryPage, Submission
from stories.services import EditRefused, resubmit_story, send_back_unchanged
from tests.factories import STORY_TEXT, SubmissionFactory

NOT_SENT = "Your edit was not sent"


def waiting_for_changes(story_index):
    return SubmissionFactory(story__parent=story_index, state=Submission.State.CHANGES_REQUESTED)


def revisions_of(submission):
    return StoryPage.objects.get(pk=submission.story_id).revisions.count()


@pytest.mark.django_db
def test_an_edit_read_before_another_was_taken_changes_nothing(story_index):
    """The second request had read the submission (still waiting for changes) before
    the first one sent the story back: its edit is refused, not applied on top."""
    submission = waiting_for_changes(story_index)
    second_tab = Submission.objects.get(pk=submission.pk)
    resubmit_story(submission, {"title": "From the first tab", "body": STORY_TEXT})
    before = revisions_of(submission)

    with pytest.raises(EditRefused):
        resubmit_story(second_tab, {"title": "From the second tab", "body": STORY_TEXT})

    assert revisions_of(submission) == before
    story = StoryPage.objects.get(pk=submission.story_id).get_latest_revision_as_object()
    assert story.title == "From the first tab"
    send_back_unchanged(second_tab)  # nor is it sent back a second time
    assert Submission.objects.get(pk=submission.pk).state == Submission.State.RECEIVED


@pytest.fixture
def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("Runs on PostgreSQL (CI runs it there): SQLite serialises all writes.")


@pytest.mark.django_db(transaction=True)
def test_two_edits_posted_at_once_one_is_taken_the_other_gets_the_409(
    needs_postgresql, committed_site
):
    submission = waiting_for_changes(committed_site)
    url = submission.get_edit_url()
    revisions_before = revisions_of(submission)
    start = threading.Barrier(2)
    responses = {}

    def post(title):
        try:
            start.wait(timeout=10)
            responses[title] = Client().post(url, {"title": title, "body": STORY_TEXT})
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post, args=(f"Tab {n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(r.status_code for r in responses.values()) == [302, 409]
    (taken,) = [title for title, r in responses.items() if r.status_code == 302]
    (refused_title,) = [title for title, r in responses.items() if r.status_code == 409]
    refused = responses[refused_title].content.decode()
    assert NOT_SENT in refused and refused_title in refused  # what they typed is kept
    story = StoryPage.objects.get(pk=submission.story_id)
    assert story.revisions.count() == revisions_before + 1
    assert story.get_latest_revision_as_object().title == taken
