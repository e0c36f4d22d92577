"""Who moderates stories: their own group, and the little it holds.

Not Wagtail's built-in "Moderators" group: that one has add, change and
publish rights over every page of the site, which the review does not need
(and which let a moderator publish an edit that no screen had read).
"""

from wagtail.models import PagePermissionTester

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


def submitted_story_ids():
    """The pages that hold a story sent in by the public (a subquery)."""
    from stories.models import Submission

    return Submission.objects.filter(story__isnull=False).values("story_id")


def subtree_has_submitted_story(page):
    """Whether the page, or any page below it, is a submitted story."""
    from wagtail.models import Page

    return (
        Page.objects.filter(path__startswith=page.path, pk__in=submitted_story_ids())
        .only("pk")
        .exists()
    )


class StoryPermissionTester(PagePermissionTester):
    """What a user may do to a story page in Wagtail's admin.

    A story sent in by the public is its reviewers' alone: whoever cannot review
    stories may do nothing with it (edit, preview, revisions, history, move,
    lock...). Nobody deletes or copies one in the admin: it leaves by the
    review's decline or the author's withdrawal, and a copy would be a second
    story with nobody's decision on it.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        self.submitted = page.pk is not None and subtree_has_submitted_story(page)
        self.hidden = self.submitted and not can_review(user)

    def can_delete(self, ignore_bulk=False):
        return not self.submitted and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return not self.hidden and super().can_delete(ignore_bulk=True)

    def can_copy(self):
        return not self.submitted and super().can_copy()

    def can_copy_to(self, destination, recursive=False):
        return not self.submitted and super().can_copy_to(destination, recursive=recursive)


# Each of these is refused outright on a submitted story its user may not review.
HIDDEN_FROM_NON_REVIEWERS = [
    "can_add_subpage",
    "can_edit",
    "can_unpublish",
    "can_publish",
    "can_submit_for_moderation",
    "can_set_view_restrictions",
    "can_unschedule",
    "can_lock",
    "can_unlock",
    "can_publish_subpage",
    "can_reorder_children",
    "can_move_to",
    "can_view_revisions",
]


def _unless_hidden(name):
    wagtails = getattr(PagePermissionTester, name)

    def check(self, *args, **kwargs):
        return not self.hidden and wagtails(self, *args, **kwargs)

    check.__name__ = name
    return check


for _name in HIDDEN_FROM_NON_REVIEWERS:
    setattr(StoryPermissionTester, _name, _unless_hidden(_name))


def story_permissions_for_user(page, user):
    """``StoryPage.permissions_for_user``, installed by ``ModerationConfig.ready()``."""
    return StoryPermissionTester(user, page)
