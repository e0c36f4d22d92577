"""Public comment URLs, included at "comments/" before comments-xtd's own: the
post and reply views are comments-xtd's with a rate limit and clear pages around
them, and the permalink redirect works for Wagtail pages."""

from django.urls import path

from . import views

urlpatterns = [
    path("post/", views.post_comment, name="comments-post-comment"),
    path("confirm/<str:key>/", views.confirm, name="comments-xtd-confirm"),
    path("reply/<int:cid>/", views.reply, name="comments-xtd-reply"),
    path(
        "cr/<int:content_type_id>/<str:object_pk>/",
        views.comment_redirect,
        name="comments-url-redirect",
    ),
    path("report/<int:comment_id>/", views.report, name="comment_report"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="comment_unsubscribe"),
]
