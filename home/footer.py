"""The footer's links to the site's information pages (about, privacy, terms, contact).

They come from the pages themselves: the live information pages marked "Show in
menus" under the site's root, in the order of the page tree, so an editor who
retitles, reorders or unpublishes one changes every footer. The list is kept in
the cache per site: a page with a warm cache pays no query for it, a cold one
pays one. The signal handlers (``home.signal_handlers``) purge it whenever a
page is published, unpublished, deleted, moved or renamed, or a site changes.
"""

from django.core.cache import cache
from wagtail.models import Site

from .models import InformationPage

CACHE_SECONDS = 60 * 60  # a safety net only: every change purges it at once
DEFAULT_SITE = "default"


def cache_key(site_key):
    return f"home:footer-links:{site_key}"


def footer_links(request=None):
    """[{"title", "url"}] of the footer's pages for the request's site.

    Without a request (an error page rendered without one), the default site's;
    without any site, none.
    """
    site = Site.find_for_request(request) if request is not None else None
    key = cache_key(site.pk if site is not None else DEFAULT_SITE)
    links = cache.get(key)
    if links is not None:
        return links
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    root = next((path for path in Site.get_site_root_paths() if path.site_id == site.pk), None)
    if root is None:
        return []
    pages = (
        InformationPage.objects.live()
        .filter(show_in_menus=True, url_path__startswith=root.root_path)
        .exclude(url_path=root.root_path)
        .order_by("path")
    )
    links = [
        {"title": page.title, "url": page.get_url(request=request, current_site=site)}
        for page in pages
    ]
    cache.set(key, links, CACHE_SECONDS)
    return links


def purge_footer_links():
    """Forget every site's footer links; the next page view reads them again."""
    site_keys = [*Site.objects.values_list("pk", flat=True), DEFAULT_SITE]
    cache.delete_many([cache_key(site_key) for site_key in site_keys])
