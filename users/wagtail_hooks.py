from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from . import urls


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("two-factor/", include(urls, namespace="two_factor"))]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("two_factor:setup"),
        "label": _("Two-step verification"),
        "help_text": _(
            "Ask for a code from an authenticator app on your phone when you sign in, "
            "after your password."
        ),
    }
