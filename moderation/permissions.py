"""Who moderates stories: their own group, and the little it holds.

Not Wagtail's built-in "Moderators" group: that one has add, change and
publish rights over every page of the site, which the review does not need
(and which let a moderator publish an edit that no screen had read).
"""

from django.utils.functional import cached_property
from wagtail.models import PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

from sharing.mail import staff_addresses

MODERATORS_GROUP = "Story moderators"
WAGTAIL_MODERATORS_GROUP = "Moderators"  # Wagtail's own, made in every install
PERMISSION = "moderation.review_stories"

# What the review and the comment queue need, and nothing else.
GROUP_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("moderation", "review_stories"),
    ("comment_moderation", "moderate_comments"),
    ("stories", "review_official_responses"),
]
# On the story index only: to correct a story, which then goes through the
# workflow like any other revision. Approving publishes without "publish"
# (moderation.workflows); a story in review is open to the task's groups anyway.
STORY_INDEX_PAGE_PERMISSIONS = ["change"]
# On the root collection: the photos an approval adds, and choosing a hero image.
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]

# The hospital's patient-experience staff, who write the official response to a
# published story. Only the admin and that: no page, image or document rights
# (Wagtail's own "Editors" and "Moderators" have the whole tree), and never the
# approval of their own words.
RESPONDERS_GROUP = "Responders"
RESPONDER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("stories", "write_official_responses"),
]


def can_review(user):
    return user.is_active and user.has_perm(PERMISSION)


def moderator_addresses():
    """Where mail for the story moderators goes (``MODERATORS_EMAIL`` when set)."""
    return staff_addresses(PERMISSION)


def submitted_story_ids():
    """The pages that hold a story sent in by the public (a subquery)."""
    from stories.models import Submission

    return Submission.objects.filter(story__isnull=False).values("story_id")


def is_submitted_story(page):
    return submitted_story_ids().filter(story_id=page.pk).exists()


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

    @cached_property
    def submitted(self):
        return self.page.pk is not None and subtree_has_submitted_story(self.page)

    @cached_property
    def hidden(self):
        return self.submitted and not can_review(self.user)

    def can_delete(self, ignore_bulk=False):
        return not self.submitted and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return not self.hidden and super().can_delete(ignore_bulk=True)

    def can_unpublish(self):
        # Taking a live story down needs no "publish" right: a reviewer may act
        # on a complaint at once (Wagtail's history records who and when).
        if self.hidden:
            return False
        if self.page.live and can_review(self.user) and is_submitted_story(self.page):
            return not self.page_locked()
        return super().can_unpublish()

    def can_copy(self):
        return not self.submitted and super().can_copy()

    def can_copy_to(self, destination, recursive=False):
        return not self.submitted and super().can_copy_to(destination, recursive=recursive)


# Each of these is refused outright on a submitted story its user may not review.
HIDDEN_FROM_NON_REVIEWERS = [
    "can_add_subpage",
    "can_edit",
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


class StoryPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permission policy, without the submitted stories for whoever
    cannot review them.

    Wagtail's admin lists pages through this policy (page search, the reports of
    site history and workflows, the admin API, bulk actions, usage listings), so
    a group with rights over the whole tree, such as Wagtail's built-in "Editors",
    never learns the title of a story waiting for review there.
    """

    def _without_submitted_stories(self, user, pages):
        if not user.is_active or user.is_superuser or can_review(user):
            return pages
        return pages.exclude(pk__in=submitted_story_ids())

    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        return self._without_submitted_stories(user, pages)

    def explorable_instances(self, user):
        return self._without_submitted_stories(user, super().explorable_instances(user))
