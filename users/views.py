"""Signing in to the admin with a code after the password, and setting the app up.

Wagtail's sign-in page is ours at the same address (sharing/urls.py): a user with
a confirmed authenticator app is not signed in by the right password alone but
sent to the code step, which signs them in (and marks the session verified, as
django-otp's middleware reads it) only for a right code. Wrong codes count as
failed sign-ins for django-axes, so five wrong passwords or codes pause it.
"""

import time
from urllib.parse import urlencode

import segno
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import RedirectURLMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from wagtail.admin.views import account
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import services
from .forms import ConfirmAppForm, RemoveAppForm, SignInCodeForm

PENDING = "users.two_factor.pending"  # a right password, waiting for the code
NEW_KEY = "users.two_factor.new_key"  # the secret of an app being set up
NEW_BACKUP_CODES = "users.two_factor.backup_codes"  # shown once, then forgotten


def with_next(url, next_url):
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class LoginView(account.LoginView):
    """Wagtail's sign-in page; for a user with an app, the password is only the
    first step."""

    def form_valid(self, form):
        user = form.get_user()
        self.request.session.pop(PENDING, None)  # anyone's earlier first step
        if not services.has_app(user):
            return super().form_valid(form)
        self.request.session[PENDING] = {
            "user": str(user.pk),
            "backend": user.backend,
            "remember": bool(form.cleaned_data.get("remember")),
            "since": int(time.time()),
        }
        return redirect(with_next(reverse("admin_login_code"), self.get_redirect_url()))


@method_decorator([sensitive_post_parameters(), csrf_protect, never_cache], name="dispatch")
class LoginCodeView(RedirectURLMixin, FormView):
    """The second step: the code from the app, or a backup code.

    Also asks it of someone already signed in without one (through Django's admin,
    or in a browser signed in before they set the app up), who has an app now.
    """

    template_name = "users/login_code.html"
    form_class = SignInCodeForm
    next_page = "wagtailadmin_home"

    def dispatch(self, request, *args, **kwargs):
        self.pending = request.session.get(PENDING)
        self.user = self.user_to_verify()
        if self.user is None:
            return redirect(with_next(reverse("wagtailadmin_login"), self.get_redirect_url()))
        self.credentials = {"username": self.user.get_username()}
        if not AxesProxyHandler.is_allowed(request, self.credentials):
            request.session.pop(PENDING, None)
            return get_lockout_response(request, None, self.credentials)
        return super().dispatch(request, *args, **kwargs)

    def user_to_verify(self):
        request = self.request
        if self.pending:
            if time.time() - self.pending["since"] > settings.TWO_FACTOR_PENDING_SECONDS:
                del request.session[PENDING]
                messages.error(
                    request, _("The time to enter your code ran out. Please sign in again.")
                )
                return None
            User = get_user_model()
            return User._default_manager.filter(pk=self.pending["user"], is_active=True).first()
        user = request.user
        if user.is_authenticated and not user.is_verified() and services.has_app(user):
            return user
        return None

    def form_valid(self, form):
        try:
            device = services.verify_code(self.user, form.cleaned_data["code"])
        except services.CodeNotAllowedYet:
            form.add_error(
                "code",
                _("Too many wrong codes in a row. Wait a few seconds, then try the code again."),
            )
            return self.form_invalid(form)
        if device is None:
            user_login_failed.send(
                sender=__name__, credentials=self.credentials, request=self.request
            )
            if getattr(self.request, "axes_locked_out", False):
                self.request.session.pop(PENDING, None)  # axes' middleware answers
            form.add_error(
                "code",
                _(
                    "That code is not right. Enter the code your app shows now, "
                    "or one of your backup codes."
                ),
            )
            return self.form_invalid(form)
        return self.signed_in(device)

    def signed_in(self, device):
        request, user = self.request, self.user
        if self.pending:
            del request.session[PENDING]
            user.otp_device = device  # django-otp marks the session verified at login
            auth_login(request, user, backend=self.pending["backend"])
            if self.pending["remember"]:
                request.session.set_expiry(settings.SESSION_COOKIE_AGE)
            else:
                request.session.set_expiry(0)
        else:
            otp_login(request, device)
        if isinstance(device, StaticDevice):
            left = services.backup_codes_left(user)
            messages.warning(
                request,
                ngettext(
                    "You signed in with a backup code, which now no longer works. "
                    "You have %(count)d backup code left.",
                    "You signed in with a backup code, which now no longer works. "
                    "You have %(count)d backup codes left.",
                    left,
                )
                % {"count": left},
            )
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = self.get_redirect_url()
        context["username"] = self.user.get_username()
        return context


