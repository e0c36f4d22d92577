"""The project's error pages that need more than a template."""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.template import loader


def bad_request(request, exception):
    """``handler400``: a request Django refused to read (too many fields or files, a
    body past DATA_UPLOAD_MAX_MEMORY_SIZE, a host not allowed...). What was sent
    cannot be shown again, so the page says which limits there are and links back
    to the form. Rendered without the request's context processors, which may not
    be able to read a request as broken as this one."""
    path = request.path if request.path.startswith("/share/") else "/"
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "back_url": path,
        "story_max_chars": f"{settings.STORY_MAX_CHARS:,}",
        "photo_max_count": settings.PHOTO_MAX_COUNT,
        "photo_max_mb": settings.PHOTO_MAX_BYTES // (1024 * 1024),
        "comment_max_chars": f"{settings.COMMENT_MAX_LENGTH:,}",
    }
    return HttpResponseBadRequest(loader.get_template("400.html").render(context))
