from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from stories.models import StoryPage

from .viewsets import story_queue_viewset


@hooks.register("register_admin_viewset")
def register_story_queue_viewset():
    return story_queue_viewset


@hooks.register("construct_homepage_panels")
def add_story_queue_panel(request, panels):
    story_queue_viewset.add_dashboard_panel(request, panels)


@hooks.register("before_publish_page")
def publish_submitted_stories_through_review(request, page):
    """A story sent in by the public is published by approving it in the review,
    where the screen's findings are checked and the decision recorded."""
    submission = getattr(page.specific, "submission", None)
    if submission is None or page.live:
        return None
    messages.warning(
        request,
        _("Stories sent in by the public are published from the story review, by approving them."),
    )
    return redirect("story_moderation:review", page.pk)


@hooks.register("before_bulk_action")
def bulk_publish_submitted_stories_through_review(request, action_type, objects, action):
    """The explorer's bulk "Publish" (with or without the drafts below the chosen
    pages) must not publish a story sent in by the public past its review."""
    if action_type != "publish":
        return None
    chosen = Q(pk__in=[page.pk for page in objects])
    form = getattr(action, "cleaned_form", None)
    if form is not None and form.cleaned_data.get("include_descendants"):
        for page in objects:
            chosen |= Q(path__startswith=page.path, depth__gt=page.depth)
    held = StoryPage.objects.filter(chosen, live=False, submission__isnull=False)
    titles = sorted(held.values_list("title", flat=True))
    if not titles:
        return None
    messages.warning(
        request,
        _(
            "Nothing was published. Stories sent in by the public are published from the "
            "story review, by approving them: %(titles)s."
        )
        % {"titles": ", ".join(titles)},
    )
    return redirect("story_moderation:queue")


class ReasonFormatter(LogFormatter):
    """A log line that carries the moderator's reason."""

    template = ""

    def format_message(self, log_entry):
        return self.template % {"reason": log_entry.data.get("reason", "")}


@hooks.register("register_log_actions")
def register_story_log_actions(actions):
    actions.register_action(
        "sharing.story.redact", gettext_lazy("Redact"), gettext_lazy("Redacted details")
    )
    actions.register_action(
        "sharing.story.mark_spam", gettext_lazy("Mark as spam"), gettext_lazy("Marked as spam")
    )
    actions.register_action(
        "sharing.story.mark_ham",
        gettext_lazy("Mark as not spam"),
        gettext_lazy("Marked as not spam"),
    )

    @actions.register_action("sharing.story.override")
    class OverrideFormatter(ReasonFormatter):
        label = gettext_lazy("Override")
        template = gettext_lazy("Published despite blocking findings: %(reason)s")

    @actions.register_action("sharing.story.decline")
    class DeclineFormatter(ReasonFormatter):
        label = gettext_lazy("Decline")
        template = gettext_lazy("Declined: %(reason)s")
