from django.urls import path

from . import views

# Mounted by the story queue viewset (viewsets.py) under /admin/story-queue/,
# in its ``story_moderation`` namespace.
urlpatterns = [
    path("<int:page_id>/", views.review, name="review"),
    path("<int:page_id>/redact/", views.redact, name="redact"),
    path("<int:page_id>/decide/", views.decide, name="decide"),
    path("<int:page_id>/spam/", views.mark_spam, name="spam"),
    path("<int:page_id>/messages/", views.message, name="message"),
    path("photos/<int:photo_id>/", views.photo, name="photo"),
]
