"""Set-up of a Sharing site: the page tree, the moderators' group, demo content."""

import secrets
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.sites.models import Site as DjangoSite
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site
from wagtail.rich_text import RichText

from directory.models import Account, DirectoryPage, Organisation
from directory.permissions import GROUP_PERMISSIONS as DIRECTORY_GROUP_PERMISSIONS
from directory.platforms import parse_account
from moderation.permissions import (
    GROUP_PERMISSIONS,
    IMAGE_PERMISSIONS,
    MODERATORS_GROUP,
    RESPONDER_PERMISSIONS,
    RESPONDERS_GROUP,
    STORY_INDEX_PAGE_PERMISSIONS,
)
from moderation.services import set_up_story_workflow
from stories.models import CrisisResources, StoryIndexPage, StoryPage, Topic

from .demo_directory import ORGANISATIONS, account_address
from .demo_pages import PAGES
from .demo_stories import STORIES, TOPICS
from .models import HomePage, InformationPage

HOME_INTRO = (
    "<p>Real stories of care, told by the patients, families and staff who lived them. "
    "Every story is read by a moderator before it is published, so that nobody's "
    "privacy is put at risk.</p>"
)


@dataclass
class SetUpReport:
    created: list[str] = field(default_factory=list)
    admin_password: str | None = None


@transaction.atomic
def set_up_site(report=None):
    """Make the home page, the story index and the story moderators' group if missing.

    Safe to run any number of times; returns the story index.
    """
    report = report or SetUpReport()
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # A fresh Wagtail install has a plain welcome page where ours belongs.
        for welcome in root.get_children().filter(slug="home"):
            if type(welcome.specific) is Page:
                welcome.delete()
        home = root.add_child(
            instance=HomePage(title="Stories of care", slug="home", intro=HOME_INTRO)
        )
        report.created.append("home page")
    set_up_sites(home)

    index = StoryIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=StoryIndexPage(
                title="Stories",
                slug="stories",
                intro="<p>Stories from patients, families and the people who care for them.</p>",
            )
        )
        report.created.append("story index")

    moderators = set_up_moderators_group(index, report)
    set_up_story_workflow(index, moderators)
    set_up_responders_group(report)
    return index


PLACEHOLDER_HOSTS = {("localhost", 80), ("example.com", 80)}
# A site on this machine is a development one: it follows SITE_URL, so that
# `make run PORT=8001` after `make run` links to the port it serves on.
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1"}


def set_up_sites(home):
    """The Wagtail site and Django's site at ``SITE_URL``, so that links in mail,
    feeds and sitemaps point where readers are; a host set by hand is kept."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    site, created = Site.objects.get_or_create(
        is_default_site=True,
        defaults={"hostname": hostname, "port": port, "root_page": home},
    )
    site.root_page = home
    site.site_name = settings.WAGTAIL_SITE_NAME
    if (site.hostname, site.port) in PLACEHOLDER_HOSTS or site.hostname in LOOPBACK_HOSTS:
        site.hostname, site.port = hostname, port
    site.save()
    django_site = DjangoSite.objects.filter(pk=settings.SITE_ID).first()
    domain = address.netloc or hostname
    if django_site is None:
        DjangoSite.objects.create(pk=settings.SITE_ID, domain=domain, name=site.site_name)
    elif django_site.domain == "example.com" or urlsplit(f"//{django_site.domain}").hostname in (
        LOOPBACK_HOSTS
    ):
        django_site.domain, django_site.name = domain, site.site_name
        django_site.save()
    return site


def set_up_moderators_group(index, report):
    """The story moderators' own group, with only what the review, the comment queue
    and the directory's proposals need (``moderation.permissions``,
    ``directory.permissions``); never Wagtail's site-wide "Moderators"."""
    group, created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    if created:
        report.created.append(f"{MODERATORS_GROUP} group")
    group.permissions.add(
        *(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in [*GROUP_PERMISSIONS, *DIRECTORY_GROUP_PERMISSIONS]
        )
    )
    for permission_type in STORY_INDEX_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
        )
        GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)
    root_collection = Collection.get_first_root_node()
    for codename in IMAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailimages", codename=codename
        )
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission
        )
    return group


def set_up_responders_group(report):
    """The patient-experience staff who write official responses: the admin and that
    (``moderation.permissions.RESPONDER_PERMISSIONS``), no rights over pages."""
    group, created = Group.objects.get_or_create(name=RESPONDERS_GROUP)
    if created:
        report.created.append(f"{RESPONDERS_GROUP} group")
    group.permissions.add(
        *(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in RESPONDER_PERMISSIONS
        )
    )
    return group


