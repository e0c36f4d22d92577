"""Say "not checked" of story spam checks that never ended (run it every few minutes).

    python manage.py expire_pending_spam_checks

A submitted story's text waits for Akismet's verdict as "Checking" while its
background check (``moderation.tasks.check_story_spam``) is queued. That check
records "Not checked" itself when Akismet cannot be reached; but a check that
never ran to its end (its task lost, or the worker killed while it ran) would
leave "Checking" in the queue for ever. After ``SPAM_CHECK_MAX_WAIT`` seconds
(an hour) this job records those as "Not checked", for the moderators. A check
that runs later still records Akismet's verdict.
"""

from django.core.management.base import BaseCommand

from moderation.services import expire_pending_spam_checks


class Command(BaseCommand):
    help = "Record as not checked the story spam checks still pending after SPAM_CHECK_MAX_WAIT."

    def handle(self, *args, **options):
        count = expire_pending_spam_checks()
        self.stdout.write(f"{count} spam check(s) that never ended recorded as not checked.")
