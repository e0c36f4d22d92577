"""Erase declined stories once their retention period is over (run it daily).

    python manage.py erase_expired_submissions [--dry-run]

A declined story keeps its author's contact details for
``DECLINED_RETENTION_DAYS`` days (default 90), so that the author can still be
answered; after that it is erased as a withdrawal is: only the reference, its
dates and its state remain.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from stories.models import Submission
from stories.services import erase_submission


class Command(BaseCommand):
    help = "Erase declined stories whose retention period is over."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say how many would be erased."
        )

    def handle(self, *args, dry_run=False, **options):
        cutoff = timezone.now() - timedelta(days=settings.DECLINED_RETENTION_DAYS)
        expired = Submission.objects.filter(
            state=Submission.State.DECLINED, erased_at__isnull=True, updated_at__lt=cutoff
        )
        if dry_run:
            self.stdout.write(f"{expired.count()} declined submission(s) would be erased.")
            return
        erased = 0
        for submission in expired.iterator():
            if erase_submission(submission) is not None:
                erased += 1
        self.stdout.write(f"Erased {erased} declined submission(s).")
