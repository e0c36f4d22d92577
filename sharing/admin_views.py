"""What the review of one item in a queue is made of, whatever the item (an official
response, a directory proposal): the check of who may see it, its history, the
admin page's header, and the decision posted from it."""

import functools

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from wagtail.models import ModelLogEntry


def only_if(allowed):
    """A view decorator: ``allowed(user)`` or 403."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not allowed(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def history_of(instance):
    """``instance``'s entries in Wagtail's audit log, newest first, with who made them."""
    if instance is None:
        return []
    return (
        ModelLogEntry.objects.for_instance(instance).select_related("user").order_by("-timestamp")
    )


def render_admin_page(
    request, template_name, context, *, title, subtitle, heading, icon, status=200
):
    """An admin page with Wagtail's header: ``title`` (the browser's), ``subtitle``,
    ``heading`` (the page's) and ``icon``."""
    context = {
        **context,
        "header_title": heading,
        "page_title": title,
        "page_subtitle": subtitle,
        "header_icon": icon,
    }
    return render(request, template_name, context, status=status)


def apply_decision(
    request, form, *, action_for, error_class, error_field, done, success_url, again
):
    """A moderator's decision from a review page's ``form`` (its ``action`` and
    ``reason``): ``action_for(action, reason)`` is the action class's instance to
    execute; an ``error_class`` it raises goes back on the form (on the field
    ``error_field(error)`` names), and ``again(form)`` shows the review again. Once
    done, the message ``done(action)`` and a redirect to ``success_url``."""
    if not form.is_valid():
        return again(form)
    action = form.cleaned_data["action"]
    try:
        action_for(action, form.cleaned_data["reason"]).execute()
    except error_class as error:
        form.add_error(error_field(error), str(error))
        return again(form)
    messages.success(request, done(action))
    return redirect(success_url)
