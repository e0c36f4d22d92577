"""Log lines in production: JSON, with the time, the request id and the traceback;
errors mailed to ADMINS without anyone's details."""

import importlib
import io
import json
import logging.config
import sys
import uuid
from datetime import datetime, timedelta

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from django.urls import include, path
from django.utils import timezone


def broken(request):
    raise RuntimeError("the screening report is missing")


urlpatterns = [path("broken/", broken), path("", include("sharing.urls"))]


@pytest.fixture
def production_logging(monkeypatch, settings):
    """The production settings' LOGGING in force; its console's lines, as they come."""
    monkeypatch.setenv("SECRET_KEY", "a-key-for-reading-the-settings")
    monkeypatch.delenv("LOG_FORMAT", raising=False)
    monkeypatch.delitem(sys.modules, "sharing.settings.production", raising=False)
    production = importlib.import_module("sharing.settings.production")
    monkeypatch.delitem(sys.modules, "sharing.settings.production")
    settings.ROOT_URLCONF = __name__
    settings.ADMINS = [("Ops", "ops@example.org")]
    logging.config.dictConfig(production.LOGGING)
    yield console_output()
    logging.config.dictConfig(django_settings.LOGGING)


def console_output():
    """Point the console handler at a buffer (it holds the stderr of its day)."""
    [console] = [h for h in logging.getLogger().handlers if h.name == "console"]
    buffer = io.StringIO()
    console.setStream(buffer)
    return buffer


def json_lines(buffer):
    return [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]


@pytest.mark.django_db
def test_error_is_one_json_line_with_the_request_id_sent_back(production_logging):
    request_id = str(uuid.uuid4())
    client = Client(raise_request_exception=False)

    response = client.post(
        "/broken/?ref=SHR-1234",
        {"phone": "+1 617 555 0134"},
        headers={"X-Request-ID": request_id},
    )

    assert response.status_code == 500
    assert "The problem has been logged" in response.content.decode()
    assert response["X-Request-ID"] == request_id
    [line] = json_lines(production_logging)
    assert line["level"] == "ERROR"
    assert line["name"] == "django.request"
    assert datetime.fromisoformat(line["time"]) > timezone.now() - timedelta(minutes=1)
    assert line["request_id"] == request_id
    assert line["method"] == "POST"
    assert line["path"] == "/broken/"  # without the query string
    assert line["status_code"] == 500
    assert 'raise RuntimeError("the screening report is missing")' in line["traceback"]
    assert "RuntimeError: the screening report is missing" in line["traceback"]


@pytest.mark.django_db
def test_error_is_mailed_to_admins_without_the_posted_details(production_logging):
    client = Client(raise_request_exception=False)

    client.post("/broken/", {"phone": "+1 617 555 0134", "email": "dana@example.org"})

    [message] = mail.outbox
    assert message.to == ["ops@example.org"]
    assert "/broken/" in message.subject
    assert "RuntimeError at /broken/\nthe screening report is missing" in message.body
    assert "617 555 0134" not in message.body
    assert "dana@example.org" not in message.body


@pytest.mark.django_db
def test_error_mail_masks_the_passwords_of_urls_in_settings_and_environment(
    production_logging, settings
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "redis://:cache-pass-4321@10.0.0.5:6379/1",
        }
    }
    settings.WAGTAILADMIN_BASE_URL = "https://stories.example.org"
    client = Client(raise_request_exception=False)

    client.get("/broken/", DATABASE_URL="postgres://sharing:db-pass-8765@10.0.0.6/sharing")

    [message] = mail.outbox
    assert "RuntimeError at /broken/" in message.body
    assert "redis://:********************@10.0.0.5:6379/1" in message.body
    assert "postgres://sharing:********************@10.0.0.6/sharing" in message.body
    assert "cache-pass-4321" not in message.body
    assert "db-pass-8765" not in message.body
    assert "'https://stories.example.org'" in message.body  # a URL without a password, kept


@pytest.mark.django_db
def test_request_without_an_id_gets_one_on_the_response_and_the_log(production_logging):
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    [line] = json_lines(production_logging)
    assert len(response["X-Request-ID"]) == 32
    assert line["request_id"] == response["X-Request-ID"]


@pytest.mark.django_db
def test_a_forged_request_id_is_replaced(production_logging):
    """What the id says is written into every line: only a UUID is taken."""
    client = Client(raise_request_exception=False)

    response = client.get("/broken/", headers={"X-Request-ID": 'x" level=INFO'})

    assert "level=INFO" not in response["X-Request-ID"]
    lines = json_lines(production_logging)
    assert lines[-1]["request_id"] == response["X-Request-ID"]


def test_text_logs_in_development_carry_the_time_and_request_id():
    from django_guid import set_guid

    from sharing.logging import logging_config

    try:
        logging.config.dictConfig(logging_config("INFO", "text"))
        buffer = console_output()
        set_guid("0123456789abcdef0123456789abcdef")
        logging.getLogger("stories.services").info("Story submitted")
        err = buffer.getvalue()
    finally:
        set_guid(None)
        logging.config.dictConfig(django_settings.LOGGING)

    assert "INFO [0123456789abcdef0123456789abcdef] stories.services: Story submitted" in err
    assert err[:4].isdigit()  # it starts with the date


def test_unknown_log_format_is_refused_clearly():
    from sharing.logging import logging_config

    with pytest.raises(ValueError, match="LOG_FORMAT must be 'text' or 'json'"):
        logging_config("INFO", "yaml")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/share/status/{token}/",
        "/share/status/{token}/withdraw/",
        "/share/received/{token}/",
        "/comments/confirm/{token}/",
        "/comments/mute/{token}/",
        "/comments/unsubscribe/{token}/",
        "/directory/status/{token}/",
        "/directory/status/{token}/update/",
        "/directory/received/{token}/",
    ],
)
def test_private_links_tokens_never_reach_the_logs(production_logging, path):
    token = "Zq8" + uuid.uuid4().hex  # an unknown token: the view logs its path

    Client(raise_request_exception=False).get(path.format(token=token))

    output = production_logging.getvalue()
    assert output, "the request logged nothing, so this test proves nothing"
    assert token not in output
    assert path.format(token="[token]") in output


def test_gunicorns_access_line_masks_private_links_tokens():
    from types import SimpleNamespace

    from gunicorn.config import Config

    from sharing.gunicorn_logging import Logger

    token = uuid.uuid4().hex
    request = SimpleNamespace(
        headers=[], method="GET", path=f"/share/status/{token}/", query="", version=(1, 1)
    )
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/share/status/{token}/",
        "PATH_INFO": f"/share/status/{token}/",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
    }
    response = SimpleNamespace(status="404 Not Found", headers=[], sent=0, response_length=0)

    atoms = Logger(Config()).atoms(response, request, environ, timedelta(milliseconds=3))

    assert token not in " ".join(str(value) for value in atoms.values())
    assert atoms["r"] == "GET /share/status/[token]/ HTTP/1.1"
