from django import template

from home.footer import footer_links

register = template.Library()


@register.inclusion_tag("home/includes/footer_links.html", takes_context=True)
def footer_pages(context):
    """The footer's links to the information pages; on an error page rendered
    without its request, the default site's."""
    return {"links": footer_links(context.get("request"))}
