from django.conf import settings
from django.utils.translation import get_language

from sharing.page_cache import is_cached


def site(request):
    """The site's name, for the header, titles and footer; and ``content_lang``,
    the language editors write the Wagtail pages in when it is not the reader's
    (for a ``lang`` attribute on what they wrote), else empty; and ``page_cache``,
    whether the page is made for every reader (``sharing.page_cache``), whose
    forms then carry no token of their own (``js/csrf.js`` fetches one)."""
    content_language = settings.WAGTAIL_CONTENT_LANGUAGES[0][0]
    reader_language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "content_lang": content_language if content_language != reader_language else "",
        "page_cache": is_cached(request),
    }
