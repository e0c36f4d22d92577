"""The moderation figures of a period: what the report page and its export show.

Everything is counted in the database where a count will do. The submissions of
the period are fetched once (one row each: when it was sent, first decided,
first published), and counted per week and their median and 90th-percentile
times taken here, the same way on PostgreSQL and SQLite. A fixed number of
queries, whatever the number of stories.

Where the figures come from:

- submissions: ``Submission.created_at`` (the row outlives an erasure);
- decisions: Wagtail's history of each submitted story (``PageLogEntry``), the
  moderator's approval and request for changes that the workflow logs and the
  decline that ``ReviewStoryAction`` logs; withdrawals: ``Submission.withdrawn_at``;
  erasures at the author's request: ``Submission.erased_at`` in state "erased_on_request";
- publication: the story's ``first_published_at``;
- findings: the screening reports of the texts the authors sent (the first
  submission, and each edit sent back), not those of a moderator's redaction;
- overrides: the ``sharing.story.override`` entries, with their moderator;
- comments: the comments' reviews (held by the screen, held as spam) and the
  readers' reports.

A withdrawn story, and a declined one after its retention period, is erased
with its history: it still counts as a submission (and a withdrawal), but its
decisions and findings are gone with it.
"""

import math
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from functools import cached_property

from django.contrib.auth import get_user_model
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageLogEntry
from wagtail.users.utils import get_deleted_user_display_name

from comments.models import CommentReport, CommentReview, ReportReason
from screening import CATEGORIES
from sharing.spam import Verdict
from stories.models import Submission

from .models import ScreeningReport
from .permissions import submitted_story_ids

PERIODS = (4, 12, 52)  # weeks
DEFAULT_PERIOD = 12

APPROVE, REJECT, DECLINE = (
    "wagtail.workflow.approve",
    "wagtail.workflow.reject",
    "sharing.story.decline",
)
UNPUBLISH, OVERRIDE = "wagtail.unpublish", "sharing.story.override"
#: A moderator's first word on a story: what the time to a first decision measures.
FIRST_DECISIONS = (APPROVE, REJECT, DECLINE)
WITHDRAWN, ERASED = "withdrawn", "erased"
DECISION_KINDS = {
    APPROVE: _("Approved and published"),
    REJECT: _("Changes requested"),
    DECLINE: _("Declined"),
    UNPUBLISH: _("Taken down after publication"),
    WITHDRAWN: _("Withdrawn by the author"),
    ERASED: _("Erased at the author's request"),
}
LATEST_OVERRIDES = 10


