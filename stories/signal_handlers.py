"""Receivers of Wagtail's signals that concern stories."""

from django.db import transaction
from wagtail.search.index import insert_or_update_object


def reindex_published_story(sender, instance, **kwargs):
    """Index a story again once it is published, topics included.

    Wagtail indexes a page as it is saved, before the topics of the revision are
    written to their table (they are saved after the page row); the story is
    indexed again here, when they are.
    """
    insert_or_update_object(instance)


def make_published_renditions(sender, instance, **kwargs):
    """Once a story is published, make the pictures it shows in the background."""
    from .tasks import make_renditions

    story_id = instance.pk
    transaction.on_commit(lambda: make_renditions.enqueue(story_id))
