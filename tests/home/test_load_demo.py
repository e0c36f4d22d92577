import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, Site

from home.demo_stories import STORIES
from home.models import HomePage
from home.services import set_up_site
from moderation.permissions import MODERATORS_GROUP, RESPONDERS_GROUP
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


def test_story_moderators_have_their_own_group_with_no_rights_beyond_the_review(
    story_index, home_page
):
    user = get_user_model().objects.create_user("mo", password="x")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))

    on_index = story_index.permissions_for_user(user)
    on_home = home_page.permissions_for_user(user)

    assert MODERATORS_GROUP != "Moderators"
    assert user.has_perm("wagtailadmin.access_admin")
    assert user.has_perm("moderation.review_stories")
    assert user.has_perm("comment_moderation.moderate_comments")
    assert on_index.can_edit()
    assert not (on_index.can_add_subpage() or on_index.can_publish() or on_index.can_delete())
    assert not (on_home.can_edit() or on_home.can_add_subpage() or on_home.can_publish())
    assert set(user.get_all_permissions()) == {
        "wagtailadmin.access_admin",
        "moderation.review_stories",
        "comment_moderation.moderate_comments",
        "directory.review_proposals",
        "stories.review_official_responses",
    }


def test_wagtails_own_moderators_group_is_kept_but_reviews_nothing(story_index):
    wagtail_moderators = Group.objects.get(name="Moderators")
    user = get_user_model().objects.create_user("wm", password="x")
    user.groups.add(wagtail_moderators)

    assert Group.objects.filter(name="Editors").exists()
    assert not user.has_perm("moderation.review_stories")
    assert not user.has_perm("comment_moderation.moderate_comments")
    review = story_index.get_workflow().workflow_tasks.get(sort_order=1).task.specific
    assert list(review.groups.all()) == [Group.objects.get(name=MODERATORS_GROUP)]


def test_set_up_site_twice_leaves_one_group_with_one_of_each_right(story_index):
    set_up_site()

    group = Group.objects.get(name=MODERATORS_GROUP)
    assert GroupPagePermission.objects.filter(group=group).count() == 1
    # The admin, the story review, the comment queue, the directory's proposals and
    # the review of official responses.
    assert group.permissions.count() == 5
    assert GroupCollectionPermission.objects.filter(group=group).count() == 3
    responders = Group.objects.get(name=RESPONDERS_GROUP)
    assert responders.permissions.count() == 2
    assert not GroupPagePermission.objects.filter(group=responders).exists()


def test_the_demo_admin_is_a_story_moderator():
    call_command("load_demo")

    admin = get_user_model().objects.get(username="admin")
    assert list(admin.groups.values_list("name", flat=True)) == [MODERATORS_GROUP]


def test_every_page_type_renders_with_demo_content(client):
    call_command("load_demo")
    for page in Page.objects.live().specific().filter(depth__gt=1):
        assert client.get(page.url).status_code == 200, page.url


def test_a_development_site_follows_the_port_it_is_served_on(db, settings):
    """`make run` then `make run PORT=8001`: links point at the port that serves."""
    from django.contrib.sites.models import Site as DjangoSite
    from wagtail.models import Site

    from home.services import set_up_site

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    set_up_site()
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8001"
    set_up_site()

    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8001"
    assert DjangoSite.objects.get_current().domain == "127.0.0.1:8001"


def test_the_sites_follow_site_url_so_links_in_mail_point_where_readers_are(db, settings):
    from django.contrib.sites.models import Site as DjangoSite
    from wagtail.models import Site

    from home.services import set_up_site
    from stories.models import StoryPage

    settings.WAGTAILADMIN_BASE_URL = "https://stories.example.org"
    index = set_up_site()

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("stories.example.org", 443)
    assert DjangoSite.objects.get_current().domain == "stories.example.org"
    story = index.add_child(
        instance=StoryPage(title="A", slug="a", author_role="patient", body="b")
    )
    assert StoryPage.objects.get(pk=story.pk).full_url == "https://stories.example.org/stories/a/"


def test_a_host_set_by_hand_is_kept(db, settings):
    from wagtail.models import Site

    from home.services import set_up_site

    set_up_site()
    Site.objects.filter(is_default_site=True).update(hostname="care.hospital.example", port=443)
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    set_up_site()

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("care.hospital.example", 443)


def test_load_demo_fills_the_directory_with_fictional_organisations_once(client):
    from directory.models import Account, DirectoryPage, Organisation
    from home.demo_directory import ORGANISATIONS

    call_command("load_demo")
    counts = (Organisation.objects.count(), Account.objects.count())
    call_command("load_demo")

    assert (Organisation.objects.count(), Account.objects.count()) == counts
    assert counts[0] == len(ORGANISATIONS) >= 30
    assert len(set(Organisation.objects.values_list("country", flat=True))) >= 10
    assert all(
        ".example." in website for website in Organisation.objects.values_list("website", flat=True)
    )
    page = DirectoryPage.objects.live().get()
    assert page.get_parent().specific_class is HomePage
    listing = client.get(page.url + "?country=CA").content.decode()
    assert "Harbourfront Children&#x27;s Hospital" in listing
    assert f"{counts[0]} organisations" in client.get(page.url).content.decode()
