"""Public comment URLs, included at "comments/" before comments-xtd's own: the
post and reply views are comments-xtd's with a rate limit and clear pages around
them, the permalink redirect works for Wagtail pages, and comments-xtd's REST API
is closed. The follow-up mail's mute link asks for a click before it mutes."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    # comments-xtd's REST API is not used here, and would let comments in around
    # the rate limit and list gravatar hashes of commenters' email addresses.
    re_path(r"^api/", views.not_found, name="comments_api_closed"),
    path("post/", views.post_comment, name="comments-post-comment"),
    path("sent/", views.sent, name="comments-xtd-sent"),
    path("confirm/<str:key>/", views.confirm, name="comments-xtd-confirm"),
    path("reply/<int:cid>/", views.reply, name="comments-xtd-reply"),
    path(
        "cr/<int:content_type_id>/<str:object_pk>/",
        views.comment_redirect,
        name="comments-url-redirect",
    ),
    path("report/<int:comment_id>/", views.report, name="comment_report"),
    path("edit/<int:comment_id>/", views.edit_own, name="comment_edit_own"),
    path("delete/<int:comment_id>/", views.delete_own, name="comment_delete_own"),
    path("mute/<str:key>/", views.mute, name="comments-xtd-mute"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="comment_unsubscribe"),
]
