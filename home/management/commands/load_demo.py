from django.conf import settings
from django.core.management.base import BaseCommand

from home.services import load_demo_content


class Command(BaseCommand):
    help = "Create the page tree, the Moderators group, demo stories and an admin user."

    def handle(self, *args, **options):
        report = load_demo_content(admin_password=settings.DJANGO_ADMIN_PASSWORD)
        if report.created:
            self.stdout.write(f"Created {len(report.created)} items:")
            for item in report.created:
                self.stdout.write(f"  - {item}")
        else:
            self.stdout.write("Demo content already in place; nothing created.")
        if report.admin_password:
            self.stdout.write(
                self.style.WARNING(
                    "Admin user 'admin' created with password: "
                    f"{report.admin_password}\n(shown once: note it now, or set "
                    "DJANGO_ADMIN_PASSWORD before the first run)"
                )
            )
        elif report.admin_password == "":
            self.stdout.write(
                "Admin user 'admin' created with the password in DJANGO_ADMIN_PASSWORD."
            )
