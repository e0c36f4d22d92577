"""Receivers of Wagtail's signals that concern stories."""

from wagtail.search.index import insert_or_update_object


def reindex_published_story(sender, instance, **kwargs):
    """Index a story again once it is published, topics included.

    Wagtail indexes a page as it is saved, before the topics of the revision are
    written to their table (they are saved after the page row); the story is
    indexed again here, when they are.
    """
    insert_or_update_object(instance)
