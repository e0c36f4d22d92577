import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Site

from home.demo_stories import STORIES
from home.models import HomePage
from stories.models import StoryIndexPage, StoryPage, Topic

pytestmark = pytest.mark.django_db


def test_load_demo_builds_the_site_with_published_stories(client, capsys):
    call_command("load_demo")

    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert StoryIndexPage.objects.child_of(home).count() == 1
    stories = StoryPage.objects.live()
    assert stories.count() == len(STORIES) >= 12
    assert {story.author_role for story in stories} == {"patient", "family", "employee"}
    assert all(story.topics.exists() for story in stories)
    assert client.get("/").status_code == 200
    assert "password" in capsys.readouterr().out


def test_load_demo_twice_creates_nothing_twice(capsys):
    call_command("load_demo")
    counts = (Page.objects.count(), Topic.objects.count(), get_user_model().objects.count())
    capsys.readouterr()

    call_command("load_demo")

    assert (Page.objects.count(), Topic.objects.count(), get_user_model().objects.count()) == counts
    assert "nothing created" in capsys.readouterr().out


def test_load_demo_uses_the_admin_password_from_the_environment(settings, client):
    settings.DJANGO_ADMIN_PASSWORD = "a-long-demo-password"
    call_command("load_demo")
    assert client.login(username="admin", password="a-long-demo-password")


def test_moderators_can_edit_and_publish_stories(story_index):
    moderators = Group.objects.get(name="Moderators")
    user = get_user_model().objects.create_user("mo", password="x")
    user.groups.add(moderators)

    perms = story_index.permissions_for_user(user)

    assert user.has_perm("wagtailadmin.access_admin")
    assert perms.can_add_subpage() and perms.can_publish()


def test_every_page_type_renders_with_demo_content(client):
    call_command("load_demo")
    for page in Page.objects.live().specific().filter(depth__gt=1):
        assert client.get(page.url).status_code == 200, page.url
