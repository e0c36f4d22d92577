"""Turn a staff member's two-step verification off: they lost their phone and
their backup codes. They sign in with their password alone, and can set an app
up again (or, with STAFF_REQUIRE_TWO_FACTOR, are asked to)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from users.services import remove_devices


class Command(BaseCommand):
    help = "Remove the authenticator app and backup codes of the users named."

    def add_arguments(self, parser):
        parser.add_argument("usernames", nargs="+", metavar="USERNAME")

    def handle(self, *args, usernames, **options):
        User = get_user_model()
        users = []
        for username in usernames:
            user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
            if user is None:
                raise CommandError(f"No user is called {username!r}; nothing was removed.")
            users.append(user)
        for user in users:
            removed = remove_devices(user)
            if removed:
                self.stdout.write(
                    f"{user.get_username()}: two-step verification removed; they sign in "
                    "with their password alone now."
                )
            else:
                self.stdout.write(f"{user.get_username()}: had no two-step verification.")
