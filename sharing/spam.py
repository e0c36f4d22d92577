"""Akismet spam checks, for comments and stories alike.

A thin layer over the official ``akismet`` client that never raises: without
an API key, or when Akismet cannot be reached, the verdict is
``Verdict.UNCHECKED`` and a warning is logged, so the caller can fall back on
its own judgement and tell moderators that the spam check was not done.

    from sharing import spam

    verdict = spam.check(user_ip=ip, comment_content=text, comment_type="comment")
    if verdict == spam.Verdict.SPAM:
        ...
    spam.submit_spam(**spam_arguments)  # a moderator's correction (run it in a task)

Each app runs the corrections in its own background task, which is queued with
the ids of its rows only: a task's arguments are stored (django-tasks' database
backend) and must hold no one's details.

``check``, ``submit_spam`` and ``submit_ham`` take the arguments of the
Akismet API (``user_ip`` plus ``akismet.AkismetArguments``: ``comment_content``,
``comment_author``, ``comment_author_email``, ``comment_type``, ``user_agent``,
``referrer``, ``permalink``, ``user_role``, ...). Empty values are left out.

Settings: ``AKISMET_API_KEY`` and ``AKISMET_SITE_URL`` (the spam check is off
without a key), ``AKISMET_TIMEOUT`` (seconds, default 2) and
``AKISMET_CLIENT_CLASS``, the dotted path of the client class, by default
``akismet.SyncClient``; tests point it at one of the package's test clients.
"""

import logging
from contextlib import contextmanager

import akismet
import httpx
from django.conf import settings
from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

DEFAULT_CLIENT_CLASS = "akismet.SyncClient"
DEFAULT_TIMEOUT = 2.0


class Verdict(models.TextChoices):
    HAM = "ham", _("Not spam")
    SPAM = "spam", _("Spam")
    UNCHECKED = "unchecked", _("Not checked")


def is_configured():
    return bool(getattr(settings, "AKISMET_API_KEY", ""))


def get_client(http_client=None):
    """A client for the configured Akismet account, or None without an API key.

    Without ``http_client`` the client makes its own (the akismet package's
    default: a one-second timeout); ``check`` and the submissions pass one with
    ``AKISMET_TIMEOUT`` and close it afterwards.
    """
    if not is_configured():
        return None
    client_class = import_string(getattr(settings, "AKISMET_CLIENT_CLASS", DEFAULT_CLIENT_CLASS))
    config = akismet.Config(key=settings.AKISMET_API_KEY, url=settings.AKISMET_SITE_URL)
    return client_class(config=config, http_client=http_client)


@contextmanager
def _client():
    """The configured client (or None), its HTTP connection closed afterwards."""
    if not is_configured():
        yield None  # no HTTP client to build (tens of ms of CPU) for no check
        return
    with httpx.Client(
        headers={"User-Agent": akismet.USER_AGENT},
        timeout=getattr(settings, "AKISMET_TIMEOUT", DEFAULT_TIMEOUT),
    ) as http_client:
        yield get_client(http_client)


def _arguments(arguments):
    return {name: value for name, value in arguments.items() if value not in ("", None)}


def check(*, user_ip, **arguments):
    """Ask Akismet whether a text is spam: a ``Verdict``, never an exception."""
    with _client() as client:
        if client is None:
            return Verdict.UNCHECKED
        try:
            response = client.comment_check(user_ip=user_ip or "", **_arguments(arguments))
        except (akismet.AkismetError, httpx.HTTPError) as error:
            logger.warning("Akismet check not done: %s", error)
            return Verdict.UNCHECKED
    if response in (akismet.CheckResponse.SPAM, akismet.CheckResponse.DISCARD):
        return Verdict.SPAM
    return Verdict.HAM


def _submit(operation, user_ip, arguments):
    with _client() as client:
        if client is None:
            return False
        try:
            return getattr(client, operation)(user_ip=user_ip or "", **_arguments(arguments))
        except (akismet.AkismetError, httpx.HTTPError) as error:
            logger.warning("Akismet %s not sent: %s", operation, error)
            return False


def submit_spam(*, user_ip, **arguments):
    """Tell Akismet that a text it let through is spam. True when Akismet took it."""
    return _submit("submit_spam", user_ip, arguments)


def submit_ham(*, user_ip, **arguments):
    """Tell Akismet that a text it called spam is not. True when Akismet took it."""
    return _submit("submit_ham", user_ip, arguments)
