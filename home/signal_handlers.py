"""Receivers that keep the footer's links (``home.footer``) true to the page tree,
and the page cache (``sharing.page_cache``) true to what readers may see."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django_comments_xtd.models import XtdComment
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from comments.signals import comments_changed
from directory.models import Account, Organisation
from sharing import page_cache
from stories.models import OfficialResponse
from stories.signals import story_withdrawn

from .footer import purge_footer_links
from .models import InformationPage


def purge_footer(sender, **kwargs):
    # Now, and again once the change is committed: a page view between the two
    # may have cached what another connection still saw.
    purge_footer_links()
    transaction.on_commit(purge_footer_links)


def purge_pages(sender, **kwargs):
    """Every cached page, now and once the change is committed (a reader between
    the two may have had a page made from what another connection still saw)."""
    page_cache.purge()
    transaction.on_commit(page_cache.purge)


def purge_pages_for_page(sender, instance, **kwargs):
    if isinstance(instance, Page):
        purge_pages(sender)


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
    for signal, name in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (page_slug_changed, "slug_changed"),
        (post_page_move, "moved"),
        (story_withdrawn, "withdrawn"),
        (comments_changed, "comments_changed"),
    ):
        signal.connect(purge_pages, dispatch_uid=f"home.purge_pages.{name}")
    post_delete.connect(purge_pages_for_page, dispatch_uid="home.purge_pages.page_deleted")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            purge_pages, sender=XtdComment, dispatch_uid=f"home.purge_pages.comment_{name}"
        )
        signal.connect(purge_pages, sender=Site, dispatch_uid=f"home.purge_pages.site_{name}")
        for model in (Organisation, Account, OfficialResponse):
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
