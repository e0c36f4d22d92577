"""A CDN or caching proxy in front is told to drop the addresses each change
reaches, on the same changes as the site's own page cache (issue 17), through
Wagtail's frontend cache: its HTTP backend's PURGE requests, received here by a
real HTTP server standing for Varnish or nginx."""

import importlib
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from tests.factories import CommentFactory, SubmissionFactory, TopicFactory

pytestmark = pytest.mark.django_db

PHONE = "Call me on 555-201-7788 any evening."


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 - the method's name is http.server's
        self.server.purged.append(f"http://{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, format, *args):
        pass


@pytest.fixture
def proxy():
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def cdn(settings, proxy):
    """The addresses the caching proxy was told to purge, as the production
    settings configure it from FRONTEND_CACHE_URL."""
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{proxy.server_port}",
        }
    }
    return proxy.purged


@pytest.fixture
def story(make_story):
    topic = TopicFactory(name="Night shifts", slug="night-shifts")
    return make_story(
        title="The night nurse", body="She sat with me until morning.", topics=[topic]
    )


def listings(story):
    index = story.get_parent().get_full_url()
    root = index.split("/stories/")[0] if "/stories/" in index else index.rstrip("/")
    return {
        f"{root}/",
        index,
        f"{index}?topic=night-shifts",
        f"{root}/feed/",
        f"{root}/sitemap.xml",
    }


def test_a_story_published_is_purged_with_the_pages_it_shows_on(
    cdn, make_story, django_capture_on_commit_callbacks
):
    topic = TopicFactory(name="Night shifts", slug="night-shifts")
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(title="The morning porter", topics=[topic])

    assert {story.get_full_url(), *listings(story)} <= set(cdn)


def test_a_story_unpublished_is_purged(cdn, story, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()

    assert {story.get_full_url(), *listings(story)} <= set(cdn)


def test_a_withdrawn_story_is_purged_with_the_pages_it_showed_on(
    cdn, story, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory(story=story)
    story_url, shown_on = (
        story.get_full_url(),
        listings(story)
        - {
            f"{story.get_parent().get_full_url()}?topic=night-shifts"  # its topics go with it
        },
    )

    with django_capture_on_commit_callbacks(execute=True):
        Client().post(f"/share/status/{submission.status_token}/withdraw/")

    assert {story_url, *shown_on} <= set(cdn)


def test_a_comment_approved_is_purged_with_its_story(
    cdn, client, story, moderator, django_capture_on_commit_callbacks
):
    held = CommentFactory(target=story, comment=PHONE)
    held.refresh_from_db()
    assert not held.is_public
    cdn.clear()

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/comments/decide/",
            {
                "comment": [held.pk],
                "action": "approve",
                "reason": "Checked with the clinic",
                "override_reason": "A clinic switchboard",
            },
        )

    assert {story.get_full_url(), *listings(story)} <= set(cdn)


def test_a_site_setting_changed_purges_every_live_page(
    cdn, story, home_page, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    with django_capture_on_commit_callbacks(execute=True):
        site.site_name = "Riverside stories"
        site.save()

    assert {story.get_full_url(), home_page.get_full_url(), *listings(story)} <= set(cdn)


def test_without_a_frontend_cache_nothing_is_purged(
    settings, proxy, make_story, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        make_story(title="The morning porter")

    assert proxy.purged == []
    assert callbacks  # the site's own page cache is still purged once committed


def test_a_proxy_that_is_down_does_not_stop_a_publication(
    settings, make_story, django_capture_on_commit_callbacks, caplog
):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    port = server.server_port
    server.server_close()  # nothing listens there now
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }

    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(title="The morning porter")

    assert story.live
    assert "Couldn't purge" in caplog.text


@pytest.fixture
def production_settings(monkeypatch):
    """Read sharing.settings.production afresh with the environment set by the test."""
    monkeypatch.setenv("SECRET_KEY", "a-key-for-reading-the-settings")

    def read():
        monkeypatch.delitem(sys.modules, "sharing.settings.production", raising=False)
        module = importlib.import_module("sharing.settings.production")
        monkeypatch.delitem(sys.modules, "sharing.settings.production")
        return module

    return read


def test_production_tells_no_frontend_cache_unless_one_is_configured(
    production_settings, monkeypatch
):
    for name in ("FRONTEND_CACHE_URL", "CLOUDFLARE_ZONE_ID", "CLOUDFRONT_DISTRIBUTION_ID"):
        monkeypatch.delenv(name, raising=False)
    assert production_settings().WAGTAILFRONTENDCACHE == {}

    monkeypatch.setenv("FRONTEND_CACHE_URL", "http://127.0.0.1:6081")
    monkeypatch.setenv("CLOUDFLARE_ZONE_ID", "zone")
    monkeypatch.setenv("CLOUDFLARE_BEARER_TOKEN", "token")
    configured = production_settings().WAGTAILFRONTENDCACHE
    assert configured["proxy"]["LOCATION"] == "http://127.0.0.1:6081"
    assert configured["cloudflare"]["ZONEID"] == "zone"
    assert configured["cloudflare"]["BEARER_TOKEN"] == "token"


def test_production_refuses_a_cloudflare_zone_without_its_token(production_settings, monkeypatch):
    monkeypatch.setenv("CLOUDFLARE_ZONE_ID", "zone")
    monkeypatch.delenv("CLOUDFLARE_BEARER_TOKEN", raising=False)
    with pytest.raises(ImproperlyConfigured, match="CLOUDFLARE_BEARER_TOKEN"):
        production_settings()
