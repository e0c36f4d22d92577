"""Two moderators deciding on the same story at the same moment (PostgreSQL only:
SQLite serialises all writes, so there is no race there to test)."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, connections
from wagtail.models import PageLogEntry

from moderation.actions import ReviewError, ReviewStoryAction
from moderation.models import StoryReviewTaskState
from moderation.permissions import MODERATORS_GROUP
from stories.models import AuthorApprovalSettings, StoryPage
from stories.services import submit_story
from tests.factories import CLEAN_STORY

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("Runs on PostgreSQL (CI runs it there): SQLite serialises all writes.")


def moderators(count):
    group = Group.objects.get(name=MODERATORS_GROUP)
    users = []
    for i in range(count):
        user = get_user_model().objects.create_user(f"moderator{i}", password="pw")
        user.groups.add(group)
        users.append(user)
    return users


def test_two_moderators_approving_different_revisions_at_once_publish_once(
    needs_postgresql, committed_site
):
    submission = submit_story(
        {
            "title": "Two moderators",
            "body": CLEAN_STORY,
            "role": "patient",
            "naming": "anonymous",
            "name": "",
            "email": "author@example.org",
        }
    )
    story_id = submission.story_id
    # Each moderator edits before approving: on a site where publishing does not wait
    # for the author's approval of edits (tests/stories/test_author_approval.py).
    approvals = AuthorApprovalSettings.load()
    approvals.wait_for_author = False
    approvals.save()
    users = moderators(2)
    start = threading.Barrier(len(users))
    outcomes = []

    def approve(user, words):
        try:
            draft = StoryPage.objects.get(pk=story_id).get_latest_revision_as_object()
            draft.body = f"{CLEAN_STORY}\n\n{words}"
            draft.save_revision(user=user)  # each moderator approves their own revision
            task_state = StoryReviewTaskState.objects.get(status="in_progress")
            start.wait(timeout=10)
            ReviewStoryAction(task_state, user, "approve").execute()
            outcomes.append("published")
        except ReviewError as error:
            outcomes.append(str(error))
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=approve, args=(user, f"Edited by {user.username}."))
        for user in users
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes)[-1] == "published"
    assert outcomes.count("published") == 1
    assert any("Another moderator has already decided" in outcome for outcome in outcomes)
    story = StoryPage.objects.get(pk=story_id)
    assert story.live
    assert PageLogEntry.objects.filter(page=story, action="wagtail.publish").count() == 1
    assert (
        PageLogEntry.objects.filter(page=story, action="wagtail.workflow.approve")
        .exclude(user=None)
        .count()
        == 1
    )
