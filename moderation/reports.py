"""The moderation figures, a Wagtail report: charts and tables on the page, the same
figures as a CSV or XLSX download."""

from django.core.exceptions import PermissionDenied
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.views.reports import ReportView

from .charts import column_chart, row_chart
from .figures import DEFAULT_PERIOD, ModerationFigures
from .forms import PeriodForm
from .permissions import can_review


def format_duration(duration):
    """A duration in words a moderator reads at a glance: "2 days 5 hours", "3 hours
    20 minutes", "12 minutes"; "—" for none."""
    if duration is None:
        return "—"
    minutes = round(duration.total_seconds() / 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours_, minutes = divmod(minutes, 60)
    parts = []
    if days:
        parts.append(ngettext("%(n)d day", "%(n)d days", days) % {"n": days})
    if hours_:
        parts.append(ngettext("%(n)d hour", "%(n)d hours", hours_) % {"n": hours_})
    if minutes and not days:
        parts.append(ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes})
    return " ".join(parts) or _("under a minute")


def listing(items):
    """ "Label: 3; Other: 1" for a chart's description."""
    return "; ".join(f"{label}: {value}" for label, value in items)


class ModerationReportView(ReportView):
    page_title = gettext_lazy("Moderation figures")
    header_icon = "tasks"
    template_name = "moderation/admin/report.html"
    results_template_name = "moderation/admin/report_results.html"
    index_url_name = "moderation_report:index"
    paginate_by = None
    export_filename = "moderation-figures"
    list_export = ["figure", "item", "value"]
    export_headings = {
        "figure": gettext_lazy("Figure"),
        "item": gettext_lazy("Item"),
        "value": gettext_lazy("Value"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_review(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def period_form(self):
        return PeriodForm(self.request.GET if "weeks" in self.request.GET else None)

    @cached_property
    def weeks(self):
        form = self.period_form
        if form.is_valid() and form.cleaned_data["weeks"]:
            return form.cleaned_data["weeks"]
        return DEFAULT_PERIOD

    @cached_property
    def figures(self):
        return ModerationFigures(self.weeks)

    def get_queryset(self):
        return self.figures.rows()

    def get_filename(self):
        end = timezone.localdate(self.figures.end).isoformat()
        return f"{self.export_filename}-{self.weeks}-weeks-{end}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = self.figures
        decision, publication = figures.timings
        context.update(
            figures=figures,
            period_form=self.period_form,
            start=timezone.localtime(figures.start),
            end=timezone.localtime(figures.end),
            timings=[
                {
                    "timing": timing,
                    "median": format_duration(timing.median),
                    "p90": format_duration(timing.p90),
                }
                for timing in (decision, publication)
            ],
            charts=self.charts(figures, decision, publication),
        )
        return context

    def charts(self, figures, decision, publication):
        per_week = figures.submissions_per_week
        weekly = [(formats.date_format(week, "j M"), count) for week, count in per_week]
        busiest = max(per_week, key=lambda item: item[1])
        weekly_text = ngettext(
            "%(total)d submission in the %(weeks)d weeks from %(start)s.",
            "%(total)d submissions in the %(weeks)d weeks from %(start)s.",
            figures.submissions,
        ) % {
            "total": figures.submissions,
            "weeks": figures.weeks,
            "start": formats.date_format(figures.week_starts[0], "j F Y"),
        }
        if figures.submissions:
            weekly_text += " " + _("The most in one week: %(count)d, the week of %(week)s.") % {
                "count": busiest[1],
                "week": formats.date_format(busiest[0], "j F"),
            }
        decisions = [(label, count) for _kind, label, count in figures.decisions]
        # Bars as long as the waits, in seconds, each labelled in words: in hours
        # to one decimal a morning's moderation was a row of "0".
        times = [
            (label, duration.total_seconds() if duration else 0, format_duration(duration))
            for label, duration in (
                (_("First decision, median"), decision.median),
                (_("First decision, 90th percentile"), decision.p90),
                (_("Publication, median"), publication.median),
                (_("Publication, 90th percentile"), publication.p90),
            )
        ]
        findings = [(label, count) for label, count, _texts in figures.findings]
        charts = {
            "weekly": column_chart(
                "weekly",
                _("Submissions per week"),
                weekly_text,
                weekly,
                label_every=1 if figures.weeks <= 12 else 8,
            ),
            "times": row_chart(
                "times",
                _("Time from submission to a first decision and to publication"),
                _("For the submissions of the period. %(figures)s.")
                % {"figures": listing((label, shown) for label, _seconds, shown in times)},
                times,
            ),
            "decisions": row_chart(
                "decisions",
                _("Decisions by kind"),
                _("Decisions taken in the period. %(figures)s.") % {"figures": listing(decisions)},
                decisions,
            ),
            "comments": row_chart(
                "comments",
                _("Comments held and reported"),
                _("Comments in the period. %(figures)s.") % {"figures": listing(figures.comments)},
                figures.comments,
            ),
        }
        if findings:
            charts["findings"] = row_chart(
                "findings",
                _("Findings by category"),
                _("What the screen found in the %(texts)d texts authors sent. %(figures)s.")
                % {"texts": figures.texts_screened, "figures": listing(findings)},
                findings,
            )
        if figures.overrides_by_moderator:
            charts["overrides"] = row_chart(
                "overrides",
                _("Overrides of blocking findings, by moderator"),
                _("Stories published despite blocking findings. %(figures)s.")
                % {"figures": listing(figures.overrides_by_moderator)},
                figures.overrides_by_moderator,
            )
        return charts
