from django.urls import path

from . import views

app_name = "stories"

urlpatterns = [
    path("", views.share_story, name="share"),
    path("received/<str:token>/", views.submission_received, name="received"),
    path("status/<str:token>/", views.submission_status, name="status"),
    path("status/<str:token>/withdraw/", views.withdraw_story, name="withdraw"),
    path("status/<str:token>/edit/", views.edit_story, name="edit"),
    path("status/<str:token>/approve/", views.approve_story_edits, name="approve_edits"),
    path("status/<str:token>/messages/", views.send_message, name="message"),
    path("status/<str:token>/comment-mail/", views.comment_mail, name="comment_mail"),
    path("comment-mail/stop/<str:token>/", views.stop_comment_mail, name="stop_comment_mail"),
]
