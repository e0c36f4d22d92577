"""Faults injected into the site served as production serves it: whatever fails
after a submitter sees "received", their story is stored, in the moderators'
queue, and what waited is done once the fault is gone."""

import json
import secrets
import socket
import threading
import time
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from tests.e2e.production import request, wait_until_serving
from tests.e2e.test_production_comments import open_a_story, reader, write
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


def restart_with(site, names, changes):
    """Stop the processes ``names`` and start them again with ``changes`` to their
    environment (None: as they were first started)."""
    for name in names:
        site.kill(name, gracefully=True)
        command, env = site.commands[name]
        original = site.first_env[name]
        site.commands[name] = (command, original if changes is None else {**original, **changes})
        site.restart(name)
    if "web" in names:
        wait_until_serving(site)


@contextmanager
def environment(site, names, **changes):
    """The processes ``names`` run with ``changes`` to their environment inside the block."""
    restart_with(site, names, changes)
    try:
        yield
    finally:
        restart_with(site, names, None)


def wait_for(condition, timeout=30, message="condition"):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"Not true after {timeout}s: {message}")
        time.sleep(0.3)


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
    page.set_default_timeout(60_000)  # a restarted web worker's first story post: 16 s seen
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


# A mail server that refuses connections (nothing listens on port 9), and retries
# every 3 seconds for as long as the fault lasts: once it is gone, what waited goes
# at the next one.
SMTP_DOWN = {"EMAIL_URL": "smtp://127.0.0.1:9", "MAIL_RETRY_DELAYS": ",".join(["3"] * 60)}


def test_with_the_mail_server_down_a_story_and_a_comment_are_kept_and_mailed_once_it_is_back(
    production_site, site_page
):
    site, page = production_site, site_page
    page.set_default_timeout(60_000)  # a busy machine: story posts have taken 24 s
    title = unique("The night porter's radio")
    author_email = f"smtp.down.{secrets.token_hex(3)}@example.org"
    name, reader_email = reader("Noor")
    comment = f"The same radio played on my ward ({secrets.token_hex(3)})."
    (started,) = site.query("SELECT now()")[0]

    with environment(site, ["worker"], **SMTP_DOWN):  # only the worker sends mail
        reference = share_story(page, title=title, email=author_email)
        story_url = open_a_story(page, 3)
        write(page, name, reader_email, comment)
        page.get_by_role("button", name="Post comment").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Please confirm your comment")

        # Both are stored: the story in the moderators' workflow, the comment waiting
        # on its review, signed into the confirmation link the mail will carry.
        (submission_id, state, workflow) = site.query(
            "SELECT s.id, s.state, w.status FROM stories_submission s"
            " JOIN wagtailcore_workflowstate w ON w.object_id = s.story_id::text"
            " WHERE s.reference = %s",
            (reference,),
        )[0]
        assert (state, workflow) == ("received", "in_progress")
        (review_id,) = site.query(
            "SELECT id FROM comment_moderation_commentreview WHERE comment_id IS NULL"
            " AND pending_confirmation <> '' AND created_at >= %s",
            (started,),
        )[0]

        # Each mail is tried, refused, and queued again, attempt after attempt.
        received = ("stories.tasks.send_submission_received", submission_id)
        confirmation = ("comments.tasks.send_confirmation_request", review_id)
        for task in (received, confirmation):
            rows = wait_for(
                lambda task=task: len(site.task_rows(*task)) >= 3 and site.task_rows(*task),
                message=f"{task[0]} tried twice",
            )
            assert rows[0][:2] == (1, "SUCCESSFUL")
            assert rows[0][2]["sent"] is False
            assert "ConnectionRefusedError" in rows[0][2]["error"]
            assert all(not (r[1] == "SUCCESSFUL" and r[2] is True) for r in rows)
        assert site.mails(author_email) == [] and site.mails(reader_email) == []

        # The moderator has the story in the queue, and sees the mail waiting.
        sign_in_as_moderator(page)
        open_review(page, title)
        page.goto("/admin/failed-tasks/")
        waiting = page.get_by_role("table", name="Waiting to be tried again")
        for task_name in ("Send submission received", "Send confirmation request"):
            row = waiting.get_by_role("row").filter(has_text=task_name)
            expect(row).to_contain_text("ConnectionRefusedError: Connection refused")
        assert author_email not in page.content() and reader_email not in page.content()

        # Monitoring sees the backlog.
        _status, figures = health(site)
        tasks = figures["checks"]["tasks"]
        assert tasks["scheduled"] + tasks["waiting"] >= 2

    # The mail server is back (the worker restarted with the file mailbox): each
    # waiting mail goes once, and its link works.
    # (The worker's start takes seconds on a busy machine, then a retry is due at once.)
    received_mail = site.wait_for_mail(author_email, "your private page", timeout=120)
    page.goto(site.link_in(received_mail, "/share/status/"))
    expect(page.locator("main")).to_contain_text(reference)
    mail = site.wait_for_mail(reader_email, comment, timeout=60)
    page.goto(site.link_in(mail, "/comments/confirm/"))
    expect(page.locator(".comment", has_text=comment)).to_be_visible()
    page.goto(story_url)
    expect(page.locator(".comment", has_text=comment)).to_be_visible()
    site.wait_until_idle()
    assert len([m for m in site.mails(author_email) if "your private page" in m.body]) == 1
    assert len([m for m in site.mails(reader_email) if comment in m.body]) == 1
    for task in (received, confirmation):
        rows = site.task_rows(*task)
        assert [r[1:] for r in rows if r[2] is True] == [("SUCCESSFUL", True)]
        assert not [r for r in rows if r[1] in ("READY", "RUNNING", "FAILED")]


