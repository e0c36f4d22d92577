"""The moderators' comment queue in the Wagtail admin."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from screening.highlight import highlight
from sharing import spam

from .actions import ModerateComments
from .models import (
    PENDING_STATES,
    PERMISSION,
    CommentDecision,
    CommentReview,
    Decision,
    ReviewState,
)

QUEUE_LIMIT = 100


def pending_reviews():
    return CommentReview.objects.filter(state__in=PENDING_STATES, comment__isnull=False)


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


@permission_required(PERMISSION, raise_exception=True)
def queue(request):
    state = request.GET.get("state", "")
    reviews = pending_reviews()
    if state in PENDING_STATES:
        reviews = reviews.filter(state=state)
    else:
        state = ""
    reviews = list(
        reviews.select_related("comment", "comment__content_type")
        .annotate(
            report_count=Count("comment__reports", distinct=True)
            + Count(
                "comment__flags",
                filter=Q(comment__flags__flag=CommentFlag.SUGGEST_REMOVAL),
                distinct=True,
            )
        )
        .order_by("comment__submit_date")[:QUEUE_LIMIT]
    )
    # Someone who may be at risk comes first.
    reviews.sort(key=lambda review: not review.has_crisis)
    targets = _targets([review.comment for review in reviews])
    rows = [
        {
            "review": review,
            "comment": review.comment,
            "target": targets.get((review.comment.content_type_id, review.comment.object_pk)),
            "pieces": highlight(review.comment.comment, review.findings),
        }
        for review in reviews
    ]
    counts = dict(pending_reviews().values_list("state").annotate(count=Count("pk")).order_by())
    decisions = CommentDecision.objects.select_related("moderator", "comment")[:20]
    return render(
        request,
        "comment_moderation/admin/queue.html",
        {
            "page_title": _("Comment queue"),
            "header_icon": "comment",
            "rows": rows,
            "state": state,
            "states": [
                (value, label, counts.get(value, 0))
                for value, label in ReviewState.choices
                if value in PENDING_STATES
            ],
            "total": sum(counts.values()),
            "limit": QUEUE_LIMIT,
            "decisions": decisions,
            "actions": Decision.choices,
            "verdicts": spam.Verdict,
        },
    )


@require_POST
@permission_required(PERMISSION, raise_exception=True)
def decide(request):
    action = request.POST.get("action", "")
    ids = [value for value in request.POST.getlist("comment") if value.isdigit()]
    back = redirect("comment_moderation:queue")
    if action not in Decision.values:
        messages.error(request, _("Choose what to do with the selected comments."))
        return back
    comments = list(XtdComment.objects.filter(pk__in=ids))
    if not comments:
        messages.error(request, _("Select at least one comment."))
        return back
    count = ModerateComments(
        comments, user=request.user, action=action, reason=request.POST.get("reason", "")
    ).execute()
    messages.success(
        request,
        ngettext("%(action)s: %(count)d comment.", "%(action)s: %(count)d comments.", count)
        % {"action": Decision(action).label, "count": count},
    )
    return back
