"""An install from before "Story moderators": its moderators were in Wagtail's
site-wide "Moderators" group; the data migration moves them to their own."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from wagtail.models import GroupPagePermission

from moderation.permissions import MODERATORS_GROUP

pytestmark = pytest.mark.django_db

migration = importlib.import_module("moderation.migrations.0002_story_moderators_group")


class SchemaEditor:
    connection = connection


def as_before(story_index):
    """The groups as ``set_up_site`` left them before this change."""
    old = Group.objects.get(name="Moderators")
    new = Group.objects.get(name=MODERATORS_GROUP)
    old.permissions.add(
        Permission.objects.get(codename="review_stories"),
        Permission.objects.get(codename="moderate_comments"),
    )
    for codename in ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]:
        GroupPagePermission.objects.create(
            group=old, page=story_index, permission=Permission.objects.get(codename=codename)
        )
    review = story_index.get_workflow().workflow_tasks.get(sort_order=1).task.specific
    review.groups.set([old])
    moira = get_user_model().objects.create_user("moira", password="x")
    moira.groups.add(old)
    new.delete()
    return moira, review


def test_the_migration_moves_moderators_and_the_review_to_their_own_group(story_index):
    moira, review = as_before(story_index)
    assert story_index.permissions_for_user(moira).can_publish()

    migration.forward(apps, SchemaEditor())

    new = Group.objects.get(name=MODERATORS_GROUP)
    old = Group.objects.get(name="Moderators")
    moira = get_user_model().objects.get(pk=moira.pk)
    assert list(moira.groups.all()) == [new]
    assert list(review.groups.all()) == [new]
    assert moira.has_perm("moderation.review_stories")
    assert moira.has_perm("comment_moderation.moderate_comments")
    assert not story_index.permissions_for_user(moira).can_publish()
    assert story_index.permissions_for_user(moira).can_edit()
    assert not old.permissions.filter(codename__in=["review_stories", "moderate_comments"])
    assert not GroupPagePermission.objects.filter(group=old, page=story_index).exists()
    assert old.permissions.filter(codename="access_admin").exists()  # Wagtail's own stays


def test_the_migration_twice_changes_nothing_more(story_index):
    as_before(story_index)
    migration.forward(apps, SchemaEditor())
    rights = set(GroupPagePermission.objects.values_list("group__name", "permission__codename"))

    migration.forward(apps, SchemaEditor())

    assert Group.objects.filter(name=MODERATORS_GROUP).count() == 1
    assert set(GroupPagePermission.objects.values_list("group__name", "permission__codename")) == (
        rights
    )
