"""Browser tests: Playwright for Python driving Debian's Chromium.

They skip on a machine without Chromium (saying how to install it), unless
E2E_REQUIRED is set, as CI does: then a missing browser is a failure.
"""

import io
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def demo_site(committed_site):
    """The demo site, built again for each browser test."""
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def chromium():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        message = (
            f"Chromium not found at {CHROMIUM}: install it with "
            "`sudo apt-get install chromium` (or set CHROMIUM_PATH) to run the browser tests."
        )
        if os.environ.get("E2E_REQUIRED"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash.setdefault(_failed_key, report.failed)
        if report.failed:
            item.stash[_failed_key] = True
    return report


_failed_key = pytest.StashKey[bool]()


def _make_page(request, chromium, **context_options):
    context = chromium.new_context(**context_options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    if request.node.stash.get(_failed_key, False):
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{request.node.name}.png"
        page.screenshot(path=str(path), full_page=True)
        print(f"\nScreenshot of the failing page: {path}")  # noqa: T201
    context.close()


@pytest.fixture
def page(request, chromium):
    """A desktop-sized browser page; a screenshot is saved if the test fails."""
    yield from _make_page(request, chromium, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone_page(request, chromium):
    """A phone-sized browser page (390×844, touch)."""
    yield from _make_page(
        request, chromium, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )


# The site served as production serves it (tests/e2e/production.py)


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    """gunicorn, whitenoise and the task worker on a PostgreSQL database of their own.

    On SQLite the tests that need it skip, unless E2E_REQUIRED is set (as in CI):
    then the suite must run on PostgreSQL (DATABASE_URL=postgres://...).
    """
    from tests.e2e import production

    database = production.server_database(os.environ.get("DATABASE_URL", "sqlite://"))
    if database is None:
        message = (
            "The production-served browser tests need PostgreSQL: run the suite with "
            "DATABASE_URL=postgres://postgres@127.0.0.1:5432/sharing (CI does)."
        )
        if os.environ.get("E2E_REQUIRED"):
            pytest.fail(message)
        pytest.skip(message)
    config, name = database
    root = tmp_path_factory.mktemp("production_site")
    production.recreate_database(config, name)
    site = None
    try:
        site = production.start(root, config, name)
        yield site
    finally:
        if site is not None:
            site.stop()
        production.drop_database(config, name)


@pytest.fixture
def site_page(request, chromium, production_site):
    """A desktop browser page on the production-served site (relative URLs work)."""
    yield from _make_page(
        request,
        chromium,
        base_url=production_site.url,
        ignore_https_errors=True,
        viewport={"width": 1280, "height": 900},
    )


@pytest.fixture
def site_phone_page(request, chromium, production_site):
    """A phone-sized browser page on the production-served site."""
    yield from _make_page(
        request,
        chromium,
        base_url=production_site.url,
        ignore_https_errors=True,
        viewport={"width": 390, "height": 844},
        has_touch=True,
        is_mobile=True,
    )
