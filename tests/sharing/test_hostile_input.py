"""Hostile input through every public form and parameter, and the queues' search.

The corpus is the Big List of Naughty Strings (tests/data/blns.json) and ours:
markup, template and SQL injection, Unicode oddities, NUL, huge fields; bytes
that are not UTF-8 go in URLs and bodies raw. Every string goes through the cheap
parameters; a seeded sample through the forms that store and screen. Nothing
may be a server error, nothing stored may differ from what was typed but for
``normalise_plain_text``, and every refusal is the form again, with a message.
"""

import json
import random
from pathlib import Path
from urllib.parse import quote

import pytest
from django.utils.html import escape

from sharing.text import normalise_plain_text
from stories.models import StoryPage, Submission
from tests.factories import STORY_TEXT, SubmissionFactory, TopicFactory, story_form_data

pytestmark = pytest.mark.django_db

BLNS = json.loads((Path(__file__).parent.parent / "data" / "blns.json").read_text("utf-8"))
OURS = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "<svg/onload=alert(1)>",
    "{{ 7|add:7 }} {% debug %} {{ request.META }} ${7*7} #{7*7}",
    "'; DROP TABLE stories_submission; --",
    "' OR '1'='1",
    "%' OR 1=1 --",
    "\u202eevil\u202c txt.exe",  # right-to-left override
    "zero\u200bwidth\u200cjoin\u200dmark\u2060",
    "e\u0301 a\u0308 Z\u0351\u0352\u0353\u0354\u0355",  # combining marks
    "\U0001f469\u200d\u2764\ufe0f\u200d\U0001f48b\u200d\U0001f468 \U0001f3f3\ufe0f\u200d\U0001f308",
    "\u3000ideographic\u3000spaces\u3000",
    "nul\x00byte",
    "\x00",
    "\ufeffbom",
    "line\u2028separator\u2029paragraph\r\nwindows\rmac",
    "x" * 5_000,
    "\U0001f49b" * 25_000,  # past every field's limit, in four-byte characters
]
CORPUS = BLNS + OURS
SAMPLE = random.Random(20261202).sample(CORPUS, 30) + OURS  # noqa: S311 - not for security
RAW_BYTES = ["%ff", "%ed%a0%80", "%c0%af", "%00", "%e2%80%ae", "%", "%%", "%zz"]


@pytest.fixture
def story(make_story):
    return make_story(title="The night nurse", body="She sat with me until morning.")


def server_errors(client, requests):
    """(method, url, data) of every request that answered 5xx."""
    client.raise_request_exception = False
    failed = []
    for method, url, data in requests:
        response = getattr(client, method)(url, data) if data is not None else client.get(url)
        if response.status_code >= 500:
            failed.append((method, url[:120], str(data)[:120], response.status_code))
    return failed


def test_every_string_in_every_query_parameter(client, story):
    requests = []
    for value in CORPUS:
        q = quote(value[:2_000], safe="")
        requests += [("get", f"/search/?q={q}&page={q}", None)]
    for value in SAMPLE + [str(10**40), str(2**63), "-1", "0"]:
        q = quote(value[:2_000], safe="")
        requests += [
            ("get", f"/stories/?topic={q}&role={q}&page={q}", None),
            ("get", f"{story.url}?comments={q}", None),
            ("get", f"/share/status/{q}/", None),
            ("get", f"/share/status/{q}/edit/", None),
            ("post", f"/share/status/{q}/withdraw/", {}),
            ("get", f"/comments/report/{q}/", None),
            ("get", f"/comments/reply/{q}/", None),
        ]
    for raw in RAW_BYTES:
        requests += [
            ("get", f"/search/?q={raw}&page={raw}", None),
            ("get", f"/stories/?topic={raw}&page={raw}", None),
            ("get", f"{story.url}?comments={raw}", None),
            ("get", f"/share/status/{raw}/", None),
        ]

    assert server_errors(client, requests) == []


def test_sampled_strings_in_the_queues_search_box(moderator_client):
    requests = []
    for value in SAMPLE:
        q = quote(value[:2_000], safe="")
        requests += [("get", f"/admin/story-queue/?q={q}", None)]
        requests += [("get", f"/admin/comments/?q={q}", None)]
    for raw in RAW_BYTES:
        requests += [("get", f"/admin/story-queue/?q={raw}", None)]
        requests += [("get", f"/admin/comments/?q={raw}", None)]

    assert server_errors(moderator_client, requests) == []


def refused_with_a_message(response):
    html = response.content.decode()
    return response.status_code in (200, 400) and (
        'class="errorlist"' in html and 'role="alert"' in html
    )


