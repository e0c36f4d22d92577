"""Receivers that keep the footer's links (``home.footer``) true to the page tree,
and the page cache (``sharing.page_cache``) and a CDN in front true to what
readers may see."""

import copy

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django_comments_xtd.models import XtdComment
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from comments.signals import comments_changed
from directory.models import Account, Organisation
from sharing import page_cache
from sharing.sites import site_root_url
from stories.models import OfficialResponse, StoryIndexPage, StoryPage, Topic
from stories.signals import story_withdrawn

from .footer import purge_footer_links
from .models import InformationPage


def purge_footer(sender, **kwargs):
    # Now, and again once the change is committed: a page view between the two
    # may have cached what another connection still saw.
    purge_footer_links()
    transaction.on_commit(purge_footer_links)


def addresses(*pages, every_page=False):
    """The public addresses a change to ``pages`` reaches: each page's own (a story's
    topic listings, ``?topic=``, with it), and the pages every story shows on (home
    and the story index, with their cards' comment counts), the feed and the
    sitemap; with ``every_page`` (a site, a setting, the directory: the footer, the
    information pages), every live page's and every topic listing too.

    A CDN is purged by address: the index's cursor pages (``?before=``,
    ``?after=``) and other stories' "Related stories" keep its copy for
    ``PAGE_CACHE_S_MAXAGE``.
    """
    batch = PurgeBatch()
    if every_page:
        batch.add_pages(Page.objects.live().filter(depth__gt=1))
    for page in pages:
        if page is None:
            continue
        batch.add_page(page)
        if isinstance(page, StoryPage) and page.pk:  # its topics' listings
            index = page.get_parent()
            if index is not None:
                batch.add_urls(
                    f"{index.get_full_url(batch)}?topic={slug}"
                    for slug in page.topics.values_list("slug", flat=True)
                )
    for site in Site.objects.select_related("root_page"):
        batch.add_page(site.root_page)
        batch.add_urls(site_root_url(site) + reverse(name) for name in ("story_feed", "sitemap"))
    indexes = list(StoryIndexPage.objects.live())
    batch.add_pages(indexes)
    if every_page:  # every topic's listing
        slugs = list(Topic.objects.values_list("slug", flat=True))
        for index in indexes:
            batch.add_urls(f"{index.get_full_url(batch)}?topic={slug}" for slug in slugs)
    return sorted(batch.urls)


def purge_pages(sender, urls=None, **kwargs):
    """Every cached page, now and once the change is committed (a reader between
    the two may have had a page made from what another connection still saw); and
    once it is committed, the CDN's copies of ``urls``, the change's addresses."""
    page_cache.purge()
    transaction.on_commit(page_cache.purge)
    if urls is None and page_cache.frontend_cache_enabled():
        urls = addresses(every_page=True)
    if urls:
        transaction.on_commit(lambda: page_cache.purge_frontend(urls))


def purge_pages_for_page(sender, instance, **kwargs):
    if isinstance(instance, Page):
        purge_pages(sender, urls=_addresses_of(instance))


def purge_pages_for_moved_page(sender, instance, url_path_before="", **kwargs):
    before = copy.copy(instance)
    before.url_path = url_path_before or instance.url_path
    purge_pages(sender, urls=_addresses_of(instance, before))


def purge_pages_for_withdrawal(sender, submission, **kwargs):
    # The story's page is deleted: its own address is purged with the deletion.
    purge_pages(sender, urls=_addresses_of())


def purge_pages_for_comment(sender, instance=None, comment=None, target=None, **kwargs):
    """A comment shown, hidden, redacted, saved or deleted, or a page's all erased."""
    if not page_cache.frontend_cache_enabled():
        return purge_pages(sender, urls=[])
    comment = comment or instance
    if target is None and comment is not None:
        target = Page.objects.filter(pk=comment.object_pk).specific().first()
    return purge_pages(sender, urls=addresses(target if isinstance(target, Page) else None))


def purge_pages_for_response(sender, instance, **kwargs):
    if not page_cache.frontend_cache_enabled():
        return purge_pages(sender, urls=[])
    # On its story's deletion the story is gone already: its deletion purges it.
    return purge_pages(
        sender, urls=addresses(Page.objects.filter(pk=instance.story_id).specific().first())
    )


def _addresses_of(*pages):
    """``addresses(*pages)`` when a CDN is to be told, else none (and no query)."""
    if not page_cache.frontend_cache_enabled():
        return []
    return addresses(*pages)


def purge_pages_for_setting(sender, instance, created=False, **kwargs):
    # The crisis resources are in every footer. A setting's row is made, with its
    # defaults, the first time a page reads it: that changes nothing on the page.
    if isinstance(instance, BaseSiteSetting) and not created:
        purge_pages(sender)


def register_page_cache_handlers():
    """Whatever changes what a reader sees: a page published, unpublished, moved,
    renamed or deleted (a withdrawn or erased story), a story withdrawn, a comment
    posted, shown, hidden, redacted or deleted, a site or its settings changed, an
    organisation of the directory published, changed or removed (inside the
    review's transaction: the purge after its commit sees its accounts too), a
    story's official response written, approved or erased."""
    for signal, receiver, name in (
        (page_published, purge_pages_for_page, "published"),
        (page_unpublished, purge_pages_for_page, "unpublished"),
        (page_slug_changed, purge_pages_for_page, "slug_changed"),
        (post_page_move, purge_pages_for_moved_page, "moved"),
        (story_withdrawn, purge_pages_for_withdrawal, "withdrawn"),
        (comments_changed, purge_pages_for_comment, "comments_changed"),
    ):
        signal.connect(receiver, dispatch_uid=f"home.purge_pages.{name}")
    post_delete.connect(purge_pages_for_page, dispatch_uid="home.purge_pages.page_deleted")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            purge_pages_for_comment,
            sender=XtdComment,
            dispatch_uid=f"home.purge_pages.comment_{name}",
        )
        signal.connect(
            purge_pages_for_response,
            sender=OfficialResponse,
            dispatch_uid=f"home.purge_pages.officialresponse_{name}",
        )
        signal.connect(purge_pages, sender=Site, dispatch_uid=f"home.purge_pages.site_{name}")
        for model in (Organisation, Account):
            signal.connect(
                purge_pages,
                sender=model,
                dispatch_uid=f"home.purge_pages.{model._meta.model_name}_{name}",
            )
        signal.connect(purge_pages_for_setting, dispatch_uid=f"home.purge_pages.setting_{name}")


def register_signal_handlers():
    register_page_cache_handlers()
    # An information page's title, "Show in menus" or being live changes its link.
    for signal, name in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (post_delete, "deleted"),
    ):
        signal.connect(
            purge_footer, sender=InformationPage, dispatch_uid=f"home.purge_footer.{name}"
        )
    # Any page's move or new slug may change the links' addresses (an ancestor's
    # included), and a site's root page which pages are its own.
    page_slug_changed.connect(purge_footer, dispatch_uid="home.purge_footer.slug_changed")
    post_page_move.connect(purge_footer, dispatch_uid="home.purge_footer.moved")
    post_save.connect(purge_footer, sender=Site, dispatch_uid="home.purge_footer.site_saved")
    post_delete.connect(purge_footer, sender=Site, dispatch_uid="home.purge_footer.site_deleted")
