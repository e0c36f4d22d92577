from django.db import migrations, models

INDEX = models.Index(
    fields=["content_type", "object_pk"],
    condition=models.Q(is_public=True, is_removed=False),
    name="comments_public_by_page",
)


def add_index(apps, schema_editor):
    schema_editor.add_index(apps.get_model("django_comments", "Comment"), INDEX)


def remove_index(apps, schema_editor):
    schema_editor.remove_index(apps.get_model("django_comments", "Comment"), INDEX)


class Migration(migrations.Migration):
    """The public comments of a page, by the page: what ``with_comment_counts`` counts
    for every story card, from the index alone (a partial index, on PostgreSQL and
    SQLite alike). The table is django_comments', so the index is made here."""

    dependencies = [
        ("comment_moderation", "0009_comment_held_when_the_spam_check_fails"),
        ("django_comments", "0004_add_object_pk_is_removed_index"),
    ]

    operations = [migrations.RunPython(add_index, remove_index, elidable=False)]
