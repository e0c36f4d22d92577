from django.urls import path

from . import admin_views

# Mounted by the proposal queue viewset (viewsets.py) under /admin/directory-queue/,
# in its ``directory_moderation`` namespace.
urlpatterns = [
    path("<int:proposal_id>/", admin_views.review, name="review"),
    path("<int:proposal_id>/decide/", admin_views.decide, name="decide"),
]
