"""The stories waiting for moderators, with what the screen found, in a fixed number of queries."""

from dataclasses import dataclass

from wagtail.models import TaskState

from stories.models import AuthorRole, StoryPage, Submission

from .models import ScreeningReport, StoryReviewTaskState


@dataclass
class QueueRow:
    task_state: StoryReviewTaskState
    story: StoryPage
    submission: Submission | None
    report: ScreeningReport | None

    @property
    def waiting_since(self):
        return self.task_state.started_at


def story_queue(*, category="", spam_only=False, urgent_only=False, role=""):
    """Stories awaiting review, oldest first."""
    task_states = list(
        StoryReviewTaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("workflow_state")
        .order_by("started_at")
    )
    page_ids = [int(state.workflow_state.object_id) for state in task_states]
    stories = {
        story.pk: story
        for story in StoryPage.objects.filter(pk__in=page_ids).select_related("latest_revision")
    }
    reports = {
        report.revision_id: report
        for report in ScreeningReport.objects.filter(
            revision_id__in=[s.latest_revision_id for s in stories.values()]
        )
    }
    submissions = {s.story_id: s for s in Submission.objects.filter(story_id__in=page_ids)}

    rows = []
    for state in task_states:
        story = stories.get(int(state.workflow_state.object_id))
        if story is None:
            continue
        row = QueueRow(
            task_state=state,
            story=story,
            submission=submissions.get(story.pk),
            report=reports.get(story.latest_revision_id),
        )
        if category and not (row.report and row.report.counts.get(category)):
            continue
        if spam_only and not (row.report and row.report.is_spam):
            continue
        if urgent_only and not (row.submission and row.submission.urgent):
            continue
        if role in AuthorRole.values and story.author_role != role:
            continue
        rows.append(row)
    return rows
