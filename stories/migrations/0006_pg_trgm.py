from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """Trigram matching for story search on PostgreSQL: a misspelt word still finds
    its story. Nothing happens on other databases."""

    dependencies = [("stories", "0005_story_photos")]

    operations = [TrigramExtension()]
