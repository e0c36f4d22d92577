from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentModerationConfig(AppConfig):
    """Comments on any live page: screened, spam-checked and moderated.

    The app that owns a page type registers it for comments with
    ``comments.moderators.register(PageModel)`` in its own ``ready()``.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "comments"
    label = "comment_moderation"
    verbose_name = _("Comment moderation")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
