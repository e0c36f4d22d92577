"""The full-page cache for anonymous readers.

An anonymous reader (no session cookie, no message waiting in a cookie) who
GETs a public page (a Wagtail page, the feed, the sitemap, robots.txt) is served
a copy from the cache (``settings.CACHES["default"]``, Redis in production) once
one reader has been; the response says ``Cache-Control: public`` with the
lifetimes of ``PAGE_CACHE_MAX_AGE`` (browsers) and ``PAGE_CACHE_S_MAXAGE``
(a CDN in front), and varies on nothing personal. Everyone else (signed in, a
session of any kind, a message to show, a query parameter that is not one of
``PAGE_CACHE_QUERY_PARAMS``) gets the page made for them, and nothing is stored.

What a cached page leaves out: the CSRF token of the comment form. The form
then carries an empty token, which ``js/csrf.js`` fills from ``csrf_token``
(not cached) before the comment is posted; without JavaScript the post fails
the CSRF check and ``sharing.views.csrf_failure`` shows what was typed, ready to
send again with a token.

``purge()`` empties the whole cache at once, by starting a new generation: each
stored page records the generation it was made in and is served only in that
one. A change that readers see touches more than one address (a story, the
index and its topic pages with every query string, home, the feed, the sitemap,
the "Related stories" of other stories, the comment counts on cards), and the
site changes rarely next to how often it is read, so one purge for all is the
one that cannot miss an address. Its receivers are in ``home.signal_handlers``.

A CDN or caching proxy in front keeps copies too, by address, for
``PAGE_CACHE_S_MAXAGE``. ``purge_frontend()`` tells it, through Wagtail's
frontend cache (``WAGTAILFRONTENDCACHE``, set from the environment in the
production settings), to drop the addresses the same change reaches: the
receivers make one list of them for each change, and the server's cache and the
CDN are purged from it together.
"""

import hashlib
import logging
import secrets

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_request
from wagtail.contrib.frontend_cache.utils import PurgeBatch

logger = logging.getLogger(__name__)

GENERATION_KEY = "page_cache:generation"
PAGE_KEY_PREFIX = "page_cache:page:"
# The views whose pages are the same for every anonymous reader.
CACHED_VIEWS = {"wagtail_serve", "story_feed", "sitemap", "robots_txt"}
CACHED_TYPES = ("text/html", "application/atom+xml", "application/xml", "text/plain")


def purge():
    """Serve no page stored until now: the next reader of each gets a new one."""
    cache.set(GENERATION_KEY, secrets.token_hex(8), timeout=None)


def frontend_cache_enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_frontend(urls):
    """Have the CDN in front drop its copies of ``urls`` (Wagtail's task, in the
    background). Nothing without one configured; a failure is logged, never raised:
    the change is made, and the CDN's copies end with their ``s-maxage``."""
    if not urls or not frontend_cache_enabled():
        return
    try:
        PurgeBatch(urls).purge()
    except Exception:
        logger.exception("Could not ask the frontend cache to purge %d addresses", len(urls))


def _generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def is_anonymous_read(request):
    """A GET or HEAD from a browser with no session and no message waiting, with
    only the query parameters that pages read (others would fill the cache)."""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(settings.PAGE_CACHE_SKIP_PATHS):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    allowed = settings.PAGE_CACHE_QUERY_PARAMS
    return all(name in allowed for name in request.GET)


def page_key(request):
    """The address, and the language the page would be made in (from the language
    cookie or Accept-Language, as Django's LocaleMiddleware chooses it): one copy
    of a page for each language it is read in. The address is hashed: a long or
    odd query string makes a key of the same short, safe length."""
    language = get_language_from_request(request)
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"{PAGE_KEY_PREFIX}{language}:{digest}"


def is_cached(request):
    """Whether this request's page is made for the cache: templates leave out what
    is only one reader's (the comment form's CSRF token)."""
    return getattr(request, "page_cache", False)


def anonymous_user():
    """Nobody, as django-otp and ``users.middleware`` describe a visitor."""
    user = AnonymousUser()
    user.otp_device = None
    user.is_verified = lambda: False
    return user


class PageCacheMiddleware:
    """Serve anonymous readers' pages from the cache, and store them.

    Placed right after django-guid's middleware: a page from the cache costs one
    cache read and no query, and still carries every security header (they are
    stored with it) and this request's own ``X-Request-ID``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0 or not is_anonymous_read(request):
            return self.get_response(request)
        key = page_key(request)
        try:
            stored = cache.get_many([GENERATION_KEY, key])
        except Exception:  # a cache that is down is a miss (Redis errors are already)
            stored = {}
        entry, generation = stored.get(key), stored.get(GENERATION_KEY)
        if entry is not None and generation is not None and entry[0] == generation:
            return entry[1]
        # The generation before the page is made: a purge while it is made makes
        # this copy stale at once, rather than serving the old content as new.
        generation = generation or _generation()
        response = self.get_response(request)
        if is_cached(request) and self.can_store(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_MAX_AGE,
                s_maxage=settings.PAGE_CACHE_S_MAXAGE,
            )
            if request.method == "GET" and generation is not None:
                cache.set(key, (generation, response), settings.PAGE_CACHE_SECONDS)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if settings.PAGE_CACHE_SECONDS <= 0 or not is_anonymous_read(request):
            return None
        match = request.resolver_match
        if match is None or match.view_name not in CACHED_VIEWS:
            return None
        request.page_cache = True
        # Nobody is signed in without a session: known without reading the empty
        # session, which would make the response vary on the Cookie header.
        request.user = anonymous_user()
        return None

    @staticmethod
    def can_store(request, response):
        """A whole, successful, public page that set no cookie and depends on none."""
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
            and "cookie" not in response.get("Vary", "").lower()
            and response.get("Content-Type", "").startswith(CACHED_TYPES)
        )
