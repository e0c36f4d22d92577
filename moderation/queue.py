"""The stories waiting for moderators, as one queryset the queue pages through."""

from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from wagtail.models import TaskState

from stories.models import StoryPage

from .models import StoryReviewTaskState


def story_queue():
    """Stories with a review in progress, annotated with ``waiting_since`` (when the
    review started) and ``blocking`` (the latest revision's blocking findings), with
    their submission and screening report fetched in the same query."""
    in_review = StoryReviewTaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        # WorkflowState.object_id is a string whatever the model's key is.
        workflow_state__object_id=Cast(OuterRef("pk"), output_field=CharField()),
    ).order_by("started_at")
    return (
        StoryPage.objects.annotate(
            waiting_since=Subquery(in_review.values("started_at")[:1]),
            blocking=F("latest_revision__screening_report__blocking"),
        )
        .filter(waiting_since__isnull=False)
        .select_related("submission", "latest_revision__screening_report")
    )


def report_of(story):
    """The screening report of the story's latest revision, or None if not screened yet."""
    revision = story.latest_revision
    return getattr(revision, "screening_report", None) if revision else None


def submission_of(story):
    """The submission a story came in with; None for a story the editors wrote."""
    return getattr(story, "submission", None)
