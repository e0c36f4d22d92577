"""What search engines and link previews read of a page: its canonical address, its
description, Open Graph and Twitter card tags, and schema.org data.

Every address is built from the Wagtail site's root URL (``SITE_URL``), never from
the request's Host header. Only what the page shows goes in: a story's published
fields (the page row is the live version; drafts live in revisions), its author's
name as published, and a photo already approved for the page. The author's
contact details live on the submission, which nothing here reads.
"""

import json

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from sharing.sites import site_root_url
from stories.models import StoryPage

register = template.Library()

DEFAULT_DESCRIPTION = _(
    "Stories of care from patients, families and staff, each read by a moderator "
    "before it is published."
)
SHARE_IMAGE_SPEC = "format-jpeg|width-1200"  # the JPEG the story page shows already

# As django.utils.html.json_script: the JSON cannot close its <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def absolute(root_url, url):
    return url if url.startswith(("http://", "https://")) else root_url + url


def share_image(story, root_url):
    """The story's hero photo, else its first photo: (absolute URL, rendition, alt text)."""
    photos = list(story.photos.select_related("image"))
    image = story.hero_image
    alt = next((p.alt_text for p in photos if image and p.image_id == image.pk), "")
    if image is None and photos:
        image, alt = photos[0].image, photos[0].alt_text
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    return {
        "url": absolute(root_url, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt,
    }


def story_data(story, meta):
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": story.title,
        "inLanguage": story.language,
        "description": meta["description"],
        "url": meta["canonical"],
        "mainEntityOfPage": meta["canonical"],
        "author": {"@type": "Person", "name": str(story.author_label)},
        "publisher": {"@type": "Organization", "name": meta["site_name"]},
    }
    if story.first_published_at:
        data["datePublished"] = story.first_published_at.isoformat()
    if story.last_published_at:
        data["dateModified"] = story.last_published_at.isoformat()
    if meta["image"]:
        data["image"] = meta["image"]["url"]
    return data


def website_data(meta, root_url):
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": meta["site_name"],
        "url": root_url + "/",
        "description": meta["description"],
        "potentialAction": {
            "@type": "SearchAction",
            "target": root_url + "/search/?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }


@register.inclusion_tag("stories/includes/page_meta.html", takes_context=True)
def page_meta(context):
    request = context.get("request")
    if request is None:
        return {}  # an error page rendered without its request (handler400): no meta
    page = context.get("page")
    site = Site.find_for_request(request)
    root_url = site_root_url(site, request) if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    site_name = context.get("site_name") or settings.WAGTAIL_SITE_NAME
    site_description = (site.root_page.search_description if site else "") or str(
        DEFAULT_DESCRIPTION
    )

    is_page = hasattr(page, "get_full_url")
    if is_page:
        # Only the page's own variants of itself: a comment thread's order, or any
        # other parameter, is the same page.
        canonical = page.get_full_url(request)
        if context.get("canonical_query"):
            canonical += "?" + context["canonical_query"]
    else:
        # The public views outside the page tree (search, the share form): their
        # address without its query.
        canonical = root_url + request.path
    story = page if isinstance(page, StoryPage) else None

    meta = {
        "canonical": canonical,
        "site_name": site_name,
        "title": (page.seo_title or page.title) if is_page else site_name,
        "description": (page.search_description if is_page else "")
        or (story.summary_text() if story else "")
        or site_description,
        "type": "article" if story else "website",
        "image": share_image(story, root_url) if story else None,
        "robots": context.get("meta_robots", ""),
    }
    data = None
    if story:
        data = story_data(story, meta)
    elif is_page and site and page.pk == site.root_page_id:
        data = website_data(meta, root_url)
    if data:
        text = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
        meta["json_ld"] = mark_safe(text)  # noqa: S308 (escaped as json_script does)
    return meta
