"""Security headers the admin needs loosened, and the answer to a throttled sign-in.

The Content-Security-Policy is django-csp's, from settings.CONTENT_SECURITY_POLICY.
Wagtail's admin cannot run under it (settings.ADMIN_CSP_REPLACE says why), so paths
under settings.ADMIN_CSP_PATHS get those directives instead; the public site never does.
"""

from axes.backends import AxesStandaloneBackend
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import ngettext
from wagtail.admin.views.account import LoginView


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's directives on the admin's paths."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.replace is None
            and request.path_info.startswith(tuple(settings.ADMIN_CSP_PATHS))
        ):
            parts.replace = settings.ADMIN_CSP_REPLACE
        return parts


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' check, for sign-ins that come from a request.

    Every sign-in form (Wagtail's, Django admin's) passes the request; only code
    calling ``authenticate()`` itself does not (the test client's ``login()``), and
    axes would refuse it outright. Those have no client to count failures for.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def locked_out(request, original_response=None, credentials=None):
    """The admin's sign-in page again, saying why it refuses, with HTTP 429.

    django-axes calls this (settings.AXES_LOCKOUT_CALLABLE) for a sign-in refused
    because of too many failures; the password was not checked.
    """
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    messages.error(
        request,
        ngettext(
            "Too many failed sign-in attempts. For your account's safety, signing in "
            "is paused for %(minutes)d minute. Please try again later.",
            "Too many failed sign-in attempts. For your account's safety, signing in "
            "is paused for %(minutes)d minutes. Please try again later.",
            minutes,
        )
        % {"minutes": minutes},
    )
    view = LoginView()
    view.setup(request)
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    form = view.get_form_class()(request, initial={"username": username})
    context = view.get_context_data(form=form)
    return render(request, view.template_name, context, status=429)
