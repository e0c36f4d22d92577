"""Who reviews the directory's proposals: the story moderators, through one more
permission on their group (``moderation.permissions``), checked as the story queue's is."""

from sharing.mail import staff_addresses

from .models import PERMISSION

GROUP_PERMISSIONS = [("directory", "review_proposals")]


def can_review_proposals(user):
    return user.is_active and user.has_perm(PERMISSION)


def reviewer_addresses():
    """Where mail for the directory's reviewers goes (``MODERATORS_EMAIL`` when set)."""
    return staff_addresses(PERMISSION)
