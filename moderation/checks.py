"""System checks of moderation: someone must hear of a story in crisis."""

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.db import DatabaseError

from .permissions import MODERATORS_GROUP, moderator_addresses
from .tasks import STORY_CONTENT_CHOICES


@register("moderation")
def check_someone_receives_urgent_mail(app_configs=None, **kwargs):
    """Warn when neither ``MODERATORS_EMAIL`` nor any moderator with an email address
    would be mailed about a story or comment in crisis (skipped before ``migrate``)."""
    try:
        addresses = moderator_addresses()
    except DatabaseError:
        return []
    if addresses:
        return []
    return [
        Warning(
            "Nobody would be mailed about a story or a comment in crisis.",
            hint=(
                "Set MODERATORS_EMAIL, or put a user with an email address in the "
                f"'{MODERATORS_GROUP}' group."
            ),
            id="moderation.W001",
        )
    ]


@register("moderation")
def check_akismet_story_content(app_configs=None, **kwargs):
    value = getattr(settings, "AKISMET_STORY_CONTENT", "metadata")
    if value in STORY_CONTENT_CHOICES:
        return []
    return [
        Error(
            f"AKISMET_STORY_CONTENT is {value!r}: it says what Akismet is told about a story.",
            hint='Set it to "metadata" (no text, name or email; the default) or "full".',
            id="moderation.E001",
        )
    ]
