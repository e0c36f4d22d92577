"""The official response in the admin: a responder writes it, a moderator reviews it.
The lists (the responders' stories, the moderators' queue) are the viewsets in
``viewsets.py``."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from screening import CATEGORIES
from screening.highlight import highlight
from sharing.admin_views import apply_decision, history_of, only_if, render_admin_page

from .actions import (
    ResponseError,
    ReviewResponseAction,
    WriteResponseAction,
    can_review_responses,
    can_write_responses,
)
from .forms import OfficialResponseForm, ResponseDecisionForm
from .models import OfficialResponse, StoryPage


def with_labels(findings):
    return [
        {**finding, "category_label": CATEGORIES.get(finding["category"], finding["category"])}
        for finding in findings
    ]


@only_if(can_write_responses)
@require_http_methods(["GET", "POST"])
def write(request, story_id):
    """The story and its official response: a new one, or the one it has, to edit."""
    story = get_object_or_404(StoryPage.objects.live().public(), pk=story_id)
    response = OfficialResponse.objects.filter(story=story).first()
    status = 200
    if request.method == "POST":
        editing = request.POST.get("response", "")
        editing = (
            OfficialResponse(pk=int(editing))
            if editing.isdigit() and int(editing) < 2**63
            else None
        )
        form = OfficialResponseForm(request.POST)
        if form.is_valid():
            try:
                WriteResponseAction(
                    story,
                    request.user,
                    text=form.cleaned_data["text"],
                    role=form.cleaned_data["role"],
                    language=form.cleaned_data["language"] or story.language,
                    response=editing,
                ).execute()
            except ResponseError as error:
                form.add_error(error.field, str(error))
            else:
                messages.success(
                    request,
                    _(
                        "Your response to “%(title)s” is sent to the moderators. Readers see "
                        "it once one of them approves it."
                    )
                    % {"title": story.title},
                )
                return redirect("official_responses:index")
        status = 400
    else:
        initial = {"role": request.user.role, "language": story.language}
        if response is not None:
            initial = {
                "text": response.text,
                "role": response.signed_role,
                "language": response.language,
            }
        form = OfficialResponseForm(initial=initial)
    context = {
        "story": story,
        "response": response,
        "form": form,
        "history": history_of(response),
    }
    return render_admin_page(
        request,
        "stories/admin/write_response.html",
        context,
        title=_("Official response"),
        subtitle=story.title,
        heading=_("Official response: %(title)s") % {"title": story.title},
        icon="comment",
        status=status,
    )


@only_if(can_review_responses)
@require_http_methods(["GET"])
def review(request, response_id):
    return render_review(request, response_id)


def render_review(request, response_id, form=None):
    response = get_object_or_404(
        OfficialResponse.objects.select_related("story", "responder", "decided_by"),
        pk=response_id,
    )
    text_findings = [f for f in response.findings if f.get("field") == "text"]
    context = {
        "response": response,
        "story": response.story,
        "pieces": highlight(response.text, text_findings),
        "findings": with_labels(response.findings),
        "history": history_of(response),
        "form": form or ResponseDecisionForm(),
        "own": response.responder_id == request.user.pk,
    }
    return render_admin_page(
        request,
        "stories/admin/review_response.html",
        context,
        title=_("Review an official response"),
        subtitle=response.story.title,
        heading=_("Review the response to “%(title)s”") % {"title": response.story.title},
        icon="comment",
        status=400 if form is not None else 200,
    )


@only_if(can_review_responses)
@require_POST
def decide(request, response_id):
    response = get_object_or_404(OfficialResponse, pk=response_id)

    def done(action):
        return {
            ReviewResponseAction.APPROVE: _(
                "The response is approved and published under “%(title)s”."
            ),
            ReviewResponseAction.SEND_BACK: _(
                "The response to “%(title)s” is sent back to the responder."
            ),
        }[action] % {"title": response.story.title}

    return apply_decision(
        request,
        ResponseDecisionForm(request.POST),
        action_for=lambda action, reason: ReviewResponseAction(
            response, request.user, action, reason=reason
        ),
        error_class=ResponseError,
        error_field=lambda error: error.field,
        done=done,
        success_url="response_moderation:queue",
        again=lambda form: render_review(request, response_id, form=form),
    )
