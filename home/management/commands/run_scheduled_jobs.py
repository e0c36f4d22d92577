"""Run every scheduled job once, or every N seconds (the Procfile's clock process).

    python manage.py run_scheduled_jobs [--every SECONDS]

The jobs, each a management command of its own that can also be run alone:

- ``publish_scheduled``: Wagtail publishes approved pages whose go-live time has
  come and unpublishes those whose expiry has passed;
- ``erase_expired_submissions``: declined stories past ``DECLINED_RETENTION_DAYS``
  are erased;
- ``forget_unconfirmed_comments``: comments never confirmed by their authors
  within ``UNCONFIRMED_COMMENT_RETENTION_DAYS`` are forgotten;
- ``expire_pending_spam_checks``: story spam checks still "Checking" after
  ``SPAM_CHECK_MAX_WAIT`` (an hour), whose task never ended, are recorded as
  not checked;
- ``send_comment_digests``: authors who asked to hear of comments on their
  published story get one mail, at most once a day, when there are new ones;
- ``purge_revisions --days 30``: Wagtail deletes page revisions older than 30
  days that are neither the latest, live, scheduled nor in a workflow (the text
  before a moderator's redaction among them);
- ``prune_db_task_results --min-age-days 14``: django-tasks' finished task
  results go (skipped when the tasks backend is not the database one).

A job that fails is logged with its traceback and does not stop the others;
the command then exits with status 1, so that cron or systemd reports it.
"""

import io
import logging
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend

logger = logging.getLogger("home.scheduled_jobs")

JOBS = [
    ("publish_scheduled", []),
    ("erase_expired_submissions", []),
    ("forget_unconfirmed_comments", []),
    ("expire_pending_spam_checks", []),
    ("send_comment_digests", []),
    ("purge_revisions", ["--days", "30"]),
    ("prune_db_task_results", ["--min-age-days", "14"]),
]


def skip_reason(name):
    if name == "prune_db_task_results" and not isinstance(
        task_backends["default"], DatabaseBackend
    ):
        return "the tasks backend is not django-tasks' database backend"
    return None


def run_jobs(stdout):
    """Run each job once; the names of those that failed."""
    failed = []
    for name, args in JOBS:
        if reason := skip_reason(name):
            logger.info("Scheduled job %s skipped: %s", name, reason)
            continue
        output = io.StringIO()
        started = time.monotonic()
        try:
            call_command(name, *args, stdout=output, stderr=output)
        except Exception:
            failed.append(name)
            logger.exception("Scheduled job %s failed", name)
        else:
            logger.info(
                "Scheduled job %s done in %.1fs: %s",
                name,
                time.monotonic() - started,
                " ".join(output.getvalue().split()) or "nothing to do",
            )
        stdout.write(f"{name}: {'FAILED' if name in failed else 'ok'}")
    return failed


class Command(BaseCommand):
    help = "Run every scheduled job once (publish, erase, purge, prune), or repeatedly."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=int,
            metavar="SECONDS",
            help="Keep running, starting the jobs every SECONDS seconds (the clock process).",
        )

    def handle(self, *args, every=None, **options):
        if every is not None and every < 1:
            raise CommandError("--every must be at least 1 second.")
        while True:
            # Repeating, the log says it all (as JSON in production).
            failed = run_jobs(self.stdout if every is None else io.StringIO())
            if every is None:
                break
            close_old_connections()
            time.sleep(every)
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)} (see the log).")
