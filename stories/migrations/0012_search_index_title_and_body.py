from django.db import migrations

INDEX = "stories_search_title_body"


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
        "USING gin ((title || body))"
    )


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    """Story search on PostgreSQL filters on ``(title || body) @@ query`` (Wagtail's
    database search backend); the index on each of the two columns cannot serve the
    concatenation, so every entry was read. A GIN index on the expression itself.
    Nothing happens on other databases (SQLite's search has its own FTS table)."""

    dependencies = [
        ("stories", "0011_index_stories_by_date"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(add_index, remove_index, elidable=False)]
