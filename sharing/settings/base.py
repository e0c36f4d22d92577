"""Settings shared by every environment.

Safe by default: DEBUG is off and there is no secret key here. Every value that
comes from the environment is read in this module, through one typed schema
(django-environ), so the README's table of variables is this list.
"""

from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from sharing.logging import logging_config

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, ["localhost", "127.0.0.1", "[::1]"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    CACHE_URL=(str, "locmemcache://"),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "no-reply@localhost"),
    MODERATORS_EMAIL=(list, []),
    SITE_URL=(str, "http://127.0.0.1:8000"),
    SITE_NAME=(str, "Sharing"),
    AKISMET_API_KEY=(str, ""),
    AKISMET_SITE_URL=(str, ""),
    AKISMET_STORY_CONTENT=(str, "metadata"),
    COMMENT_RATE=(str, "5/10m"),
    COMMENT_REPORT_THRESHOLD=(int, 3),
    COMMENT_EDIT_MINUTES=(int, 15),
    COMMENTS_PUBLISH_FIRST_NAMES=(bool, True),
    SCREEN_LEARNED=(bool, True),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    STATIC_ROOT=(str, str(BASE_DIR / "static_collected")),
    PRIVATE_MEDIA_ROOT=(str, str(BASE_DIR / "private_media")),
    PHONE_REGION=(str, "US"),
    SUBMISSION_RATE=(str, "5/h"),
    DECLINED_RETENTION_DAYS=(int, 90),
    UNCONFIRMED_COMMENT_RETENTION_DAYS=(int, 14),
    TRUSTED_PROXY_COUNT=(int, 0),
    TIME_ZONE=(str, "UTC"),
    LOG_LEVEL=(str, "INFO"),
    LOG_FORMAT=(str, ""),
    ADMINS=(str, ""),
    HEALTH_MAX_TASK_AGE=(int, 15 * 60),
    MAIL_RETRY_DELAYS=(list, [60, 5 * 60, 30 * 60]),
    SECURE_SSL_REDIRECT=(bool, True),
    SECURE_HSTS_SECONDS=(int, 60 * 60 * 24 * 365),
    CONN_MAX_AGE=(int, 60),
    DJANGO_ADMIN_PASSWORD=(str, ""),
    STAFF_REQUIRE_TWO_FACTOR=(bool, False),
    PAGE_CACHE_SECONDS=(int, 10 * 60),
    PAGE_CACHE_MAX_AGE=(int, 0),
    PAGE_CACHE_S_MAXAGE=(int, 60),
    FRONTEND_CACHE_URL=(str, ""),
    CLOUDFLARE_ZONE_ID=(str, ""),
    CLOUDFLARE_BEARER_TOKEN=(str, ""),
    CLOUDFRONT_DISTRIBUTION_ID=(str, ""),
)

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "sharing.views.csrf_failure"

INSTALLED_APPS = [
    "users",
    "home",
    "stories",
    "moderation",
    "comments",
    "directory",
    "django_comments_xtd",
    "django_comments",
    "django_tasks",
    "django_tasks_db",
    "django_guid",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

SITE_ID = 1

MIDDLEWARE = [
    "django_guid.middleware.guid_middleware",
    "sharing.page_cache.PageCacheMiddleware",  # anonymous readers' pages (sharing/page_cache.py)
    "django.middleware.security.SecurityMiddleware",
    "sharing.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "sharing.middleware.NulByteMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After the session and before CommonMiddleware (Django's order): the public
    # site speaks the language of the switcher's cookie, else Accept-Language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "users.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sharing.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sharing.context_processors.site",
                "csp.context_processors.nonce",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "sharing.wsgi.application"

DATABASES = {"default": env.db_url_config(env("DATABASE_URL"))}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache_url_config(env("CACHE_URL"))}
# With Redis (django-redis, which django-environ picks for redis:// URLs) down or
# stalled, the site keeps serving and taking stories: each cache call gives up
# within a second and acts as a miss (logged, on the console only, by
# sharing.cache); rate limits then fail open.
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1}
    )
DJANGO_REDIS_IGNORE_EXCEPTIONS = True
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "sharing.cache"
RATELIMIT_FAIL_OPEN = True

AUTH_USER_MODEL = "users.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
AUTHENTICATION_BACKENDS = [
    "sharing.security.LoginThrottleBackend",  # first: refuses a locked-out sign-in
    # Django's ModelBackend, reading a session's user with their Wagtail profile.
    "users.backends.UserBackend",
]