@pytest.fixture
def stalled_akismet():
    """The way to Akismet stalled: a proxy on a local port that takes connections and
    never answers. The site's Akismet client (httpx) goes through ``HTTPS_PROXY`` as
    any httpx client does; this machine has no internet to reach Akismet anyway.

    Yields the port and, for each connection taken, how many seconds the client
    waited before it gave up and closed it (None while it waits)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    waits, stop, connections = [], threading.Event(), []

    def hold(connection, index):
        opened = time.monotonic()
        try:
            while connection.recv(4096):
                pass  # the request, never answered
        except OSError:
            pass
        waits[index] = time.monotonic() - opened

    def take():
        while not stop.is_set():
            try:
                connection, _address = server.accept()
            except TimeoutError:
                continue
            connections.append(connection)
            waits.append(None)
            threading.Thread(target=hold, args=(connection, len(waits) - 1), daemon=True).start()

    thread = threading.Thread(target=take, daemon=True)
    thread.start()
    yield server.getsockname()[1], waits
    stop.set()
    thread.join()
    for connection in connections:
        connection.close()
    server.close()


def test_with_akismet_stalled_a_comment_is_held_and_a_story_queued_both_answered_at_once(
    production_site, site_page, stalled_akismet
):
    site, page = production_site, site_page
    port, akismet_waits = stalled_akismet
    page.set_default_timeout(60_000)  # a busy machine: story posts have taken 24 s
    name, email = reader("Ola")
    text = f"Thank you, this is how it was for my father too ({secrets.token_hex(3)})."
    title = unique("The chaplain on the night shift")
    stalled = {"AKISMET_API_KEY": "a-key-never-checked", "HTTPS_PROXY": f"http://127.0.0.1:{port}"}

    with environment(site, ["web", "worker"], **stalled):
        story_url = open_a_story(page, 4)
        write(page, name, email, text)
        started = time.monotonic()
        page.get_by_role("button", name="Post comment").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Please confirm your comment")
        answered_in = time.monotonic() - started
        # The post asked Akismet, waited no longer than AKISMET_TIMEOUT (2 s) for it,
        # and answered (on a machine this busy, posting itself takes seconds).
        waited = wait_for(lambda: all(akismet_waits) and akismet_waits, message="Akismet asked")
        assert max(waited) < 3.5, f"the request waited {max(waited):.1f}s for Akismet"
        assert answered_in < 30, f"the comment form answered in {answered_in:.1f}s"

        confirmation = site.wait_for_mail(email, text, timeout=60)
        page.goto(site.link_in(confirmation, "/comments/confirm/"))
        expect(page.get_by_role("heading", level=1)).to_contain_text("awaits moderation")
        assert site.query(
            "SELECT c.comment, c.is_public, r.state, r.spam_verdict"
            " FROM django_comments c JOIN comment_moderation_commentreview r"
            " ON r.comment_id = c.id WHERE c.user_email = %s",
            (email,),
        ) == [(text, False, "spam_unchecked", "unchecked")]

        reference = share_story(page, title=title, email=f"akismet.{secrets.token_hex(3)}@x.org")
        verdict = wait_for(
            lambda: site.query(
                "SELECT r.spam_verdict FROM moderation_screeningreport r"
                " JOIN stories_submission s ON s.story_id = r.page_id"
                " WHERE s.reference = %s AND r.spam_verdict <> 'pending'",
                (reference,),
            ),
            message="the story's spam check ended",
        )
        assert verdict == [("unchecked",)]
        # The worker asked Akismet too, and gave up as soon.
        waited = wait_for(lambda: len(akismet_waits) == 2 and all(akismet_waits) and akismet_waits)
        assert max(waited) < 3.5

        # The moderators see both, and why.
        sign_in_as_moderator(page)
        page.goto("/admin/story-queue/")
        expect(page.locator("tr", has_text=title)).to_contain_text("Spam check not done")
        page.goto("/admin/comments/")
        row = page.locator("tr", has_text=text)
        expect(row).to_contain_text("Held: the spam check could not be done")
        expect(row).to_contain_text("Spam check not done")
        page.goto(story_url)
        expect(page.locator("#comments")).not_to_contain_text(text)