@pytest.mark.parametrize(
    "field", ["title", "body", "name", "email", "phone", "role", "naming", "topics", "consent"]
)
def test_sampled_strings_in_every_field_of_the_share_form(
    client, story_index, settings, django_capture_on_commit_callbacks, field
):
    settings.SUBMISSION_RATE = "10000/h"
    TopicFactory(name="Cancer care", slug="cancer-care")
    client.raise_request_exception = False
    problems = []
    for value in SAMPLE:
        typed = value + "\n\n" + STORY_TEXT if field == "body" else value
        data = story_form_data(**{field: [typed] if field == "topics" else typed})
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/share/", data)
        if response.status_code == 302:
            submission = Submission.objects.select_related("story").latest("pk")
            story = submission.story
            stored = {
                "title": story.title,
                "body": story.body,
                "name": submission.name,
            }.get(field)
            if stored is not None:
                expected = normalise_plain_text(typed, single_line=field != "body")
                if stored != expected:
                    problems.append(("altered", field, value[:60], stored[:60]))
            if story.current_workflow_state is None:
                problems.append(("not in the workflow", field, value[:60]))
            status = client.get(submission.get_status_url()).content.decode()
            if escape(story.title) not in status:
                problems.append(("title not shown escaped", field, value[:60]))
        elif not refused_with_a_message(response):
            problems.append((response.status_code, field, value[:60]))

    assert problems == []


@pytest.mark.parametrize("field", ["title", "body"])
def test_sampled_strings_in_the_edit_form(client, story_index, field):
    client.raise_request_exception = False
    problems = []
    for value in SAMPLE:
        submission = SubmissionFactory(
            story__parent=story_index, state=Submission.State.CHANGES_REQUESTED
        )
        data = {"title": "Edited", "body": STORY_TEXT}
        data[field] = value + "\n\n" + STORY_TEXT if field == "body" else value
        response = client.post(submission.get_edit_url(), data)
        if response.status_code == 302:
            story = StoryPage.objects.get(pk=submission.story_id).get_latest_revision_as_object()
            stored = getattr(story, field)
            if stored != normalise_plain_text(data[field], single_line=field == "title"):
                problems.append(("altered", value[:60], stored[:60]))
        elif not refused_with_a_message(response):
            problems.append((response.status_code, value[:60]))

    assert problems == []


def test_sampled_strings_in_the_message_forms(
    client, moderator, story_index, settings, django_capture_on_commit_callbacks
):
    """The author's message from the status page and a moderator's from the review
    page: stored as typed (normalised only), or refused with a message."""
    from django.test import Client

    from stories.models import SubmissionMessage

    settings.MESSAGE_RATE = "1000/h"
    client.raise_request_exception = False
    staff = Client(raise_request_exception=False)
    staff.force_login(moderator)
    submission = SubmissionFactory(story__parent=story_index)
    problems = []
    for value in SAMPLE:
        for browser, url in (
            (client, submission.get_status_url() + "messages/"),
            (staff, f"/admin/story-queue/{submission.story_id}/messages/"),
        ):
            before = SubmissionMessage.objects.count()
            with django_capture_on_commit_callbacks(execute=True):
                response = browser.post(url, {"body": value})
            if response.status_code == 302:
                stored = SubmissionMessage.objects.latest("pk").body
                if SubmissionMessage.objects.count() != before + 1:
                    problems.append(("not stored", url, value[:60]))
                elif stored != normalise_plain_text(value):
                    problems.append(("altered", value[:60], stored[:60]))
            elif (
                response.status_code != 400
                or "Please write your message." not in (html := response.content.decode())
                and "at most 5,000 characters" not in html
            ):
                problems.append((response.status_code, url, value[:60]))

    assert problems == []


def test_the_withdraw_form_with_junk_fields(client, story_index):
    submission = SubmissionFactory(story__parent=story_index)
    client.raise_request_exception = False

    response = client.post(
        submission.get_status_url() + "withdraw/", {value[:100]: value for value in SAMPLE}
    )

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.is_withdrawn


@pytest.mark.parametrize("field", ["comment", "name", "email"])
def test_sampled_strings_in_the_comment_form(
    client, story, django_capture_on_commit_callbacks, field
):
    from django_comments_xtd.models import XtdComment

    from tests.comments.conftest import comment_data

    client.raise_request_exception = False
    problems = []
    for value in SAMPLE:
        data = comment_data(story, "Thank you for writing this.")
        data[field] = value
        before = XtdComment.objects.count()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/comments/post/", data)
        if response.status_code >= 500:
            problems.append((response.status_code, value[:60]))
        elif XtdComment.objects.count() > before and field in ("comment", "name"):
            stored = XtdComment.objects.latest("pk")
            kept = stored.comment if field == "comment" else stored.user_name
            expected = normalise_plain_text(value, single_line=field == "name")
            if kept != expected:
                problems.append(("altered", value[:60], kept[:60]))
        elif XtdComment.objects.count() == before and response.status_code != 302:
            if not refused_with_a_message(response) and response.status_code != 429:
                problems.append(("refused without a message", response.status_code, value[:60]))
    assert problems == []


def test_sampled_strings_as_a_report_reason(client, story, settings):
    from django_comments_xtd.models import XtdComment

    settings.COMMENT_REPORT_RATE = "100000/h"
    comment = XtdComment.objects.create(
        content_object=story, site_id=settings.SITE_ID, user_name="Sam", comment="Thank you."
    )
    requests = [("post", f"/comments/report/{comment.pk}/", {"reason": v}) for v in SAMPLE]

    assert server_errors(client, requests) == []
