"""The health endpoint the load balancer and monitoring ask: GET /health/."""

import importlib
import socket
import sys
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db


@task()
def tidy_up(row_id):
    """A background task for the queue to hold; never run here."""


@pytest.fixture
def database_tasks(settings):
    """The production queue: django-tasks' database backend."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_healthy_site_answers_200_with_its_figures(client, database_tasks):
    tidy_up.enqueue(1)
    tidy_up.enqueue(2)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=2))

    response = client.get("/health/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["failing"] == []
    assert body["checks"]["database"] == {"ok": True}
    assert body["checks"]["cache"] == {"ok": True}
    tasks = body["checks"]["tasks"]
    assert tasks["ok"] is True
    assert tasks["waiting"] == 2
    assert 119 <= tasks["oldest_waiting_seconds"] < 180
    assert tasks["max_age_seconds"] == 15 * 60


def test_health_sets_no_cookie_and_is_never_cached(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"]
    assert response.json()["checks"]["tasks"]["waiting"] == 0


def test_cache_down_answers_503_naming_the_cache(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }

    response = client.get("/health/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing"
    assert body["failing"] == ["cache"]
    assert body["checks"]["cache"] == {"ok": False, "error": "ConnectionError"}
    assert body["checks"]["database"] == {"ok": True}
    # No host, port or message of the client library in the public answer.
    assert "127.0.0.1" not in response.content.decode()


def test_task_waiting_too_long_answers_503(client, database_tasks, settings):
    settings.HEALTH_MAX_TASK_AGE = 15 * 60
    tidy_up.enqueue(1)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=16))

    response = client.get("/health/")

    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["tasks"]
    tasks = body["checks"]["tasks"]
    assert tasks["ok"] is False
    assert tasks["waiting"] == 1
    assert tasks["oldest_waiting_seconds"] >= 16 * 60


def test_task_scheduled_for_later_waits_from_its_run_after_time(client, database_tasks):
    """Enqueued long ago to run five minutes ago: it has waited five minutes."""
    tidy_up.using(run_after=timezone.now() - timedelta(minutes=5)).enqueue(1)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(days=2))
    tidy_up.using(run_after=timezone.now() + timedelta(hours=1)).enqueue(2)  # not due

    response = client.get("/health/")

    assert response.status_code == 200
    tasks = response.json()["checks"]["tasks"]
    assert tasks["waiting"] == 1
    assert 299 <= tasks["oldest_waiting_seconds"] < 360
    assert tasks["scheduled"] == 1  # the one due in an hour, such as a mail's retry


def test_finished_tasks_are_not_a_backlog(client, database_tasks):
    tidy_up.enqueue(1)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(days=1), status="SUCCESSFUL")

    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json()["checks"]["tasks"]["waiting"] == 0


@pytest.fixture
def production_settings(monkeypatch):
    """The module sharing.settings.production, read with a secret key set."""
    monkeypatch.setenv("SECRET_KEY", "a-key-for-reading-the-settings")
    monkeypatch.delitem(sys.modules, "sharing.settings.production", raising=False)
    module = importlib.import_module("sharing.settings.production")
    monkeypatch.delitem(sys.modules, "sharing.settings.production")
    return module


def test_health_answers_the_balancer_over_plain_http_in_production(
    client, settings, production_settings
):
    """Behind the TLS proxy every page redirects to https; the balancer's check,
    plain HTTP to the site's host name, is answered."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = production_settings.SECURE_REDIRECT_EXEMPT
    settings.ALLOWED_HOSTS = ["stories.example.org"]

    assert client.get("/robots.txt", HTTP_HOST="stories.example.org").status_code == 301
    response = client.get("/health/", HTTP_HOST="stories.example.org")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_health_refuses_posts(client):
    assert client.post("/health/").status_code == 405
