"""Who moderates stories: the group a fresh install makes, and the permission it holds."""

from sharing.mail import staff_addresses

MODERATORS_GROUP = "Moderators"
PERMISSION = "moderation.review_stories"


def can_review(user):
    return user.is_active and user.has_perm(PERMISSION)


def moderator_addresses():
    """Where mail for the story moderators goes (``MODERATORS_EMAIL`` when set)."""
    return staff_addresses(PERMISSION)
