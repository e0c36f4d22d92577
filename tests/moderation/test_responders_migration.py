"""An install from before official responses: the data migration makes the
"Responders" group with the admin and writing responses only, and gives the story
moderators the review of responses."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from moderation.permissions import MODERATORS_GROUP, RESPONDERS_GROUP

pytestmark = pytest.mark.django_db

migration = importlib.import_module("moderation.migrations.0003_responders_group")


class SchemaEditor:
    connection = connection


def test_the_migration_makes_responders_with_nothing_but_their_own_work(story_index):
    Group.objects.filter(name=RESPONDERS_GROUP).delete()
    moderators = Group.objects.get(name=MODERATORS_GROUP)
    moderators.permissions.remove(Permission.objects.get(codename="review_official_responses"))

    migration.forward(apps, SchemaEditor())

    responders = Group.objects.get(name=RESPONDERS_GROUP)
    rhea = get_user_model().objects.create_user("rhea", password="x")
    rhea.groups.add(responders)
    assert rhea.has_perm("stories.write_official_responses")
    assert rhea.has_perm("wagtailadmin.access_admin")
    assert not rhea.has_perm("stories.review_official_responses")
    assert not rhea.has_perm("moderation.review_stories")
    assert not GroupPagePermission.objects.filter(group=responders).exists()
    assert not GroupCollectionPermission.objects.filter(group=responders).exists()
    moira = get_user_model().objects.create_user("moira", password="x")
    moira.groups.add(moderators)
    assert moira.has_perm("stories.review_official_responses")
    assert not moira.has_perm("stories.write_official_responses")


def test_the_migration_backwards_removes_the_group_and_the_review(story_index):
    migration.backward(apps, SchemaEditor())

    assert not Group.objects.filter(name=RESPONDERS_GROUP).exists()
    assert not Group.objects.get(name=MODERATORS_GROUP).permissions.filter(
        codename="review_official_responses"
    )
