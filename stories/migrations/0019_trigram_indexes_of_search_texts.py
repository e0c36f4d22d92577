from django.db import migrations

INDEXES = {
    "stories_search_title_trigrams": "title_text",
    "stories_search_body_trigrams": "body_text",
}


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON wagtailsearch_indexentry "
            f"USING gin ({column} gin_trgm_ops)"
        )


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    """The search that forgives misspellings (stories.views.fuzzy_candidates) finds
    its stories by pg_trgm's word similarity to the search entries' titles and
    texts: a trigram index on each (``gin_trgm_ops``), which its ``%>`` serves. It
    compared every entry before: a word matching nothing took 18 s at 100,000
    stories. Nothing happens on other databases (SQLite has no fuzzy try)."""

    dependencies = [
        ("stories", "0018_official_response_language"),
        ("stories", "0006_pg_trgm"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(add_indexes, remove_indexes, elidable=False)]
