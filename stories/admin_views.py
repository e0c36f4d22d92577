"""The official response in the admin: a responder writes it, a moderator reviews it.
The lists (the responders' stories, the moderators' queue) are the viewsets in
``viewsets.py``."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import ModelLogEntry

from screening import CATEGORIES
from screening.highlight import highlight

from .actions import (
    ResponseError,
    ReviewResponseAction,
    WriteResponseAction,
    can_review_responses,
    can_write_responses,
)
from .forms import OfficialResponseForm, ResponseDecisionForm
from .models import OfficialResponse, StoryPage


def only_if(allowed):
    def decorator(view):
        def wrapper(request, *args, **kwargs):
            if not allowed(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.__name__ = view.__name__
        wrapper.__doc__ = view.__doc__
        return wrapper

    return decorator


def history_of(response):
    if response is None:
        return []
    return (
        ModelLogEntry.objects.for_instance(response).select_related("user").order_by("-timestamp")
    )


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
        initial = {"role": request.user.role}
        if response is not None:
            initial = {"text": response.text, "role": response.signed_role}
        form = OfficialResponseForm(initial=initial)
    context = {
        "story": story,
        "response": response,
        "form": form,
        "history": history_of(response),
        "header_title": _("Official response: %(title)s") % {"title": story.title},
        "page_title": _("Official response"),
        "page_subtitle": story.title,
        "header_icon": "comment",
    }
    return render(request, "stories/admin/write_response.html", context, status=status)


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
        "header_title": _("Review the response to “%(title)s”") % {"title": response.story.title},
        "page_title": _("Review an official response"),
        "page_subtitle": response.story.title,
        "header_icon": "comment",
    }
    return render(
        request,
        "stories/admin/review_response.html",
        context,
        status=400 if form is not None else 200,
    )


@only_if(can_review_responses)
@require_POST
def decide(request, response_id):
    response = get_object_or_404(OfficialResponse, pk=response_id)
    form = ResponseDecisionForm(request.POST)
    if not form.is_valid():
        return render_review(request, response_id, form=form)
    action = form.cleaned_data["action"]
    try:
        ReviewResponseAction(
            response, request.user, action, reason=form.cleaned_data["reason"]
        ).execute()
    except ResponseError as error:
        form.add_error(error.field, str(error))
        return render_review(request, response_id, form=form)
    done = {
        ReviewResponseAction.APPROVE: _(
            "The response is approved and published under “%(title)s”."
        ),
        ReviewResponseAction.SEND_BACK: _(
            "The response to “%(title)s” is sent back to the responder."
        ),
    }[action]
    messages.success(request, done % {"title": response.story.title})
    return redirect("response_moderation:queue")
