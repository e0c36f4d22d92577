"""The comment queue as a Wagtail viewset: its list, menu item, permission and dashboard
count are declared here once."""

from collections import Counter

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from django_comments.models import CommentFlag
from wagtail.admin.ui.tables import BaseColumn, Table

from screening.highlight import highlight
from sharing import spam
from sharing.admin_queues import QueueIndexView, QueuePanel, QueueViewSet

from . import admin_urls
from .filters import CommentQueueFilterSet, counts_by_state
from .models import (
    PENDING_STATES,
    PERMISSION,
    VERDICTS,
    CommentDecision,
    CommentReport,
    CommentReview,
    ReportReason,
)
from .services import finding_key

# A finding is a JSON object in a list; its category is matched in the list's text,
# where a comment's own quotes are escaped, so the same on SQLite and PostgreSQL.
CRISIS_FINDING = '"category": "crisis"'


def pending_reviews():
    return CommentReview.objects.filter(state__in=PENDING_STATES, comment__isnull=False)


def comment_queue():
    """Reviews waiting for a moderator, annotated with ``crisis`` (crisis language, or
    a reader's report that someone may be in danger), ``submitted`` and
    ``report_count``, with their comments fetched in the same query."""
    danger_reported = CommentReport.objects.filter(
        comment_id=OuterRef("comment_id"), reason=ReportReason.UNSAFE
    )
    return (
        pending_reviews()
        .select_related("comment", "comment__content_type")
        .alias(findings_text=Cast("findings", TextField()))
        .annotate(
            submitted=F("comment__submit_date"),
            crisis=Case(
                When(
                    Q(findings_text__contains=CRISIS_FINDING) | Q(Exists(danger_reported)),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=BooleanField(),
            ),
            report_count=Count("comment__reports", distinct=True)
            + Count(
                "comment__flags",
                filter=Q(comment__flags__flag=CommentFlag.SUGGEST_REMOVAL),
                distinct=True,
            ),
        )
    )


def _report_reasons(comment_ids):
    """For each comment, its readers' reasons since a moderator last decided on it,
    most given first: ``{comment_id: [(label, count), ...]}``, in two queries."""
    last_decided = dict(
        CommentDecision.objects.filter(comment_id__in=comment_ids)
        .values_list("comment_id")
        .annotate(last=Max("decided_at"))
        .order_by()
    )
    reasons = {}
    for comment_id, reason, created_at in CommentReport.objects.filter(
        comment_id__in=comment_ids
    ).values_list("comment_id", "reason", "created_at"):
        since = last_decided.get(comment_id)
        if since is None or created_at > since:
            reasons.setdefault(comment_id, Counter())[reason] += 1
    labels = dict(ReportReason.choices)
    return {
        comment_id: [
            (labels.get(reason) or _("No reason given"), count)
            for reason, count in counter.most_common()
        ]
        for comment_id, counter in reasons.items()
    }


def _targets(comments):
    """The pages the comments are on, one query per kind of page."""
    by_type = {}
    for comment in comments:
        by_type.setdefault(comment.content_type, set()).add(comment.object_pk)
    targets = {}
    for content_type, pks in by_type.items():
        model = content_type.model_class()
        if model is None:
            continue
        for obj in model._default_manager.filter(pk__in=pks):
            targets[(content_type.pk, str(obj.pk))] = obj
    return targets


class TemplateColumn(BaseColumn):
    def __init__(self, name, template_name, **kwargs):
        super().__init__(name, **kwargs)
        self.cell_template_name = template_name

    def get_cell_context_data(self, instance, parent_context):
        return {
            **super().get_cell_context_data(instance, parent_context),
            "review": instance,
            "comment": instance.comment,
            "actions": VERDICTS,
            "verdicts": spam.Verdict,
        }

    def render_cell_html(self, instance, parent_context):
        # With the request, so that the decision forms get their CSRF token.
        context = self.get_cell_context_data(instance, parent_context)
        return self.cell_template.render(context, request=parent_context.get("request"))


class CommentQueueTable(Table):
    def get_row_attrs(self, instance):
        classname = "comment-queue__row"
        if instance.crisis:
            classname += " comment-queue__row--crisis"
        return {"id": f"queue-comment-{instance.comment_id}", "class": classname}


CELL = "comment_moderation/admin/queue/"


class CommentQueueIndexView(QueueIndexView):
    """Comments waiting for a moderator: someone who may be at risk first, then the oldest."""

    template_name = "comment_moderation/admin/queue.html"
    page_title = _("Comment queue")
    page_subtitle = _("Comments waiting for a moderator")
    table_class = CommentQueueTable
    table_classname = "listing comment-queue"
    # "2 comments", not "2 comment reviews", under the list.
    verbose_name = _("comment")
    verbose_name_plural = _("comments")
    caption = _("Comments waiting for a moderator")
    no_results_message = _("No comments are waiting for a moderator.")
    # Someone who may be at risk comes first, whatever the order chosen.
    first_ordering = ["-crisis"]

    columns = [
        TemplateColumn("select", CELL + "select_cell.html", label=_("Select")),
        TemplateColumn(
            "comment", CELL + "comment_cell.html", label=_("Comment"), sort_key="submitted"
        ),
        TemplateColumn(
            "why", CELL + "why_cell.html", label=_("Why it is here"), sort_key="report_count"
        ),
        TemplateColumn("decide", CELL + "decide_cell.html", label=_("Decide")),
    ]

    export_fields = {
        "comment_id": lambda review: review.comment_id,
        "state": lambda review: review.get_state_display(),
        "submitted": lambda review: review.submitted,
        "page": lambda review: getattr(review.target, "title", ""),
        "held_for": lambda review: ", ".join(review.held_for),
        "crisis": lambda review: review.crisis,
        "report_count": lambda review: review.report_count,
        "report_reasons": lambda review: "; ".join(
            f"{label} ({count})" for label, count in review.report_reasons
        ),
        "spam_verdict": lambda review: review.get_spam_verdict_display(),
    }
    list_export = list(export_fields)
    export_headings = {
        "comment_id": _("Comment"),
        "state": _("Waiting as"),
        "submitted": _("Posted"),
        "page": _("Page"),
        "held_for": _("Held for"),
        "crisis": _("Someone may be at risk"),
        "report_count": _("Reports"),
        "report_reasons": _("Readers' reasons"),
        "spam_verdict": _("Spam check"),
    }

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "counts": counts_by_state(pending_reviews())}

    @staticmethod
    def with_targets(reviews):
        """Each review with the page its comment is on and its highlighted text."""
        reviews = list(reviews)
        targets = _targets([review.comment for review in reviews])
        reasons = _report_reasons([review.comment_id for review in reviews])
        for review in reviews:
            comment = review.comment
            review.target = targets.get((comment.content_type_id, comment.object_pk))
            review.pieces = [
                (text, {**finding, "key": finding_key(finding)} if finding else None)
                for text, finding in highlight(comment.comment, review.findings)
            ]
            review.report_reasons = reasons.get(comment.pk, [])
        return reviews

    def get_table(self, object_list):
        return super().get_table(self.with_targets(object_list))

    def as_spreadsheet(self, queryset, spreadsheet_format):
        return super().as_spreadsheet(self.with_targets(queryset), spreadsheet_format)

    def get_heading(self, queryset, field):
        return str(self.export_headings[field])

    def get_context_data(self, *args, **kwargs):
        return {
            **super().get_context_data(*args, **kwargs),
            "actions": VERDICTS,
            "decisions": CommentDecision.objects.select_related("moderator", "comment")[:20],
        }


class CommentQueuePanel(QueuePanel):
    name = "comment_queue"
    order = 110
    template_name = "comment_moderation/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        return {"count": pending_reviews().count()}


class CommentQueueViewSet(QueueViewSet):
    """The comment queue at /admin/comments/, with the bulk decisions under it."""

    name = "comment_moderation"
    url_prefix = "comments"
    icon = "comment"
    menu_label = _("Comment queue")
    menu_name = "comment-queue"
    menu_order = 350
    ordering = "submitted"
    filterset_class = CommentQueueFilterSet
    export_filename = "comment-queue"
    model = CommentReview
    panel_class = CommentQueuePanel
    extra_urlpatterns = admin_urls.urlpatterns
    index_view_class = CommentQueueIndexView
    permission = PERMISSION

    def user_can_moderate(self, user):
        return user.is_active and user.has_perm(self.permission)

    def get_queryset(self):
        return comment_queue()


comment_queue_viewset = CommentQueueViewSet()
