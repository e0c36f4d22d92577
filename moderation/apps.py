from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        from .panels import add_screening_tab
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        add_screening_tab()
