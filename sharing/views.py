"""The project's error pages that need more than a template, robots.txt and favicon.ico."""

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from django.middleware.csrf import REASON_NO_CSRF_COOKIE, get_token
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Site

from sharing.sites import site_root_url

# The free text of the public forms (the story, its edit, a comment): what a
# person would lose. Shown back to them to check and send again; every other
# posted value goes back as it was, unseen.
TEXT_FIELDS = {
    "title": _("Title of your story"),
    "body": _("Your story"),
    "comment": _("Your comment"),
    "name": _("Your name"),
    "email": _("Your email address"),
    "phone": _("Your phone number"),
}
MULTILINE_FIELDS = {"body", "comment"}
INPUT_TYPES = {"email": "email", "phone": "tel"}
# Reasons that mean an old or missing token from this site's own page, not a
# post from another site (Django checks the Origin header first).
TOKEN_REASONS = (REASON_NO_CSRF_COOKIE, "CSRF token")


def robots_txt(request):
    """robots.txt, pointing at the sitemap on the site's own address (``SITE_URL``)."""
    site = Site.find_for_request(request)
    root = site_root_url(site, request) if site else request.build_absolute_uri("/").rstrip("/")
    return render(
        request,
        "robots.txt",
        {"sitemap_url": root + reverse("sitemap")},
        content_type="text/plain",
    )


@require_GET
def favicon(request):
    """/favicon.ico, which browsers ask for by itself on pages that name no icon (the
    feed, the sitemap, a download) and feed readers always: the site's icon."""
    return redirect(static("favicon.ico"), permanent=True)


@never_cache
@require_GET
def csrf_token(request):
    """This browser's CSRF token (and its cookie), for the forms of cached pages
    (``sharing.page_cache``, ``js/csrf.js``). Same-origin scripts only can read it:
    no CORS header is sent."""
    return JsonResponse({"token": get_token(request)})


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: the site's page, saying what happened, with what the
    person wrote in a form that posts it again with a fresh token.

    Their own text is shown back to them only, never stored. It is shown only when
    the post came from one of this site's pages (an Origin header Django has
    checked against the host): a page on another site cannot have its text put in
    front of a reader here, ready to send.
    """
    own_page = bool(request.META.get("HTTP_ORIGIN")) and reason.startswith(TOKEN_REASONS)
    context = {"own_page": own_page}
    if own_page:
        fields, hidden = [], []
        for name, values in request.POST.lists():
            if name == "csrfmiddlewaretoken":
                continue
            if name in TEXT_FIELDS and len(values) == 1:
                fields.append(
                    {
                        "name": name,
                        "label": TEXT_FIELDS[name],
                        "value": values[0],
                        "multiline": name in MULTILINE_FIELDS or "\n" in values[0],
                        "type": INPUT_TYPES.get(name, "text"),
                        "id": f"kept-{name}",
                    }
                )
            else:
                hidden.extend((name, value) for value in values)
        context.update(
            kept=bool(fields or hidden),
            action=request.path,
            fields=fields,
            hidden=hidden,
            files=list(request.FILES),
            multipart=request.content_type == "multipart/form-data",
        )
    return render(request, "403_csrf.html", context, status=403)


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
