"""The health endpoint for the load balancer and monitoring: ``GET /health/``.

Three cheap checks, answered as JSON: the database (``SELECT 1``), the cache (a
set/get round trip of a random value) and the backlog of django-tasks' database
backend (how many tasks are waiting to run, for how long the oldest has been
waiting, and how many are scheduled for later: mail waiting to be tried again).
200 when all is well; 503 when the database or the cache is down, or the oldest
waiting task has waited longer than ``HEALTH_MAX_TASK_AGE`` seconds (the worker
is down or cannot keep up).

The answer holds figures and the names of failing services only: no row, no
address, no error text (that goes to the log). The view reads no session and
sets no cookie. Unlike django-health-check's view, it answers 503 (not 500) and
carries the backlog figures; see the commit that added it.
"""

import logging
import secrets

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.db.models import Count, Min, Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

logger = logging.getLogger(__name__)

CACHE_KEY_PREFIX = "health-check:"


class CheckFailed(Exception):
    """A service did not answer as it should."""


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise CheckFailed("unexpected answer")
    return {}


def check_cache():
    cache = caches["default"]
    key, value = CACHE_KEY_PREFIX + secrets.token_hex(8), secrets.token_hex(8)
    cache.set(key, value, timeout=30)
    try:
        if cache.get(key) != value:
            raise CheckFailed("the value read back differs")
    finally:
        cache.delete(key)
    return {}


def check_tasks():
    """How many tasks wait to run now, and how long (seconds) the oldest has waited.

    A task waits from when it was enqueued, or from its ``run_after`` time if it
    was scheduled for later; and how many are scheduled for later (the mail waiting
    to be tried again). Two queries, on the backend's index of ready tasks.
    """
    now = timezone.now()
    never = get_date_max()  # django-tasks-db's run_after for "as soon as possible"
    figures = DBTaskResult.objects.ready().aggregate(
        waiting=Count("pk"),
        oldest_enqueued=Min("enqueued_at", filter=Q(run_after=never)),
        oldest_due=Min("run_after", filter=~Q(run_after=never)),
    )
    since = [t for t in (figures["oldest_enqueued"], figures["oldest_due"]) if t is not None]
    age = round((now - min(since)).total_seconds(), 1) if since else None
    max_age = settings.HEALTH_MAX_TASK_AGE
    # Tasks due later: the mail waiting to be tried again (``sharing.mail.mail_task``).
    scheduled = (
        DBTaskResult.objects.filter(status=TaskResultStatus.READY, run_after__gt=now)
        .exclude(run_after=never)
        .count()
    )
    result = {
        "waiting": figures["waiting"],
        "scheduled": scheduled,
        "oldest_waiting_seconds": age,
        "max_age_seconds": max_age,
    }
    if age is not None and age > max_age:
        raise CheckFailed(f"the oldest waiting task has waited {age:g}s", result)
    return result


CHECKS = {"database": check_database, "cache": check_cache, "tasks": check_tasks}


def run_checks():
    """``(healthy, {name: {"ok": bool, ...figures, "error": ...}})``."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = {"ok": True, **check()}
        except CheckFailed as failure:
            figures = failure.args[1] if len(failure.args) > 1 else {}
            results[name] = {"ok": False, "error": failure.args[0], **figures}
            logger.warning("Health check %s failed: %s", name, failure.args[0])
        except Exception as error:  # a service down raises its own client's errors
            # The class name only: messages hold host names, ports and credentials.
            results[name] = {"ok": False, "error": f"{type(error).__name__}"}
            logger.warning("Health check %s failed", name, exc_info=True)
            if isinstance(error, DatabaseError):
                connection.close_if_unusable_or_obsolete()
    return all(result["ok"] for result in results.values()), results


@never_cache
@require_safe
def health(request):
    healthy, checks = run_checks()
    failing = [name for name, result in checks.items() if not result["ok"]]
    body = {"status": "ok" if healthy else "failing", "failing": failing, "checks": checks}
    return JsonResponse(body, status=200 if healthy else 503)
