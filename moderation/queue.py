"""The stories waiting for moderators, as one queryset the queue pages through."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from wagtail.models import Page, TaskState

from stories.models import StoryPage

from .models import StoryReviewTaskState


def story_queue():
    """Stories with a review in progress, annotated with ``waiting_since`` (when the
    review started) and ``blocking`` (the latest revision's blocking findings), with
    their submission and screening report fetched in the same query.

    The stories are those the reviews in progress name (a few hundred at most): a
    filter on ``waiting_since`` alone computed it for every story of the site
    (100,000 subqueries, 10 s at 100,000 stories).
    """
    in_progress = StoryReviewTaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        # Pages' workflows (the content type as the index on it has it).
        workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
    )
    in_review = in_progress.filter(
        # WorkflowState.object_id is a string whatever the model's key is.
        workflow_state__object_id=Cast(OuterRef("pk"), output_field=CharField()),
    ).order_by("started_at")
    waiting = in_progress.annotate(
        story_id=Cast("workflow_state__object_id", output_field=BigIntegerField())
    ).values("story_id")
    return (
        StoryPage.objects.filter(pk__in=waiting)
        .annotate(
            waiting_since=Subquery(in_review.values("started_at")[:1]),
            blocking=F("latest_revision__screening_report__blocking"),
        )
        .select_related("submission", "latest_revision__screening_report")
    )


def report_of(story):
    """The screening report of the story's latest revision, or None if not screened yet."""
    revision = story.latest_revision
    return getattr(revision, "screening_report", None) if revision else None


def submission_of(story):
    """The submission a story came in with; None for a story the editors wrote."""
    return getattr(story, "submission", None)
