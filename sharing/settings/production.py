"""Production: PostgreSQL, a Redis cache, whitenoise, the database task worker.

SECRET_KEY must be set; there is deliberately no default.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from sharing.logging import logging_config

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")

# Public media (image renditions) are served from MEDIA_ROOT (sharing/urls.py);
# the photos waiting for a moderator must never be under it.
if Path(PRIVATE_MEDIA_ROOT).resolve().is_relative_to(Path(MEDIA_ROOT).resolve()):  # noqa: F405
    raise ImproperlyConfigured("PRIVATE_MEDIA_ROOT must not be inside MEDIA_ROOT.")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": STORAGES["private"],  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT")
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
CONN_MAX_AGE = env("CONN_MAX_AGE")
DATABASES["default"]["CONN_MAX_AGE"] = CONN_MAX_AGE  # noqa: F405

# A CDN or caching proxy in front (README, "A CDN in front"): Wagtail's frontend
# cache tells it to drop the addresses each change reaches, as the page cache
# drops its own (sharing.page_cache.purge_frontend). None configured: none told.
# The app itself is not installed: its receivers would purge a published page a
# second time; home.signal_handlers purges it with the rest of the change's list.
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_URL"):  # Varnish, nginx, ...: an HTTP PURGE of each address
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_URL"),
    }
if env("CLOUDFLARE_ZONE_ID"):
    if not env("CLOUDFLARE_BEARER_TOKEN"):
        raise ImproperlyConfigured("CLOUDFLARE_ZONE_ID needs CLOUDFLARE_BEARER_TOKEN.")
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
    }
if env("CLOUDFRONT_DISTRIBUTION_ID"):  # needs boto3 installed, and AWS credentials
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudFrontBackend",
        "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
    }

# Operations: JSON logs unless LOG_FORMAT says otherwise; the load balancer's
# health check may come over plain HTTP (its Host must be in ALLOWED_HOSTS).
LOGGING = logging_config(LOG_LEVEL, env("LOG_FORMAT") or "json", root_level="INFO")  # noqa: F405
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
