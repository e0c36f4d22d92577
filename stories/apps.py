from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "stories"
    verbose_name = _("Stories")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from comments import moderators

        from .models import StoryPage
        from .signal_handlers import (
            forget_counts,
            forget_counts_for_page,
            make_published_renditions,
            reindex_published_story,
        )

        moderators.register(StoryPage)
        page_published.connect(
            reindex_published_story, sender=StoryPage, dispatch_uid="stories.reindex_published"
        )
        page_published.connect(
            make_published_renditions,
            sender=StoryPage,
            dispatch_uid="stories.make_published_renditions",
        )
        # The index's "N stories" is kept in the cache until what it counts changes.
        for signal, name in (
            (page_published, "published"),
            (page_unpublished, "unpublished"),
            (post_page_move, "moved"),
            (post_delete, "deleted"),
        ):
            signal.connect(forget_counts_for_page, dispatch_uid=f"stories.forget_counts.{name}")
        for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                forget_counts,
                sender=PageViewRestriction,
                dispatch_uid=f"stories.forget_counts.restriction_{name}",
            )
