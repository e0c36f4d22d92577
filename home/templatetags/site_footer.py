import logging

from django import template
from django.db import DatabaseError

from home.footer import footer_links

logger = logging.getLogger(__name__)
register = template.Library()


@register.inclusion_tag("home/includes/footer_links.html", takes_context=True)
def footer_pages(context):
    """The footer's links to the information pages; on an error page rendered
    without its request, the default site's. An error page whose database cannot
    be read goes without them rather than failing too."""
    try:
        links = footer_links(context.get("request"))
    except DatabaseError:
        logger.warning("Footer links left out: the database cannot be read", exc_info=True)
        links = []
    # The pages' titles are the editors' words, in the content language.
    return {"links": links, "content_lang": context.get("content_lang", "")}
