"""Every revision of any story, whoever wrote it, is screened and approved in the
review before it is live: no "Publish" in the editor, the explorer or a schedule."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Revision

from moderation.models import ScreeningReport, StoryReviewTask
from stories.models import StoryPage
from tests.factories import ModeratorFactory

pytestmark = pytest.mark.django_db

PHONE = "612-555-0187"


def member_of(name, username):
    user = get_user_model().objects.create_user(username, password="pw")
    user.groups.add(Group.objects.get(name=name))
    return user


def story_form(story, **changes):
    data = {
        "title": story.title,
        "slug": story.slug,
        "author_display_name": story.author_display_name,
        "author_role": story.author_role,
        "date": story.date.isoformat(),
        "summary": story.summary,
        "body": story.body,
        "topics": "",
        "language": story.language,
        # The photos' inline formset, empty.
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
    }
    data.update(changes)
    return data


@pytest.fixture
def published_story(make_story):
    return make_story(title="A published demo story", body="The ward was calm and kind.")


@pytest.mark.parametrize("who", ["Wagtail's Moderators", "a superuser"])
def test_publishing_an_edit_of_a_published_story_sends_it_to_the_review_instead(
    client, published_story, who
):
    if who == "a superuser":
        user = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    else:
        user = member_of("Moderators", "wm")
    client.force_login(user)
    body = published_story.body + f"\n\nCall me on {PHONE}."

    response = client.post(
        f"/admin/pages/{published_story.pk}/edit/",
        story_form(published_story, body=body),
        follow=True,
    )

    story = StoryPage.objects.get(pk=published_story.pk)
    assert PHONE not in story.body  # the live story is as it was
    assert story.has_unpublished_changes
    assert isinstance(story.current_workflow_task.specific, StoryReviewTask)
    report = ScreeningReport.objects.get(revision=story.latest_revision)
    assert report.counts.get("phone") == 1
    assert "published by approving them in the story review" in response.content.decode()


def test_a_story_moderators_edit_waits_as_a_draft_they_can_send_to_the_review(
    client, published_story
):
    client.force_login(ModeratorFactory(username="mo"))
    body = published_story.body + f"\n\nCall me on {PHONE}."
    url = f"/admin/pages/{published_story.pk}/edit/"

    client.post(url, story_form(published_story, body=body))
    assert PHONE not in StoryPage.objects.get(pk=published_story.pk).body

    data = story_form(published_story, body=body)
    del data["action-publish"]
    client.post(url, {**data, "action-submit": "action-submit"})
    story = StoryPage.objects.get(pk=published_story.pk)
    assert PHONE not in story.body
    assert isinstance(story.current_workflow_task.specific, StoryReviewTask)


def test_a_new_story_created_and_published_in_the_admin_waits_for_the_review(client, story_index):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    new = StoryPage(title="Written in the admin", slug="written-in-the-admin", body="Kind.")
    new.author_role = "patient"
    new.date = timezone.localdate()

    response = client.post(
        f"/admin/pages/add/stories/storypage/{story_index.pk}/",
        story_form(new, author_display_name="", summary=""),
    )

    story = StoryPage.objects.get(slug="written-in-the-admin")
    assert response.status_code == 302
    assert not story.live
    assert story.current_workflow_task is not None


def test_scheduling_a_story_in_the_editor_schedules_nothing(client, published_story):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)

    client.post(
        f"/admin/pages/{published_story.pk}/edit/",
        story_form(
            published_story,
            body="Rewritten, unscreened.",
            go_live_at=tomorrow.strftime("%Y-%m-%d %H:%M"),
        ),
    )

    assert not Revision.page_revisions.filter(
        object_id=str(published_story.pk), approved_go_live_at__isnull=False
    ).exists()
    assert StoryPage.objects.get(pk=published_story.pk).current_workflow_task is not None


def test_the_editor_offers_no_publish_button_on_a_story(client, published_story, story_index):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)

    story_editor = client.get(f"/admin/pages/{published_story.pk}/edit/").content.decode()
    index_editor = client.get(f"/admin/pages/{story_index.pk}/edit/").content.decode()

    assert 'name="action-publish"' not in story_editor
    assert 'name="action-submit"' in story_editor
    assert 'name="action-publish"' in index_editor


@pytest.mark.parametrize("chosen", ["the story", "the index with its drafts"])
def test_bulk_publishing_cannot_publish_an_editors_draft_of_a_story(
    client, make_story, story_index, chosen
):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    draft = make_story(title="Written by the editors", live=False)
    draft.save_revision(user=admin)
    page = draft if chosen == "the story" else story_index

    response = client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}",
        {"include_descendants": "on"},
        follow=True,
    )

    assert not StoryPage.objects.get(pk=draft.pk).live
    assert "Nothing was published" in response.content.decode()


def test_bulk_publishing_a_published_storys_new_draft_is_refused(client, published_story):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    draft = published_story.get_latest_revision_as_object()
    draft.body = f"Call me on {PHONE}."
    draft.save_revision(user=admin)

    client.post(f"/admin/bulk/wagtailcore/page/publish/?id={published_story.pk}", {})

    assert PHONE not in StoryPage.objects.get(pk=published_story.pk).body


def test_bulk_publishing_a_page_that_is_not_a_story_still_works(client, story_index):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    draft = story_index.get_latest_revision_as_object()
    draft.title = "All our stories"
    draft.save_revision(user=admin)

    response = client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={story_index.pk}&next=/admin/pages/",
        {},
        follow=True,
    )

    assert response.status_code == 200
    story_index.refresh_from_db()
    assert story_index.title == "All our stories"
