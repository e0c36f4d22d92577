"""Fixtures shared by every test: the site, its moderators, the public forms, Akismet,
a mail server that is down and the database task worker."""

import socket

import pytest
from django.core.cache import cache
from django.db import transaction

from home.services import set_up_site
from stories.models import Submission
from tests import akismet_clients
from tests.factories import CLEAN_STORY, ModeratorFactory, StoryPageFactory, story_form_data


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's language, whatever language the last one left active
    (with pytest-xdist, tests follow each other in another order than alone)."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits, and the briefly cached submitter IPs, start empty in every test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def story_index(db):
    """The site as a fresh install has it: home page, story index, Moderators group."""
    return set_up_site()


@pytest.fixture
def committed_site(transactional_db):
    """The site set up in committed rows, for tests that span connections or threads.

    Such tests flush the database after themselves, taking the rows that
    migrations make with it; those are put back first.
    """
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return set_up_site()


@pytest.fixture
def home_page(story_index):
    return story_index.get_parent().specific


@pytest.fixture
def make_story(story_index):
    def make(**kwargs):
        kwargs.setdefault("parent", story_index)
        return StoryPageFactory(**kwargs)

    return make


@pytest.fixture
def moderator(story_index):
    """A member of the Moderators group, as a fresh install has it."""
    return ModeratorFactory(username="moira", email="moira@hospital.example", first_name="Moira")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def submit(client, story_index, django_capture_on_commit_callbacks, settings):
    """Send a story through the public form, as a submitter would; returns the Submission."""
    settings.SUBMISSION_RATE = "100/h"

    def send(body=CLEAN_STORY, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/share/", story_form_data(body=body, **overrides))
        assert response.status_code == 302, response.content.decode()[:2000]
        return Submission.objects.select_related("story").latest("pk")

    return send


# Akismet, through the akismet package's own test clients (tests/akismet_clients.py)


@pytest.fixture
def akismet_requests():
    akismet_clients.requests.clear()
    return akismet_clients.requests


@pytest.fixture
def akismet_ham(settings, akismet_requests):
    settings.AKISMET_API_KEY = "test-key"
    settings.AKISMET_CLIENT_CLASS = "tests.akismet_clients.HamClient"
    return akismet_requests


@pytest.fixture
def akismet_spam(settings, akismet_requests):
    settings.AKISMET_API_KEY = "test-key"
    settings.AKISMET_CLIENT_CLASS = "tests.akismet_clients.SpamClient"
    return akismet_requests


@pytest.fixture
def akismet_unreachable(settings):
    settings.AKISMET_API_KEY = "test-key"
    settings.AKISMET_CLIENT_CLASS = "tests.akismet_clients.UnreachableClient"


@pytest.fixture(params=["UnreachableClient", "ErroringClient"])
def akismet_failing(request, settings):
    """Akismet set up but giving no verdict: unreachable, or answering 500."""
    settings.AKISMET_API_KEY = "test-key"
    settings.AKISMET_CLIENT_CLASS = f"tests.akismet_clients.{request.param}"


# Mail and background tasks


@pytest.fixture
def smtp_down(settings):
    """The mail server refusing connections: SMTP on a local port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    return port


@pytest.fixture
def database_worker(settings):
    """django-tasks' database backend, as in production: tasks wait in a table until
    ``run_worker()`` runs those that are due, one by one, as ``manage.py db_worker
    --batch`` does (its own ``Worker.run_task``), without the command's loop, which
    closes the database connection the test runs in."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )

    def run_worker():
        while True:
            with transaction.atomic():
                task_result = DBTaskResult.objects.ready().order_by("enqueued_at").get_locked()
                if task_result is None:
                    return
                task_result.claim(worker.worker_id)
            worker.run_task(task_result)

    return run_worker
