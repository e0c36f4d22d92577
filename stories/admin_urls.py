from django.urls import path

from . import admin_views

# Mounted by the viewsets in ``viewsets.py``: the responders' pages under
# /admin/responses/ (``official_responses``), the moderators' under
# /admin/response-queue/ (``response_moderation``).
write_urlpatterns = [
    path("<int:story_id>/", admin_views.write, name="write"),
]
review_urlpatterns = [
    path("<int:response_id>/", admin_views.review, name="review"),
    path("<int:response_id>/decide/", admin_views.decide, name="decide"),
]
