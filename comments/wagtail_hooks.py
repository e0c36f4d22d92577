from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import admin_urls
from .admin_views import pending_reviews
from .models import PERMISSION


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("comments/", include(admin_urls, namespace="comment_moderation"))]


class CommentQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def register_comment_queue_menu_item():
    return CommentQueueMenuItem(
        _("Comment queue"),
        reverse("comment_moderation:queue"),
        name="comment-queue",
        icon_name="comment",
        order=350,
    )


class CommentQueuePanel(Component):
    name = "comment_queue"
    order = 110
    template_name = "comment_moderation/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        return {"count": pending_reviews().count()}


@hooks.register("construct_homepage_panels")
def add_comment_queue_panel(request, panels):
    if request.user.has_perm(PERMISSION):
        panels.append(CommentQueuePanel())
