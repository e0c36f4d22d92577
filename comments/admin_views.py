"""The moderators' bulk decisions on comments; the queue itself is the viewset in
``viewsets.py``."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_comments_xtd.models import XtdComment

from .actions import ModerateComments, ModerationError, RedactComment
from .models import PERMISSION, VERDICTS, Decision


@require_POST
@permission_required(PERMISSION, raise_exception=True)
def decide(request):
    action = request.POST.get("action", "")
    ids = [value for value in request.POST.getlist("comment") if value.isdigit()]
    back = redirect("comment_moderation:queue")
    if action not in dict(VERDICTS):
        messages.error(request, _("Choose what to do with the selected comments."))
        return back
    comments = list(XtdComment.objects.filter(pk__in=ids))
    if not comments:
        messages.error(request, _("Select at least one comment."))
        return back
    try:
        count = ModerateComments(
            comments,
            user=request.user,
            action=action,
            reason=request.POST.get("reason", ""),
            override_reason=request.POST.get("override_reason", ""),
        ).execute()
    except ModerationError as error:
        messages.error(request, str(error))
        return back
    messages.success(
        request,
        ngettext("%(action)s: %(count)d comment.", "%(action)s: %(count)d comments.", count)
        % {"action": Decision(action).label, "count": count},
    )
    return back


@require_POST
@permission_required(PERMISSION, raise_exception=True)
def redact(request):
    """One finding of one comment replaced with its placeholder, in one click."""
    comment_id = request.POST.get("comment", "")
    comment = get_object_or_404(XtdComment, pk=int(comment_id) if comment_id.isdigit() else 0)
    try:
        labels = RedactComment(
            comment, user=request.user, keys=request.POST.getlist("finding")
        ).execute()
    except ModerationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Redacted: %(what)s.") % {"what": ", ".join(labels)})
    return redirect("comment_moderation:queue")
