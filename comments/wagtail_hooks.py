from wagtail import hooks

from .viewsets import comment_queue_viewset


@hooks.register("register_admin_viewset")
def register_comment_queue_viewset():
    return comment_queue_viewset


@hooks.register("construct_homepage_panels")
def add_comment_queue_panel(request, panels):
    comment_queue_viewset.add_dashboard_panel(request, panels)
