from django.urls import path

from . import admin_views

# Mounted by the comment queue viewset (viewsets.py) under /admin/comments/,
# in its ``comment_moderation`` namespace.
urlpatterns = [
    path("decide/", admin_views.decide, name="decide"),
    path("redact/", admin_views.redact, name="redact"),
]
