"""Forget comments whose authors never confirmed them (run it daily).

    python manage.py forget_unconfirmed_comments [--dry-run]

A comment posted without an account waits for its author to click the link
mailed to them; until then its review keeps the text, the address and the
signed link (for the moderators' crisis alert and the confirmation mail). After
``UNCONFIRMED_COMMENT_RETENTION_DAYS`` days (default 14) those reviews are
deleted. A link clicked later still works: the comment is then screened anew.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from comments.models import CommentReview


class Command(BaseCommand):
    help = "Delete the reviews of comments never confirmed by their authors."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say how many would be forgotten."
        )

    def handle(self, *args, dry_run=False, **options):
        cutoff = timezone.now() - timedelta(days=settings.UNCONFIRMED_COMMENT_RETENTION_DAYS)
        expired = CommentReview.objects.filter(comment__isnull=True, created_at__lt=cutoff)
        if dry_run:
            self.stdout.write(f"{expired.count()} unconfirmed comment(s) would be forgotten.")
            return
        forgotten, _ = expired.delete()
        self.stdout.write(f"{forgotten} unconfirmed comment(s) forgotten.")
