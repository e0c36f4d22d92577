from django.urls import path

from .reports import ModerationReportView

# Mounted by ``register_admin_urls`` (wagtail_hooks.py) under /admin/reports/moderation/,
# in the ``moderation_report`` namespace.
urlpatterns = [
    path("", ModerationReportView.as_view(), name="index"),
]
