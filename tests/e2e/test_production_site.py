"""The production-served site itself: TLS, the proxy header, security headers, static files."""

import json
import re
import time
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.production import request

pytestmark = pytest.mark.usefixtures("production_site")


def test_pages_carry_the_production_security_headers(production_site):
    status, headers, _body = request(production_site, "/")

    assert status == 200
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"


def test_a_request_the_proxy_marks_as_plain_http_is_redirected_to_https(production_site):
    status, headers, _body = request(production_site, "/stories/", {"X-Forwarded-Proto": "http"})

    assert status == 301
    assert headers["Location"] == production_site.url + "/stories/"


def test_debug_is_off_and_a_missing_page_is_the_sites_404(site_page):
    response = site_page.goto("/no-such-page/")

    assert response.status == 404
    expect(site_page.locator("body")).not_to_contain_text("Using the URLconf")


def test_static_files_are_served_by_whitenoise_with_hashed_names(site_page):
    responses = []
    site_page.on("response", lambda response: responses.append(response))
    site_page.goto("/")
    site_page.wait_for_load_state("networkidle")

    css = [r for r in responses if r.url.endswith(".css")]
    assert css, "the page loads no stylesheet"
    for response in css:
        assert response.status == 200
        assert re.search(r"\.[0-9a-f]{12}\.css$", response.url), response.url
        assert "max-age=315360000" in response.headers["cache-control"]


def test_the_balancers_health_check_is_answered_over_plain_http(production_site):
    """The balancer asks the app server itself, in plain HTTP: no redirect to
    https, the figures of the real database, Redis and task queue, no cookie."""
    status, headers, body = request(production_site, "/health/", {"X-Forwarded-Proto": "http"})

    assert status == 200, body
    health = json.loads(body)
    assert health["status"] == "ok"
    assert health["checks"]["cache"] == {"ok": True}
    assert health["checks"]["tasks"]["ok"] is True
    assert "Set-Cookie" not in headers


def test_log_lines_are_json_with_the_request_id_sent_back(production_site):
    request_id = str(uuid.uuid4())

    status, headers, _body = request(
        production_site, "/no-such-page/", {"X-Request-ID": request_id}
    )

    assert status == 404
    assert headers["X-Request-ID"] == request_id
    log = production_site.root / "logs" / "web.log"
    deadline = time.monotonic() + 10
    while True:  # gunicorn writes its access line once the response is sent
        lines = [line for line in log.read_text().splitlines() if request_id in line]
        access = [line for line in lines if f"request_id={request_id}" in line]
        if access or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert len(access) == 1, f"no access line for {request_id} in {log}"
    assert '"GET /no-such-page/ HTTP/1.1" 404' in access[0]
    entries = [json.loads(line) for line in lines if line.startswith("{")]
    assert [(e["level"], e["path"], e["request_id"]) for e in entries] == [
        ("WARNING", "/no-such-page/", request_id)
    ]
