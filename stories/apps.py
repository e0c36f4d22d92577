from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "stories"
    verbose_name = _("Stories")

    def ready(self):
        from wagtail.signals import page_published

        from comments import moderators

        from .models import StoryPage
        from .signal_handlers import make_published_renditions, reindex_published_story

        moderators.register(StoryPage)
        page_published.connect(
            reindex_published_story, sender=StoryPage, dispatch_uid="stories.reindex_published"
        )
        page_published.connect(
            make_published_renditions,
            sender=StoryPage,
            dispatch_uid="stories.make_published_renditions",
        )