@transaction.atomic
def load_demo_content(admin_password=None):
    """Set the site up and fill it with fictional stories and an admin user.

    Idempotent: what exists (matched by slug, name or username) is left alone.
    """
    report = SetUpReport()
    index = set_up_site(report)

    topics = {}
    for name in TOPICS:
        topic, created = Topic.objects.get_or_create(name=name)
        topics[name] = topic
        if created:
            report.created.append(f"topic {name}")

    existing = set(StoryPage.objects.child_of(index).values_list("slug", flat=True))
    for data in STORIES:
        if data["slug"] in existing:
            continue
        story = StoryPage(
            title=data["title"],
            slug=data["slug"],
            author_display_name=data["name"],
            author_role=data["role"],
            summary=data["summary"],
            body=data["body"],
        )
        index.add_child(instance=story)
        story.topics.set([topics[name] for name in data["topics"]])
        story.save_revision().publish()
        report.created.append(f"story {data['title']}")

    add_information_pages(index.get_parent(), report)
    load_demo_directory(index.get_parent(), report)
    report.admin_password = ensure_admin(admin_password)
    return report


def add_information_pages(home, report):
    """About, the privacy policy, the terms and contact, under the home page, if
    missing (matched by slug): one written by an editor is left as it is.

    Their text is written now, from the settings as they are (retention periods,
    the spam service) and the site's crisis line; they link to each other.
    """
    existing = {page.slug: page for page in InformationPage.objects.child_of(home)}
    missing = [entry for entry in PAGES if entry[0] not in existing]
    if not missing:
        return
    made = []
    for slug, title, intro, _body in missing:
        # Made first, then written: a page's text may link to any of them.
        page = InformationPage(
            title=title, slug=slug, intro=intro, search_description=intro, live=False
        )
        home.add_child(instance=page)
        existing[slug] = page
        made.append(page)

    def link(slug, text):
        page = existing.get(slug)
        return f'<a linktype="page" id="{page.pk}">{text}</a>' if page else text

    site = Site.objects.get(is_default_site=True)
    crisis = CrisisResources.for_site(site).text
    bodies = {slug: body for slug, _title, _intro, body in PAGES}
    for page in made:
        blocks = bodies[page.slug](site.site_name or settings.WAGTAIL_SITE_NAME, link, crisis)
        page.body = [(kind, RichText(value) if kind == "text" else value) for kind, value in blocks]
        page.last_updated = timezone.localdate()
        page.save_revision().publish()
        report.created.append(f"page {page.title}")


DIRECTORY_INTRO = (
    "<p>Health-care organisations and their official social media accounts, checked by a "
    "moderator before they are listed. Represent one? Add it, or propose an update.</p>"
)


def load_demo_directory(home, report):
    """The Health Care Social Media List page under ``home`` and its fictional
    organisations (``demo_directory``); what exists (by slug) is left alone."""
    if not DirectoryPage.objects.exists():
        page = DirectoryPage(
            title="Health Care Social Media List", slug="social-media-list", intro=DIRECTORY_INTRO
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        report.created.append("directory page")
    existing = set(Organisation.objects.values_list("slug", flat=True))
    for name, kind, country, region, city, domain, platforms in ORGANISATIONS:
        slug = slugify(name)
        if slug in existing:
            continue
        organisation = Organisation.objects.create(
            name=name,
            slug=slug,
            type=kind,
            country=country,
            region=region,
            city=city,
            website=f"https://www.{domain}/",
        )
        for platform in platforms:
            account = parse_account(platform, account_address(platform, name, domain))
            Account.objects.get_or_create(
                url=account.url,
                defaults={
                    "organisation": organisation,
                    "platform": account.platform,
                    "handle": account.handle,
                },
            )
        report.created.append(f"directory entry {name}")


def ensure_admin(password=None, username="admin"):
    """Create the admin user if missing; return the password only when one was generated.

    The demo's admin is also a moderator, so that someone is told at once of a
    story or a comment in crisis.
    """
    user_model = get_user_model()
    if user_model.objects.filter(username=username).exists():
        return None
    generated = not password
    password = password or secrets.token_urlsafe(12)
    admin = user_model.objects.create_superuser(
        username=username, email="admin@example.org", password=password
    )
    admin.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return password if generated else ""
