"""Where two-step verification is enforced, after django-otp's OTPMiddleware.

A session is verified only once a code was given (``request.user.is_verified()``).
Someone signed in without one who has an app (signed in through Django's admin,
or in a browser signed in before they set the app up) is asked for a code on the
admin's pages, and is nobody on the public site. With STAFF_REQUIRE_TWO_FACTOR,
staff without an app are sent from every admin page to set one up.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from . import services
from .views import with_next

# Open to a session still to give its code: signing in and out, and the scripts
# the sign-in pages load.
SIGN_IN_VIEWS = {
    "admin_login",
    "admin_login_code",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "admin:logout",
}
# And to a staff member still to set an app up, when it is required.
SET_UP_VIEWS = SIGN_IN_VIEWS | {"two_factor:setup"}


def needs_code(user):
    """Signed in, but not with a code, though the user has an app."""
    return user.is_authenticated and not user.is_verified() and services.has_app(user)


def is_staff(user):
    return user.is_staff or user.has_perm("wagtailadmin.access_admin")


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(tuple(settings.TWO_FACTOR_PATHS)):
            user = request.user
            request.user = SimpleLazyObject(lambda: anonymous() if needs_code(user) else user)
            return None
        view_name = request.resolver_match.view_name if request.resolver_match else ""
        if view_name in SIGN_IN_VIEWS:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if services.has_app(user):
            return redirect(with_next(reverse("admin_login_code"), request.get_full_path()))
        if settings.STAFF_REQUIRE_TWO_FACTOR and view_name not in SET_UP_VIEWS and is_staff(user):
            messages.warning(
                request,
                _(
                    "Staff accounts need two-step verification. Set up an authenticator "
                    "app to go on to the admin."
                ),
            )
            return redirect("two_factor:setup")
        return None


def anonymous():
    user = AnonymousUser()
    user.otp_device = None
    user.is_verified = lambda: False
    return user
