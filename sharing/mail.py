"""Mail and absolute links, the same for every app.

Links in mail point at ``SITE_URL`` (``WAGTAILADMIN_BASE_URL``) and are built
from URL names with ``reverse``, never from hand-written paths. A mail that
cannot be sent is logged and reported as not sent; it never raises, so a
mail failure cannot undo what the mail was about.
"""

import logging
from smtplib import SMTPException

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

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


def send_templated_mail(template, context, recipients):
    """Send one plain-text mail; True if it went, False (and logged) if it did not.

    ``template`` is a template path without its ending, such as
    ``"stories/emails/submission_received"``: ``_subject.txt`` and ``.txt`` are
    added to it.
    """
    if not recipients:
        return False
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    body = render_to_string(f"{template}.txt", context)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except (SMTPException, OSError):
        logger.exception("Could not send the %s mail", template.rsplit("/", 1)[-1])
        return False
    return True
