"""A submitted story is its reviewers' alone in the admin; nobody deletes or copies it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from stories.models import StoryPage
from tests.factories import PHONE_STORY

pytestmark = pytest.mark.django_db

EDITOR_VIEWS = [
    "edit/",
    "view_draft/",
    "revisions/",
    "history/",
    "workflow_history/",
    "usage/",
    "delete/",
    "move/",
    "copy/",
    "unpublish/",
    "lock/",
    "convert_alias/",
]


@pytest.fixture
def editor(story_index):
    user = get_user_model().objects.create_user("eddie", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", "pw")


@pytest.fixture
def story(submit):
    submission = submit(body=PHONE_STORY)
    return StoryPage.objects.get(pk=submission.story_id)


@pytest.mark.parametrize("view", EDITOR_VIEWS)
def test_an_editor_cannot_open_a_submitted_story_in_any_admin_view(client, editor, story, view):
    client.force_login(editor)

    response = client.get(f"/admin/pages/{story.pk}/{view}")

    assert response.status_code in (302, 403, 404, 405), view
    assert "612-555-0187" not in response.content.decode()


def test_an_editor_cannot_open_a_submitted_storys_revision_or_compare(client, editor, story):
    client.force_login(editor)
    revision = story.latest_revision_id

    for url in [
        f"/admin/pages/{story.pk}/revisions/{revision}/view/",
        f"/admin/pages/{story.pk}/revisions/compare/earliest...{revision}/",
    ]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "612-555-0187" not in response.content.decode()


def test_the_explorer_and_chooser_hide_submitted_stories_from_editors_only(
    client, editor, moderator, story, story_index
):
    client.force_login(editor)
    assert story.title not in client.get(f"/admin/pages/{story_index.pk}/").content.decode()
    chooser = client.get(f"/admin/choose-page/{story_index.pk}/").content.decode()
    assert story.title not in chooser

    client.force_login(moderator)
    assert story.title in client.get(f"/admin/pages/{story_index.pk}/").content.decode()


def test_a_moderator_still_opens_the_story_in_the_editor_and_its_history(client, moderator, story):
    client.force_login(moderator)

    assert client.get(f"/admin/pages/{story.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{story.pk}/view_draft/").status_code == 200
    assert client.get(f"/admin/pages/{story.pk}/history/").status_code == 200


def test_not_even_a_superuser_deletes_a_submitted_story_or_the_page_above_it(
    client, superuser, story, story_index
):
    client.force_login(superuser)

    client.post(f"/admin/pages/{story.pk}/delete/")
    response = client.post(f"/admin/pages/{story_index.pk}/delete/", follow=True)
    client.post(f"/admin/bulk/wagtailcore/page/delete/?id={story_index.pk}", {})

    assert StoryPage.objects.filter(pk=story.pk).exists()
    assert "cannot be deleted" in response.content.decode()
    assert story.current_workflow_task is not None


def test_not_even_a_superuser_copies_a_submitted_story(client, superuser, story, story_index):
    client.force_login(superuser)
    before = StoryPage.objects.count()

    client.post(
        f"/admin/pages/{story.pk}/copy/",
        {
            "new_title": "Copy",
            "new_slug": "copy",
            "new_parent_page": story_index.pk,
            "publish_copies": "on",
        },
    )
    client.post(
        f"/admin/pages/{story_index.pk}/copy/",
        {
            "new_title": "Copy",
            "new_slug": "copy",
            "new_parent_page": story_index.get_parent().pk,
            "copy_subpages": "on",
            "publish_copies": "on",
        },
    )

    assert StoryPage.objects.count() == before
    assert not StoryPage.objects.filter(title="Copy").exists()


def test_copies_of_a_published_story_are_drafts_for_the_review(client, superuser, make_story):
    published = make_story(title="Published demo")
    client.force_login(superuser)
    url = f"/admin/pages/{published.pk}/copy/"
    data = {"new_title": "Copy", "new_slug": "copy", "new_parent_page": published.get_parent().pk}

    client.post(url, {**data, "publish_copies": "on"})
    assert not StoryPage.objects.filter(slug="copy").exists()

    client.post(url, data)
    assert not StoryPage.objects.get(slug="copy").live