# Languages of the public site. One address per page in every language: the
# language comes from the switcher's cookie (Django's set_language view) or the
# browser's Accept-Language, so the sitemap and canonical links stay as they are.
# Translations: locale/ for the project's templates and <app>/locale/ for each
# public app, compiled by `make messages` (`manage.py compilemessages`).
# Wagtail's admin speaks each user's own admin language (their Wagtail account
# setting), whatever the public site's.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365  # a reader's choice outlasts the browser session
# Page content (stories, Wagtail pages) has one locale: a story is in the
# language its author wrote it in (StoryPage.language), not a translation.
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("en", "English")]
TIME_ZONE = env("TIME_ZONE")
USE_I18N = True
USE_TZ = True
# Dates on public pages are printed with each language's formats (|date:"DATE_FORMAT"):
# sharing/formats/ holds the site's English ones; the feed and the sitemap keep ISO.
FORMAT_MODULE_PATH = ["sharing.formats"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = env("STATIC_ROOT")
STATIC_URL = "/static/"
MEDIA_ROOT = env("MEDIA_ROOT")
MEDIA_URL = "/media/"
PRIVATE_MEDIA_ROOT = env("PRIVATE_MEDIA_ROOT")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Never served: submitted photos wait here until a moderator approves them.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# What Django reads of a request at most, well above what the public forms accept
# (a story of STORY_MAX_CHARS, PHOTO_MAX_COUNT photos), so that the forms, not
# Django's parser, refuse too much, with the person's text kept and a message at
# the field. Past these, sharing.views.bad_request explains the limits.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # bytes of fields other than files (Django's default)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_NUMBER_FILES = 100  # Django's default
FILE_UPLOAD_HANDLERS = [  # Django's, with large uploads' temporary files named safely
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "sharing.uploads.TemporaryFileUploadHandler",
]

# Mail: an EMAIL_URL such as smtp+tls://user:password@mail.example.org:587
vars().update(env.email_url(var="EMAIL_URL"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = 10
MODERATORS_EMAIL = env("MODERATORS_EMAIL")
# Every mail goes from a background task; one the mail server does not take is
# tried again after each of these delays (seconds), then recorded as failed.
try:
    MAIL_RETRY_DELAYS = tuple(int(delay) for delay in env("MAIL_RETRY_DELAYS"))
except ValueError as error:
    raise ImproperlyConfigured(
        "MAIL_RETRY_DELAYS is seconds separated by commas, such as 60,300,1800"
    ) from error

# Story submissions
PHONE_REGION = env("PHONE_REGION")  # how to read phone numbers written without +country
SUBMISSION_RATE = env("SUBMISSION_RATE")  # stories accepted per client, e.g. "5/h"
DIRECTORY_PROPOSAL_RATE = "5/h"  # directory proposals accepted per client
MESSAGE_RATE = "10/h"  # messages an author sends on one submission
MESSAGE_MAX_CHARS = 5_000  # one message of the author's or a moderator's
# Days a declined story keeps its author's details (`erase_expired_submissions`).
DECLINED_RETENTION_DAYS = env("DECLINED_RETENTION_DAYS")
# Comments never confirmed by their authors: their text and address are forgotten.
UNCONFIRMED_COMMENT_RETENTION_DAYS = env("UNCONFIRMED_COMMENT_RETENTION_DAYS")
# How many reverse proxies in front of the site add to X-Forwarded-For (0: none).
TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT")
RATELIMIT_IP_META_KEY = "sharing.client_ip.client_ip"
STORY_MAX_CHARS = 20_000
PHOTO_MAX_COUNT = 3
PHOTO_MAX_BYTES = 10 * 1024 * 1024
PHOTO_MAX_PIXELS = 40_000_000

# Background work: immediate here; the production settings use the database
# worker (`manage.py db_worker`).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Akismet: the spam check is skipped (and reported as not done) without a key.
AKISMET_API_KEY = env("AKISMET_API_KEY")
AKISMET_SITE_URL = env("AKISMET_SITE_URL") or env("SITE_URL")
AKISMET_CLIENT_CLASS = "akismet.SyncClient"  # tests use the package's test clients
AKISMET_TIMEOUT = 2.0  # seconds; past it the check counts as not done
# Seconds a story's spam check may stay "Checking" before the scheduled job
# `expire_pending_spam_checks` records it as not checked (its task never ended).
SPAM_CHECK_MAX_WAIT = 60 * 60
# What Akismet is told about a story: "metadata" (the submitter's IP address, user
# agent and referrer, and the dates: no text, no name, no email) or "full" (the
# story's title and text and its author's name and email too). Comments, whose
# text is public once published, are always sent with their text.
AKISMET_STORY_CONTENT = env("AKISMET_STORY_CONTENT")

# Wagtail
WAGTAIL_SITE_NAME = env("SITE_NAME")
WAGTAILADMIN_BASE_URL = env("SITE_URL")
# Search: Wagtail's database backend (django-modelsearch). On PostgreSQL it stems
# English words ("hearts" finds "heart"), and stories/views.py falls back to its
# trigram matching (pg_trgm, enabled by a stories migration) for misspellings.
# SQLite's FTS5 matches whole words as typed. A change of SEARCH_CONFIG takes
# effect on a site's stories after `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "english"
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No calls out to Gravatar from the admin: staff see their initials instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Publishing on approval does not depend on the approver's page permissions.
WAGTAIL_FINISH_WORKFLOW_ACTION = "moderation.workflows.publish_workflow_state"
TAGGIT_CASE_INSENSITIVE = True

# Security headers and sign-in throttling: the same here as in production, so a
# page that breaks the policy breaks in development first.
# Content-Security-Policy (django-csp): the public site runs nothing inline and
# loads nothing from elsewhere. An inline script would carry
# nonce="{{ request.csp_nonce }}"; none does today.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Wagtail's admin (and Django's) under the same policy but for what it needs,
# measured in Chromium (tests/e2e/test_content_security_policy.py): Wagtail 8
# writes inline scripts without a nonce (the page explorer, inline panels, date
# widgets, the editor's vendor.js), so its scripts may be inline. Styles, images
# and everything else stay as strict as on the public site. No nonce here: a
# browser ignores 'unsafe-inline' when a nonce is present.
ADMIN_CSP_PATHS = ["/admin/", "/django-admin/"]
ADMIN_CSP_REPLACE = {"script-src": [SELF, UNSAFE_INLINE]}
# Permissions-Policy (django-permissions-policy): no page here needs any of these.
# Only features Chromium knows: it warns in the console of every page of one it does not
# ("ambient-light-sensor", "bluetooth").
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}
# Sign-in throttling (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for
# one username from one address, that pair may not sign in for LOGIN_COOLOFF, and
# the sign-in page says so (HTTP 429). A right password before then starts the
# count again. Other addresses and usernames are counted apart, so nobody can lock
# a moderator out from elsewhere. Failures are kept in the database.
LOGIN_FAILURE_LIMIT = 5
LOGIN_COOLOFF = timedelta(minutes=15)
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = LOGIN_COOLOFF
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "sharing.client_ip.client_ip"  # right behind the proxy
AXES_LOCKOUT_CALLABLE = "sharing.security.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # failures only: no record of every staff sign-in
AXES_VERBOSE = False
# Not in Django's admin: a pause ends by itself, or early with `manage.py axes_reset`.
AXES_ENABLE_ADMIN = False
# Two-step verification for staff (django-otp, users/): anyone with a confirmed
# authenticator app gives its 6-digit code after the password, at
# /admin/login/code/; a wrong code counts as a failed sign-in above. With
# STAFF_REQUIRE_TWO_FACTOR, a staff member without one is sent to set it up from
# every admin page. `manage.py remove_two_factor USERNAME` for a lost phone.
STAFF_REQUIRE_TWO_FACTOR = env("STAFF_REQUIRE_TWO_FACTOR")
TWO_FACTOR_PATHS = ADMIN_CSP_PATHS  # the admin's pages, where the checks apply
TWO_FACTOR_PENDING_SECONDS = 5 * 60  # to give the code after a right password
OTP_TOTP_ISSUER = env("SITE_NAME")  # the account's name in the authenticator app
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # no secret or QR code in Django's admin

# Comments (django-comments-xtd)
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MAX_THREAD_LEVEL = 2  # three levels: a comment, a reply, a reply to it
COMMENTS_XTD_FORM_CLASS = "comments.forms.StoryCommentForm"
COMMENTS_XTD_CONFIRM_EMAIL = True  # a comment without an account is confirmed by email
COMMENTS_XTD_SEND_HTML_EMAIL = False
COMMENTS_XTD_THREADED_EMAILS = False  # mail goes out in the request or a background task
COMMENTS_XTD_FROM_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_CONTACT_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "default": {
        "who_can_post": "all",
        "allow_flagging": True,
        "allow_feedback": False,
        "show_feedback": False,
    }
}
COMMENT_MAX_LENGTH = 3000
COMMENT_THREADS_PER_PAGE = 25  # top-level comments (each with all its replies) on a page of a story
# A page of a story's threads, as rendered, is kept in the cache under a digest of the
# comments it shows (comments.threads.render_comment_list): a day for a key no longer asked
# for; 0 renders it every time.
COMMENT_LIST_CACHE_SECONDS = 24 * 60 * 60


def _comment_url(comment, anchor_pattern="#c%(id)s"):
    """A comment's permalink (django-comments' redirect and anchor) with the
    comment's id where the server sees it, so that the redirect opens the page of
    comments that holds it: the anchor alone never reaches the server."""
    from django.urls import reverse

    url = reverse("comments-url-redirect", args=(comment.content_type_id, comment.object_pk))
    return f"{url}?c={comment.pk}{anchor_pattern % comment.__dict__}"


ABSOLUTE_URL_OVERRIDES = {"django_comments_xtd.xtdcomment": _comment_url}
COMMENT_RATE = env("COMMENT_RATE")  # comments posted per client, e.g. "5/10m"
COMMENT_REPORT_RATE = "20/h"  # reports sent per client
# Readers' reports that hide a comment until a moderator decides.
COMMENT_REPORT_THRESHOLD = env("COMMENT_REPORT_THRESHOLD")
# Minutes after posting in which a comment's author may edit or delete it, from the
# browser they posted it from.
COMMENT_EDIT_MINUTES = env("COMMENT_EDIT_MINUTES")
# A lone first name ("Thank you, Maria") does not hold a comment for a moderator.
COMMENTS_PUBLISH_FIRST_NAMES = env("COMMENTS_PUBLISH_FIRST_NAMES")
# The screen's learned parts (the crisis and label readers) run beside its rules
# (screening/README.md).
SCREEN_LEARNED = env("SCREEN_LEARNED")

# The full-page cache for anonymous readers (sharing/page_cache.py): seconds a page
# is kept on the server (0: no page cache), and the lifetimes it announces to
# browsers (max-age) and to a CDN in front (s-maxage). Every publication,
# withdrawal and comment decision empties the server's copies at once; a CDN's
# only if it is told (README, "A CDN in front"), and a browser's never: keep
# max-age at 0, so that a browser asks again (and is answered from the cache).
PAGE_CACHE_SECONDS = env("PAGE_CACHE_SECONDS")
PAGE_CACHE_MAX_AGE = env("PAGE_CACHE_MAX_AGE")
PAGE_CACHE_S_MAXAGE = env("PAGE_CACHE_S_MAXAGE")
# The query parameters public pages read; a page asked for with any other is not cached.
PAGE_CACHE_QUERY_PARAMS = {"page", "topic", "role", "comments", "before", "after"}
# Paths that are never cached, not even looked up (a static file would cost a
# cache read for nothing). Only the views in sharing.page_cache.CACHED_VIEWS
# are ever stored, whatever this says.
PAGE_CACHE_SKIP_PATHS = (
    STATIC_URL,
    MEDIA_URL,
    "/admin/",
    "/django-admin/",
    "/share/",
    "/comments/",
    "/directory/",
    "/search/",
    "/documents/",
    "/csrf-token/",
    "/health/",
)
# A cached page's comment form is as old as the page, and comments-xtd refuses a
# form older than two hours: a page may be at most an hour old when it is shown.
if PAGE_CACHE_SECONDS + PAGE_CACHE_S_MAXAGE + PAGE_CACHE_MAX_AGE > 60 * 60:
    raise ImproperlyConfigured(
        "PAGE_CACHE_SECONDS, PAGE_CACHE_S_MAXAGE and PAGE_CACHE_MAX_AGE may add up "
        "to an hour at most: a comment form older than two hours is refused."
    )

# Operations: logs, error mail, the health endpoint (README, "Running in production").
# Every log line has a time and the request id (X-Request-ID, from the proxy or
# made here, and sent back); LOG_FORMAT is "text" here, "json" in production.
LOG_LEVEL = env("LOG_LEVEL")
LOG_FORMAT = env("LOG_FORMAT") or "text"
LOGGING = logging_config(LOG_LEVEL, LOG_FORMAT)
DJANGO_GUID = {"GUID_HEADER_NAME": "X-Request-ID", "EXPOSE_HEADER": False}
# Errors are mailed to ADMINS when DEBUG is off: "Ops <ops@example.org>,b@example.org".
ADMINS = [(name, address) for name, address in getaddresses([env("ADMINS")]) if address]
DEFAULT_EXCEPTION_REPORTER_FILTER = "sharing.logging.PrivateExceptionReporterFilter"
# /health/: 503 once the oldest waiting background task has waited this long (s).
HEALTH_MAX_TASK_AGE = env("HEALTH_MAX_TASK_AGE")

DJANGO_ADMIN_PASSWORD = env("DJANGO_ADMIN_PASSWORD")
