"""Replies that were hidden only because the comment they answer was hidden are
shown again: a thread now shows them under a "This comment is hidden" placeholder.

A reply hidden for itself (held, reported, removed, spam) has a review in that
state and is left alone; only replies whose own review says they are published
or approved are shown.
"""

from django.db import migrations
from django.db.models import F

SHOWN_STATES = ["published", "approved", "flagged"]


def show_replies_hidden_with_their_parent(apps, schema_editor):
    XtdComment = apps.get_model("django_comments_xtd", "XtdComment")
    CommentReview = apps.get_model("comment_moderation", "CommentReview")
    innocent = CommentReview.objects.filter(
        state__in=SHOWN_STATES, comment__is_public=False, comment__is_removed=False
    ).values_list("comment_id", flat=True)
    XtdComment.objects.filter(pk__in=list(innocent)).exclude(parent_id=F("pk")).update(
        is_public=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("comment_moderation", "0004_reported_state_and_report_reasons"),
        ("django_comments_xtd", "0008_auto_20200920_2037"),
    ]

    operations = [
        migrations.RunPython(show_replies_hidden_with_their_parent, migrations.RunPython.noop)
    ]
