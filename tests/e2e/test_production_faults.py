"""Faults injected into the site served as production serves it: whatever fails
after a submitter sees "received", their story is stored, in the moderators'
queue, and what waited is done once the fault is gone."""

import json
import secrets

import pytest
from playwright.sync_api import expect

from tests.e2e.production import request, wait_until_serving
from tests.e2e.test_production_stories import (
    open_review,
    share_story,
    sign_in_as_moderator,
    status_path,
    unique,
)

pytestmark = pytest.mark.usefixtures("production_site")


def health(site):
    status, _headers, body = request(site, "/health/")
    return status, json.loads(body)


def test_with_the_task_worker_killed_a_story_is_received_queued_and_mailed_once_it_is_back(
    production_site, site_page
):
    page = site_page
    production_site.kill("worker")
    try:
        title = unique("The porter who knew every corridor")
        email = f"worker.down.{secrets.token_hex(3)}@example.org"
        reference = share_story(page, title=title, email=email)
        assert reference

        # Nothing the worker does has happened, and monitoring can see it.
        assert production_site.mails(email) == []
        status, figures = health(production_site)
        assert figures["checks"]["tasks"]["waiting"] >= 1
        assert status in (200, 503)

        # The story is in the moderators' queue all the same.
        sign_in_as_moderator(page)
        open_review(page, title)
    finally:
        production_site.restart("worker")

    # Back up, the worker sends what waited: the author's private link.
    path = status_path(production_site, email)
    page.goto(path)
    expect(page.locator("main")).to_contain_text(reference)


def test_with_the_cache_server_down_the_site_serves_and_a_story_is_received_and_queued(
    production_site, site_page
):
    page = site_page
    command, env = production_site.commands["web"]
    production_site.kill("web", gracefully=True)
    production_site.commands["web"] = (command, {**env, "CACHE_URL": "redis://127.0.0.1:9/0"})
    production_site.restart("web")
    try:
        wait_until_serving(production_site)
        page.goto("/")
        expect(page.get_by_role("link", name="Share your story").first).to_be_visible()
        status, figures = health(production_site)
        assert status == 503 and figures["failing"] == ["cache"]

        title = unique("The ward clerk who found my notes")
        email = f"cache.down.{secrets.token_hex(3)}@example.org"
        share_story(page, title=title, email=email)
        rows = production_site.query(
            "SELECT s.state, w.status FROM stories_submission s"
            " JOIN wagtailcore_page p ON p.id = s.story_id"
            " JOIN wagtailcore_workflowstate w ON w.object_id = p.id::text"
            " WHERE p.title = %s",
            (title,),
        )
        assert rows == [("received", "in_progress")]
        sign_in_as_moderator(page)
        open_review(page, title)
    finally:
        production_site.kill("web", gracefully=True)
        production_site.commands["web"] = (command, env)
        production_site.restart("web")
        wait_until_serving(production_site)
    assert health(production_site)[0] == 200
