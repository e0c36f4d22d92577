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
        from .workflow_mail import replace_wagtail_notifiers

        register_signal_handlers()
        replace_wagtail_notifiers()
        add_screening_tab()
        install_story_permissions()


def install_story_permissions():
    """Wagtail asks a page type for its permission tester (``permissions_for_user``),
    also for a plain ``Page`` of that type; a story's is moderation's, which knows
    who reviews. Stories knows nothing of it, as of the screening tab."""
    from wagtail.models import Page
    from wagtail.permissions import register_permission_policy

    from stories.models import StoryPage

    from .permissions import StoryPagePermissionPolicy, story_permissions_for_user

    StoryPage.permissions_for_user = story_permissions_for_user
    # Registered for Page (Wagtail's own is for AbstractPage), so that every
    # listing of pages in the admin asks this one.
    register_permission_policy(Page, StoryPagePermissionPolicy())
