"""Mail and absolute links, the same for every app.

Links in mail point at ``SITE_URL`` (``WAGTAILADMIN_BASE_URL``) and are built
from URL names with ``reverse``, never from hand-written paths.

Every mail goes as plain text with an HTML alternative in the site's style (the
template's own ``.html`` if it has one, else its text set in ``emails/layout.html``:
paragraphs kept, links made clickable, everything else escaped), from
``DEFAULT_FROM_EMAIL`` under the site's name.

Every mail is sent from a background task (django-tasks) made with
``@mail_task``, never in a request, so a mail server that is down cannot undo
what the mail was about. A mail the server does not take raises ``MailNotSent``;
the task is then queued again (``MAIL_RETRY_DELAYS``), and after its last
attempt it fails, which the worker records as a failed task that staff see in
the admin ("Failed background tasks").
"""

import functools
import logging
from datetime import timedelta
from email.utils import formataddr, parseaddr
from smtplib import SMTPException, SMTPResponseException

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db.models import Q
from django.template import Context, TemplateDoesNotExist
from django.template.defaultfilters import linebreaks_filter, urlize
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

DEFAULT_RETRY_DELAYS = (60, 5 * 60, 30 * 60)

logger = logging.getLogger(__name__)


def absolute_url(path):
    """``path`` on the public site, for links in mail."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def absolute_reverse(viewname, *args):
    """The absolute address of a named URL: ``absolute_reverse("stories:status", token)``."""
    return absolute_url(reverse(viewname, args=args))


def staff_addresses(permission):
    """Where mail for the people who hold ``permission`` ("app_label.codename") goes.

    ``MODERATORS_EMAIL``, when set, replaces the list (a shared mailbox); otherwise
    the active users who hold the permission, through a group or directly.
    """
    if settings.MODERATORS_EMAIL:
        return list(settings.MODERATORS_EMAIL)
    app_label, codename = permission.split(".", 1)
    perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    if perm is None:
        return []
    users = (
        get_user_model()
        .objects.filter(Q(groups__permissions=perm) | Q(user_permissions=perm), is_active=True)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


class MailNotSent(Exception):
    """The mail server did not take a mail. The message says why in general terms
    (the kind of error, an SMTP code), never to whom or what: it is stored with
    the failed task and shown to staff."""


def describe_mail_error(error):
    """What went wrong sending mail, without the addresses some SMTP errors quote."""
    kind = type(error).__name__
    if isinstance(error, SMTPResponseException):
        return f"{kind}: the mail server answered {error.smtp_code}"
    if isinstance(error, SMTPException):
        return kind
    return f"{kind}: {error.strerror or 'no connection to the mail server'}"


def send_or_raise(*args, **kwargs):
    """``django.core.mail.send_mail`` raising ``MailNotSent`` (with no one's details
    in it, the original chained away) when the mail server will not take it."""
    try:
        return send_mail(*args, **kwargs)
    except (SMTPException, OSError) as error:
        raise MailNotSent(describe_mail_error(error)) from None


def mail_task(function):
    """``@task()`` for a function that sends mail and raises ``MailNotSent`` when
    it cannot (as ``send_templated_mail`` does).

    The task takes the function's arguments (row ids only: they are stored) and
    an ``attempt`` number. When the mail is not sent, the task is queued again to
    run after the next of ``MAIL_RETRY_DELAYS`` (seconds; at once on a backend
    that cannot defer, such as the immediate one) and this attempt ends, returning
    ``{"sent": False, "error": ..., "next_attempt": n}``; after the last delay the
    attempt raises, so the task is recorded as failed. Staff see both in the admin
    ("Failed tasks"): the mail waiting to be tried again, and the mail that failed.

    The mail is in the site's default language, whichever request queued it (an
    immediate backend runs the task inside the request), unless the function
    asks for its reader's language (``send_templated_mail(language=...)``).
    """

    @functools.wraps(function)
    def attempt_mail(*args, attempt=1):
        try:
            with translation.override(settings.LANGUAGE_CODE):
                return function(*args)
        except MailNotSent as error:
            delays = getattr(settings, "MAIL_RETRY_DELAYS", DEFAULT_RETRY_DELAYS)
            if attempt > len(delays):
                logger.error("%s gave up after %s attempts: %s", function.__name__, attempt, error)
                raise
            retry = mail
            if retry.get_backend().supports_defer:
                run_after = timezone.now() + timedelta(seconds=delays[attempt - 1])
                retry = mail.using(run_after=run_after)
            logger.warning(
                "%s not sent (%s); attempt %s queued", function.__name__, error, attempt + 1
            )
            retry.enqueue(*args, attempt=attempt + 1)
            # What the admin's list of mail waiting to be tried again shows.
            return {"sent": False, "error": str(error), "next_attempt": attempt + 1}

    mail = task()(attempt_mail)
    return mail


def render_plain(name, context):
    """A text template rendered as plain text, nothing in it escaped: "Tom & Jerry"
    stays as typed (the HTML alternative escapes it)."""
    return get_template(name).template.render(Context(context, autoescape=False))


def sender():
    """``DEFAULT_FROM_EMAIL``, under the site's name unless it gives a name of its own."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((name or settings.WAGTAIL_SITE_NAME, address))


def html_body(template, context, subject, text):
    """The HTML alternative: ``template``.html if there is one, else ``text`` (the
    plain body, rendered unescaped) escaped, with its paragraphs and line breaks
    kept and its links clickable, in the mail layout."""
    try:
        html_template = get_template(f"{template}.html")
    except TemplateDoesNotExist:
        html_template = get_template("emails/layout.html")
        context = {**context, "body_html": linebreaks_filter(urlize(text.strip(), autoescape=True))}
    return html_template.render({**context, "subject": subject, "site_url": absolute_url("/")})


def send_templated_mail(template, context, recipients, *, language=None):
    """Send one mail, plain text with its HTML alternative: True if it went, False
    if there is no one to send it to; ``MailNotSent`` if the mail server did not
    take it. Subject and bodies are in ``language`` (the reader's, such as a
    submission's), else the active one.

    ``template`` is a template path without its ending, such as
    ``"stories/emails/submission_received"``: ``_subject.txt`` and ``.txt`` are
    added to it (and ``.html``, for an HTML body of its own).
    """
    if not recipients:
        return False
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    with translation.override(language or translation.get_language()):
        subject = " ".join(render_plain(f"{template}_subject.txt", context).split())
        body = render_plain(f"{template}.txt", context)
        html = html_body(template, context, subject, body)
    send_or_raise(subject, body, sender(), recipients, html_message=html)
    return True
