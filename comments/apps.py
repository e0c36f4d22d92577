from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentModerationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "comments"
    label = "comment_moderation"
    verbose_name = _("Comment moderation")

    def ready(self):
        from django_comments_xtd.moderation import moderator

        from stories.models import StoryPage

        from . import signal_handlers
        from .moderators import StoryCommentModerator

        if StoryPage not in moderator._registry:
            moderator.register(StoryPage, StoryCommentModerator)
        signal_handlers.connect()
