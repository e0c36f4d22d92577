"""Receivers of Wagtail's signals that concern stories."""

from django.db import transaction
from wagtail.models import Page
from wagtail.search.index import insert_or_update_object

from .listing import forget_story_counts


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


def forget_counts_for_page(sender, instance=None, **kwargs):
    """A page published, unpublished, moved or deleted changes the listings' counts
    (a moved or deleted index page takes its stories with it)."""
    if isinstance(instance, Page):
        forget_story_counts()


def forget_counts(sender, **kwargs):
    """A privacy setting made or removed: the stories it hides are not counted."""
    forget_story_counts()
