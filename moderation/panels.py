"""The editor's "Screening" panel: the report of the current revision, with redaction."""

from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import ObjectList, Panel, TabbedInterface

from screening import CATEGORIES
from screening.highlight import highlight
from stories.models import StoryPage
from stories.placeholders import placeholder

from .permissions import can_review
from .services import SCREENED_FIELDS, latest_report


def redact_label(finding, language=None):
    """The redaction button's words, naming the placeholder the story's language gets."""
    if not finding.get("replacement"):
        return ""
    replacement = placeholder(finding["category"], language, finding["replacement"])
    return format_html(
        '{} <span class="w-sr-only">“{}”</span>',
        _("Redact as %(replacement)s") % {"replacement": replacement},
        finding["text"],
    )


def review_context(story):
    """The latest revision's report, its text cut into highlighted pieces per field."""
    report = latest_report(story)
    draft = report.revision.as_object() if report else story
    findings = [
        {
            **f,
            "index": i,
            "label": CATEGORIES.get(f["category"], f["category"]),
            "redact_label": redact_label(f, getattr(draft, "language", None)),
        }
        for i, f in enumerate(report.findings if report else [])
    ]
    fields = []
    for field in SCREENED_FIELDS:
        text = getattr(draft, field, "") or ""
        if text:
            in_field = [f for f in findings if f["field"] == field]
            fields.append({"name": field, "pieces": highlight(text, in_field)})
    redactable = sorted({f["category"] for f in findings if f.get("replacement")})
    return {
        "report": report,
        "draft": draft,
        "fields": fields,
        "findings": findings,
        "redactable_categories": [(c, CATEGORIES.get(c, c)) for c in redactable],
    }


class ScreeningReportPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "moderation/panels/screening_report.html"

        def is_shown(self):
            return bool(self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            story = self.instance
            context["story"] = story
            context["can_review"] = can_review(self.request.user)
            context["submission"] = getattr(story, "submission", None)
            context.update(review_context(story))
            return context


def add_screening_tab():
    """The story editor's "Screening" tab, after "Content": stories knows nothing of it."""
    tabs = list(StoryPage.edit_handler.children)
    if any(isinstance(tab, ObjectList) and tab.heading == "Screening" for tab in tabs):
        return
    screening = ObjectList([ScreeningReportPanel()], heading=gettext_lazy("Screening"))
    StoryPage.edit_handler = TabbedInterface([tabs[0], screening, *tabs[1:]])