def percentile(values, fraction):
    """The value below which ``fraction`` of ``values`` lie, interpolated between the
    two nearest ranks (as PostgreSQL's ``percentile_cont``); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    lower, upper = math.floor(position), math.ceil(position)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


@dataclass
class Timing:
    """How long submissions waited for something: median and 90th percentile."""

    label: str
    durations: list = field(default_factory=list)  # timedeltas
    waiting: int = 0  # submissions of the period still without it

    @property
    def count(self):
        return len(self.durations)

    @property
    def median(self):
        return percentile(self.durations, 0.5)

    @property
    def p90(self):
        return percentile(self.durations, 0.9)


@dataclass
class Override:
    when: datetime
    moderator: str
    reference: str
    reason: str


@dataclass
class Row:
    """One line of the export: which figure, which item of it, its value."""

    figure: str
    item: str
    value: object


def moderator_name(user, user_id):
    if user is None:
        return get_deleted_user_display_name(user_id)
    return user.get_full_name() or user.get_username()


def period_start(weeks, now):
    """Monday 00:00 (the site's time zone) of the first of ``weeks`` weeks ending with
    the week of ``now``."""
    today = timezone.localtime(now).date()
    monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    return timezone.make_aware(datetime.combine(monday, time.min))


class ModerationFigures:
    """The figures of the ``weeks`` weeks up to ``now``, each computed when first read."""

    def __init__(self, weeks=DEFAULT_PERIOD, now=None):
        self.weeks = weeks
        self.end = now or timezone.now()
        self.start = period_start(weeks, self.end)

    def _in_period(self, name):
        return Q(**{f"{name}__gte": self.start, f"{name}__lte": self.end})

    # Submissions

    @property
    def week_starts(self):
        first = timezone.localtime(self.start).date()
        return [first + timedelta(weeks=i) for i in range(self.weeks)]

    @cached_property
    def submission_rows(self):
        """(submitted, first decision, first publication, state) of each submission of
        the period: the one query that the weekly counts and the times both read."""
        first_decision = (
            PageLogEntry.objects.filter(
                page_id=OuterRef("story_id"),
                action__in=FIRST_DECISIONS,
                user_id__isnull=False,
            )
            .order_by("timestamp")
            .values("timestamp")[:1]
        )
        return list(
            Submission.objects.filter(self._in_period("created_at"))
            .annotate(first_decision=Subquery(first_decision))
            .order_by()
            .values_list("created_at", "first_decision", "story__first_published_at", "state")
        )

    @cached_property
    def submissions_per_week(self):
        """[(Monday of the week, submissions that week)], every week of the period.

        Counted from ``submission_rows``, fetched for the times anyway, rather than
        grouped by the database: SQLite truncates a date to its week with a Python
        function called for each row, which at 10,000 rows cost more than this."""
        first = self.week_starts[0]
        counts = [0] * self.weeks
        for created_at, *_rest in self.submission_rows:
            week = (timezone.localtime(created_at).date() - first).days // 7
            if 0 <= week < self.weeks:
                counts[week] += 1
        return list(zip(self.week_starts, counts, strict=True))

    @property
    def submissions(self):
        return sum(count for _week, count in self.submissions_per_week)

    # Times from submission to a first decision and to publication

    @cached_property
    def timings(self):
        """(to a first decision, to publication) for the submissions of the period."""
        decision = Timing(_("Submission to first decision"))
        publication = Timing(_("Submission to publication"))
        for created_at, decided_at, published_at, state in self.submission_rows:
            if decided_at is not None:
                decision.durations.append(decided_at - created_at)
            if published_at is not None:
                publication.durations.append(published_at - created_at)
            if state in (
                Submission.State.WITHDRAWN,
                Submission.State.ERASED,
                Submission.State.DECLINED,
            ):
                continue  # nothing more will come of it
            if decided_at is None:
                decision.waiting += 1
            if published_at is None:
                publication.waiting += 1
        return (decision, publication)

    # Decisions

    @cached_property
    def decisions(self):
        """[(kind, label, count)] of the decisions taken in the period, every kind."""
        counts = dict(
            PageLogEntry.objects.filter(
                self._in_period("timestamp"),
                action__in=[APPROVE, REJECT, DECLINE, UNPUBLISH],
                user_id__isnull=False,
                page_id__in=submitted_story_ids(),
            )
            .order_by()
            .values("action")
            .annotate(count=Count("pk"))
            .values_list("action", "count")
        )
        counts[WITHDRAWN] = Submission.objects.filter(self._in_period("withdrawn_at")).count()
        counts[ERASED] = Submission.objects.filter(
            self._in_period("erased_at"), state=Submission.State.ERASED
        ).count()
        return [(kind, label, counts.get(kind, 0)) for kind, label in DECISION_KINDS.items()]

    # Findings

    @cached_property
    def screened_counts(self):
        """The findings per category of each text authors sent in the period."""
        return list(
            ScreeningReport.objects.filter(
                self._in_period("created_at"),
                revision__user__isnull=True,  # the author's text, not a moderator's edit
                page_id__in=submitted_story_ids(),
            ).values_list("counts", flat=True)
        )

    @property
    def texts_screened(self):
        return len(self.screened_counts)

    @cached_property
    def findings(self):
        """[(label, findings, texts with one)] per category of the screen, for the
        texts authors sent in the period; categories never found are left out."""
        found, texts = {}, {}
        for counts in self.screened_counts:
            for category, count in counts.items():
                if count:
                    found[category] = found.get(category, 0) + count
                    texts[category] = texts.get(category, 0) + 1
        order = [*CATEGORIES, *sorted(set(found) - set(CATEGORIES))]
        return [
            (CATEGORIES.get(category, category), found[category], texts[category])
            for category in order
            if category in found
        ]

    # Overrides

    def _override_entries(self):
        return PageLogEntry.objects.filter(
            self._in_period("timestamp"), action=OVERRIDE, page_id__in=submitted_story_ids()
        )

    @cached_property
    def overrides_by_moderator(self):
        """[(moderator's name, overrides)] in the period, most first."""
        counts = list(
            self._override_entries()
            .order_by()
            .values("user_id")
            .annotate(count=Count("pk"))
            .values_list("user_id", "count")
        )
        users = get_user_model().objects.in_bulk([uid for uid, _n in counts if uid])
        named = [(moderator_name(users.get(uid), uid), n) for uid, n in counts]
        return sorted(named, key=lambda item: (-item[1], item[0]))

    @property
    def override_count(self):
        return sum(count for _name, count in self.overrides_by_moderator)

    @cached_property
    def latest_overrides(self):
        reference = Submission.objects.filter(story_id=OuterRef("page_id")).values("reference")[:1]
        entries = (
            self._override_entries()
            .select_related("user")
            .annotate(reference=Subquery(reference))
            .order_by("-timestamp", "-pk")[:LATEST_OVERRIDES]
        )
        return [
            Override(
                when=entry.timestamp,
                moderator=moderator_name(entry.user, entry.user_id),
                reference=entry.reference or "",
                reason=entry.data.get("reason", ""),
            )
            for entry in entries
        ]

    # Comments

    @cached_property
    def comments(self):
        """[(label, count)]: comments posted in the period, held, reported."""
        posted = CommentReview.objects.filter(
            self._in_period("created_at"), comment__isnull=False
        ).aggregate(
            posted=Count("pk"),
            held=Count("pk", filter=~Q(held_for=[])),
            spam=Count("pk", filter=Q(spam_verdict=Verdict.SPAM)),
        )
        reported = CommentReport.objects.filter(self._in_period("created_at")).aggregate(
            reports=Count("pk"), comments=Count("comment", distinct=True)
        )
        return [
            (_("Comments posted"), posted["posted"]),
            (_("Held by the screen"), posted["held"]),
            (_("Held as likely spam"), posted["spam"]),
            (_("Comments reported by readers"), reported["comments"]),
            (_("Readers' reports"), reported["reports"]),
        ]

    @cached_property
    def reports_by_reason(self):
        counts = dict(
            CommentReport.objects.filter(self._in_period("created_at"))
            .order_by()
            .values("reason")
            .annotate(count=Count("pk"))
            .values_list("reason", "count")
        )
        reasons = [(label, counts.get(value, 0)) for value, label in ReportReason.choices]
        if counts.get(""):
            reasons.append((_("No reason given"), counts[""]))
        return reasons

    # The export

    def rows(self):
        """Every figure of the page, one ``Row`` each, in the page's order."""
        rows = [
            Row(_("Period"), _("From"), timezone.localtime(self.start).date().isoformat()),
            Row(_("Period"), _("To"), timezone.localtime(self.end).date().isoformat()),
            Row(_("Period"), _("Weeks"), self.weeks),
        ]
        figure = _("Submissions per week")
        rows += [Row(figure, week.isoformat(), count) for week, count in self.submissions_per_week]
        for timing in self.timings:
            rows += [
                Row(timing.label, _("Submissions with one"), timing.count),
                Row(timing.label, _("Median, hours"), hours(timing.median)),
                Row(timing.label, _("90th percentile, hours"), hours(timing.p90)),
                Row(timing.label, _("Still waiting"), timing.waiting),
            ]
        rows += [Row(_("Decisions"), label, count) for _kind, label, count in self.decisions]
        for label, count, texts in self.findings:
            rows += [
                Row(_("Findings"), label, count),
                Row(_("Texts with a finding"), label, texts),
            ]
        rows += [
            Row(_("Overrides of blocking findings"), name, count)
            for name, count in self.overrides_by_moderator
        ]
        rows += [Row(_("Comments"), label, count) for label, count in self.comments]
        rows += [Row(_("Reports by reason"), label, n) for label, n in self.reports_by_reason]
        return rows


def hours(duration):
    """A duration in hours, to one decimal; "" for none."""
    if duration is None:
        return ""
    return round(duration.total_seconds() / 3600, 1)
