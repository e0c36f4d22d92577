"""Settings shared by every environment.

Safe by default: DEBUG is off and there is no secret key here. Every value that
comes from the environment is read in this module, through one typed schema
(django-environ), so the README's table of variables is this list.
"""

from pathlib import Path

import environ

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
    DEFAULT_FROM_EMAIL=(str, "Sharing <no-reply@localhost>"),
    MODERATORS_EMAIL=(list, []),
    SITE_URL=(str, "http://127.0.0.1:8000"),
    SITE_NAME=(str, "Sharing"),
    AKISMET_API_KEY=(str, ""),
    AKISMET_SITE_URL=(str, ""),
    COMMENT_RATE=(str, "5/10m"),
    COMMENT_REPORT_THRESHOLD=(int, 3),
    COMMENTS_PUBLISH_FIRST_NAMES=(bool, True),
    SCREEN_LEARNED=(bool, True),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    STATIC_ROOT=(str, str(BASE_DIR / "static_collected")),
    PRIVATE_MEDIA_ROOT=(str, str(BASE_DIR / "private_media")),
    PHONE_REGION=(str, "US"),
    SUBMISSION_RATE=(str, "5/h"),
    DECLINED_RETENTION_DAYS=(int, 90),
    TRUSTED_PROXY_COUNT=(int, 0),
    TIME_ZONE=(str, "UTC"),
    LOG_LEVEL=(str, "INFO"),
    SECURE_SSL_REDIRECT=(bool, True),
    SECURE_HSTS_SECONDS=(int, 60 * 60 * 24 * 365),
    CONN_MAX_AGE=(int, 60),
    DJANGO_ADMIN_PASSWORD=(str, ""),
)

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "users",
    "home",
    "stories",
    "moderation",
    "comments",
    "django_comments_xtd",
    "django_comments",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.forms",
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
]

SITE_ID = 1

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "sharing.middleware.NulByteMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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

AUTH_USER_MODEL = "users.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = env("TIME_ZONE")
USE_I18N = True
USE_TZ = True

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

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Mail: an EMAIL_URL such as smtp+tls://user:password@mail.example.org:587
vars().update(env.email_url(var="EMAIL_URL"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = 10
MODERATORS_EMAIL = env("MODERATORS_EMAIL")

# Story submissions
PHONE_REGION = env("PHONE_REGION")  # how to read phone numbers written without +country
SUBMISSION_RATE = env("SUBMISSION_RATE")  # stories accepted per client, e.g. "5/h"
# Days a declined story keeps its author's details (`erase_expired_submissions`).
DECLINED_RETENTION_DAYS = env("DECLINED_RETENTION_DAYS")
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

# Wagtail
WAGTAIL_SITE_NAME = env("SITE_NAME")
WAGTAILADMIN_BASE_URL = env("SITE_URL")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
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
COMMENT_RATE = env("COMMENT_RATE")  # comments posted per client, e.g. "5/10m"
COMMENT_REPORT_RATE = "20/h"  # reports sent per client
# Readers' reports that hide a comment until a moderator decides.
COMMENT_REPORT_THRESHOLD = env("COMMENT_REPORT_THRESHOLD")
# A lone first name ("Thank you, Maria") does not hold a comment for a moderator.
COMMENTS_PUBLISH_FIRST_NAMES = env("COMMENTS_PUBLISH_FIRST_NAMES")
# The screen's learned crisis reader runs beside its crisis rules (screening/README.md).
SCREEN_LEARNED = env("SCREEN_LEARNED")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "sharing": {"level": env("LOG_LEVEL")},
        "stories": {"level": env("LOG_LEVEL")},
        "moderation": {"level": env("LOG_LEVEL")},
        "comments": {"level": env("LOG_LEVEL")},
        "screening": {"level": env("LOG_LEVEL")},
        "home": {"level": env("LOG_LEVEL")},
    },
}
DJANGO_ADMIN_PASSWORD = env("DJANGO_ADMIN_PASSWORD")
