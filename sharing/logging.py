"""Logging: a time and the request id on every line; JSON in production, text in dev.

The request id comes from django-guid's middleware, which takes a valid incoming
``X-Request-ID`` (from the proxy or the load balancer) or makes one, and sends it
back on the response; its log filter puts it on every record. Errors are also
mailed to ``ADMINS`` (Django's ``AdminEmailHandler``) when DEBUG is off, with
every POST value and local variable masked (``PrivateExceptionReporterFilter``):
a failing submission must not mail its author's contact details around.
"""

import logging
import re

from django.views.debug import SafeExceptionReporterFilter
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

from .private_paths import without_tokens

# The project's own loggers, at LOG_LEVEL.
PROJECT_LOGGERS = ("sharing", "users", "home", "stories", "moderation", "comments", "screening")

TEXT_FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"


class JsonFormatter(BaseJsonFormatter):
    """One JSON object a line: time, level, logger, message, request id, and for a
    request's records its method and path (never the request object itself, whose
    text holds the query string)."""

    def __init__(self):
        super().__init__(
            "%(levelname)s %(name)s %(message)s %(request_id)s",
            timestamp="time",
            rename_fields={"levelname": "level", "exc_info": "traceback"},
            reserved_attrs=[*RESERVED_ATTRS, "request"],
        )

    def add_fields(self, log_data, record, message_dict):
        super().add_fields(log_data, record, message_dict)
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            log_data["method"] = request.method
            log_data["path"] = without_tokens(request.path)


class PrivateLinksFilter(logging.Filter):
    """Masks the tokens of private links (an author's status link...) in a
    record's message, such as Django's "Not Found: /share/status/<token>/"."""

    def filter(self, record):
        message = record.getMessage()
        masked = without_tokens(message)
        if masked != message:
            record.msg, record.args = masked, ()
        return True


# The password in a URL's user information: redis://:secret@host, postgres://u:secret@host.
URL_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^:/?#@\s]*:)[^@/?#\s]+@", re.IGNORECASE)


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    """Error reports (the mail to ADMINS) without anyone's data or secrets: POST
    values and frame variables masked, as for views marked ``sensitive_*``,
    everywhere; and the password of any URL in the settings or the request's
    environment (a cache's ``LOCATION`` from ``CACHE_URL``, the ``DATABASE_URL``
    that the development server copies into ``request.META``), whose keys do not
    look secret to Django's own filter."""

    def cleanse_setting(self, key, value):
        cleansed = super().cleanse_setting(key, value)
        if type(cleansed) is str:  # not lazy objects, which pass isinstance()
            return URL_PASSWORD.sub(rf"\g<head>{self.cleansed_substitute}@", cleansed)
        return cleansed

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]


def logging_config(level="INFO", log_format="text", root_level="WARNING"):
    """The LOGGING setting: ``log_format`` is "text" or "json"."""
    if log_format not in ("text", "json"):
        raise ValueError(f"LOG_FORMAT must be 'text' or 'json', not {log_format!r}.")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {
                "()": "django_guid.log_filters.CorrelationId",
                "correlation_id_field": "request_id",
            },
            "private_links": {"()": "sharing.logging.PrivateLinksFilter"},
            "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        },
        "formatters": {
            "text": {"format": TEXT_FORMAT},
            "json": {"()": "sharing.logging.JsonFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_id", "private_links"],
            },
            "mail_admins": {
                "class": "django.utils.log.AdminEmailHandler",
                "level": "ERROR",
                "filters": ["require_debug_false", "private_links"],
            },
        },
        # Every error, in a request, a task or a command, is written to the
        # console and mailed to the admins.
        "root": {"handlers": ["console", "mail_admins"], "level": root_level},
        "loggers": {
            # Named to drop the handlers of Django's default configuration, which
            # would mail every error a second time.
            "django": {"handlers": [], "level": "INFO"},
            # A cache server down: each ignored call is logged on the console, and
            # not mailed to the admins (that would be a mail a request).
            "sharing.cache": {"handlers": ["console"], "propagate": False},
            # One line a request ("Generated new GUID") is noise.
            "django_guid": {"level": "WARNING"},
            **{name: {"level": level} for name in PROJECT_LOGGERS},
        },
    }
