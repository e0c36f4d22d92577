from django.urls import path

from . import admin_views

app_name = "comment_moderation"

urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("decide/", admin_views.decide, name="decide"),
]
