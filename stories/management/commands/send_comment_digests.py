"""Mail authors about new comments on their published stories (run it every few minutes).

    python manage.py send_comment_digests

An author who asked for it (on the share form or their story's page) gets one
mail, at most once a day, when readers have commented on their live story since
the last one: how many comments, a link to the story, and a link that asks
before it unsubscribes. Running the job more often sends nothing more.
"""

from django.core.management.base import BaseCommand

from stories.services import send_comment_digests


class Command(BaseCommand):
    help = "Queue the day's mail about new comments to the authors who asked for it."

    def handle(self, *args, **options):
        count = send_comment_digests()
        self.stdout.write(f"{count} mail(s) about new comments queued.")
