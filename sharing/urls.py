import re

from django.conf import settings
from django.contrib import admin
from django.http import Http404
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control, never_cache
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from sharing import views as sharing_views
from sharing.health import health
from stories import views as story_views
from stories.feeds import LatestStoriesFeed
from users import views as user_views


def not_found(request, **kwargs):
    raise Http404


handler400 = "sharing.views.bad_request"

urlpatterns = [
    path("health/", health, name="health"),
    # The CSRF token for a form on a page from the page cache (sharing/page_cache.py).
    path("csrf-token/", sharing_views.csrf_token, name="csrf_token"),
    path("django-admin/", admin.site.urls),
    # Wagtail's sign-in, with a second step for staff who set up an app (users/).
    path("admin/login/", never_cache(user_views.LoginView.as_view()), name="admin_login"),
    path("admin/login/code/", user_views.LoginCodeView.as_view(), name="admin_login_code"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", story_views.search, name="search"),
    # The language switcher posts here (Django's set_language: a cookie, then back).
    path("i18n/", include("django.conf.urls.i18n")),
    path("share/", include("stories.urls")),
    # The directory's proposal form and private status pages (its list is a page).
    path("directory/", include("directory.urls")),
    path("feed/", LatestStoriesFeed(), name="story_feed"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", sharing_views.robots_txt, name="robots_txt"),
    path("favicon.ico", sharing_views.favicon, name="favicon"),
    # Ours first: comments-xtd's post and reply views wrapped (rate limit, clear
    # pages), reports, unsubscribe.
    path("comments/", include("comments.urls")),
    # comments-xtd's format-suffix routes ("posted.json", "reply/1.json", ...) fail
    # with a TypeError in its views, and nothing here uses them.
    re_path(r"^comments/.+\.(?P<format>[a-z0-9]+)/?$", not_found),
    path("comments/", include("django_comments_xtd.urls")),
]

# Public media in every deployment: the renditions of images in the library
# (approved photos among them), which Wagtail keeps flat in MEDIA_ROOT/images/.
# Only those, by name and image extension: never the originals, documents (they
# go through Wagtail's serve view and its privacy checks) or anything in
# PRIVATE_MEDIA_ROOT, a separate directory (the production settings check it).
# whitenoise cannot serve uploads: it indexes its files once, at start-up. A
# proxy may serve MEDIA_ROOT/images/ itself at the same address (README).
# Revalidated on every view: a withdrawn story's photo goes when it is deleted.
urlpatterns += [
    re_path(
        rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}"
        r"(?P<path>images/[\w.-]+\.(?:jpe?g|png|webp|gif|avif))$",
        cache_control(no_cache=True)(serve),
        {"document_root": settings.MEDIA_ROOT},
        name="public_media",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
