from django.conf import settings


def site(request):
    """The site's name, for the header, titles and footer."""
    return {"site_name": settings.WAGTAIL_SITE_NAME}
