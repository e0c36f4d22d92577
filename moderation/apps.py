from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        from . import checks  # noqa: F401 (registers the system checks)
        from .panels import add_screening_tab
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        add_screening_tab()
