"""Receivers that keep the footer's links (``home.footer``) true to the page tree."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .footer import purge_footer_links
from .models import InformationPage


def purge_footer(sender, **kwargs):
    # Now, and again once the change is committed: a page view between the two
    # may have cached what another connection still saw.
    purge_footer_links()
    transaction.on_commit(purge_footer_links)


def register_signal_handlers():
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