class TwoFactorView(WagtailAdminTemplateMixin, TemplateView):
    """The account's two-step verification: set an app up, or turn it off."""

    template_name = "users/two_factor.html"
    page_title = gettext_lazy("Two-step verification")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.get_page_title()},
        ]

    def dispatch(self, request, *args, **kwargs):
        self.has_app = services.has_app(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, confirm_form=None, remove_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["has_app"] = self.has_app
        context["required"] = settings.STAFF_REQUIRE_TWO_FACTOR
        if self.has_app:
            context["remove_form"] = remove_form or RemoveAppForm(prefix="remove")
            context["backup_codes_left"] = services.backup_codes_left(user)
            context["new_backup_codes"] = self.request.session.pop(NEW_BACKUP_CODES, None)
        else:
            key = self.new_key()
            context["confirm_form"] = confirm_form or ConfirmAppForm(prefix="confirm")
            context["secret"] = services.readable_secret(key)
            context["qr_code"] = segno.make(
                services.app_config_url(user, key), error="m"
            ).svg_data_uri(scale=5, border=2)
        return context

    def new_key(self):
        session = self.request.session
        if NEW_KEY not in session:
            session[NEW_KEY] = services.new_app_key()
        return session[NEW_KEY]

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "confirm" and not self.has_app:
            return self.confirm()
        if action == "remove" and self.has_app:
            return self.remove()
        if action == "backup_codes" and self.has_app:
            request.session[NEW_BACKUP_CODES] = services.make_backup_codes(request.user)
            messages.success(request, _("New backup codes made: the old ones no longer work."))
        return redirect("two_factor:setup")

    def confirm(self):
        request = self.request
        form = ConfirmAppForm(request.POST, prefix="confirm")
        if form.is_valid():
            device = services.confirm_app(request.user, self.new_key(), form.cleaned_data["code"])
            if device is not None:
                del request.session[NEW_KEY]
                otp_login(request, device)  # this session has just shown a code
                request.session[NEW_BACKUP_CODES] = services.make_backup_codes(request.user)
                messages.success(
                    request,
                    _(
                        "Two-step verification is on. From now on, signing in asks for "
                        "a code from your app after your password."
                    ),
                )
                return redirect("two_factor:setup")
            form.add_error(
                "code",
                _(
                    "That code is not right. Check that you added the account shown "
                    "here, then enter the code the app shows now."
                ),
            )
        return self.render_to_response(self.get_context_data(confirm_form=form), status=400)

    def remove(self):
        request = self.request
        form = RemoveAppForm(request.POST, prefix="remove")
        if form.is_valid():
            answer = form.cleaned_data["confirmation"]
            if request.user.check_password(answer) or self.is_current_code(answer):
                services.remove_devices(request.user)
                messages.success(
                    request,
                    _(
                        "Two-step verification is off: signing in asks only for your "
                        "password. Your app's entry and backup codes no longer work."
                    ),
                )
                return redirect("two_factor:setup")
            form.add_error(
                "confirmation",
                _("That is neither a current code from your app nor your password."),
            )
        return self.render_to_response(self.get_context_data(remove_form=form), status=400)

    def is_current_code(self, answer):
        code = services.normalise_code(answer)
        if not services.APP_CODE.fullmatch(code):
            return False
        try:
            return services.verify_code(self.request.user, code) is not None
        except services.CodeNotAllowedYet:
            return False
