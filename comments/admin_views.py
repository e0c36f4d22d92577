"""The moderators' bulk decisions on comments; the queue itself is the viewset in
``viewsets.py``."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_comments_xtd.models import XtdComment

from .actions import ModerateComments
from .models import PERMISSION, Decision


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
