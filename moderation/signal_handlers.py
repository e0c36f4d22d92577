import logging

from django.db.models.signals import post_save
from wagtail.models import Revision

logger = logging.getLogger(__name__)


def screen_new_story_revision(sender, instance, created, raw=False, **kwargs):
    """Every new revision of a story is screened: a moderator always sees the report
    of the revision they would publish."""
    from stories.models import StoryPage

    from .services import screen_revision

    if not created or raw:
        return
    model = instance.content_type.model_class()
    if model is None or not issubclass(model, StoryPage):
        return
    try:
        screen_revision(instance)
    except Exception:
        # Never lose an edit to a screening failure; the review screens it again.
        logger.exception("Could not screen revision %s", instance.pk)


def register_signal_handlers():
    post_save.connect(
        screen_new_story_revision,
        sender=Revision,
        dispatch_uid="moderation.screen_new_story_revision",
    )
