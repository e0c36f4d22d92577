"""Who moderates stories: their own group, and the little it holds.

Not Wagtail's built-in "Moderators" group: that one has add, change and
publish rights over every page of the site, which the review does not need
(and which let a moderator publish an edit that no screen had read).
"""

from sharing.mail import staff_addresses

MODERATORS_GROUP = "Story moderators"
WAGTAIL_MODERATORS_GROUP = "Moderators"  # Wagtail's own, made in every install
PERMISSION = "moderation.review_stories"

# What the review and the comment queue need, and nothing else.
GROUP_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("moderation", "review_stories"),
    ("comment_moderation", "moderate_comments"),
]
# On the story index only: to correct a story, which then goes through the
# workflow like any other revision. Approving publishes without "publish"
# (moderation.workflows); a story in review is open to the task's groups anyway.
STORY_INDEX_PAGE_PERMISSIONS = ["change"]
# On the root collection: the photos an approval adds, and choosing a hero image.
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]


def can_review(user):
    return user.is_active and user.has_perm(PERMISSION)


def moderator_addresses():
    """Where mail for the story moderators goes (``MODERATORS_EMAIL`` when set)."""
    return staff_addresses(PERMISSION)
