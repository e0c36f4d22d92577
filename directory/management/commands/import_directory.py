from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.opendata import import_csv


class Command(BaseCommand):
    help = (
        "Load organisations and accounts from a CSV in the directory's open-data schema "
        "(directory/opendata.py): bad rows are listed by line and left out; what is "
        "already in the directory is not loaded again."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A CSV file, UTF-8, with a header row.")

    def handle(self, *args, file, **options):
        try:
            with file.open(encoding="utf-8-sig", newline="") as lines:
                report = import_csv(lines)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        except UnicodeDecodeError:
            raise CommandError(f"{file} is not UTF-8 text.") from None
        except Exception as error:  # a CSV the csv module cannot read at all
            raise CommandError(f"{file} cannot be read as CSV: {error}") from None
        for line, message in report.errors:
            self.stderr.write(f"Line {line}: {message}")
        self.stdout.write(
            f"Loaded {report.organisations} organisations and {report.accounts} accounts; "
            f"{report.already_there} accounts were already in the directory; "
            f"{len(report.errors)} bad rows left out."
        )
