"""Every submission in the admin: who sees the list, the lookup by reference, the state
filters, and a submitter's access and erasure requests, recorded in the audit log."""

import io
import json
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import reset_queries
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from stories.models import StoryPage, Submission
from tests.factories import CommentFactory, SubmissionFactory
from tests.stories.images import photo
from tests.stories.test_author_approval import approve_as_author
from tests.stories.test_erasure import BODY, TITLE, TRACES, whole_database

pytestmark = pytest.mark.django_db

LIST = "/admin/submissions/"


def references(html):
    """The references the list shows, in order."""
    soup = BeautifulSoup(html, "html.parser")
    return [cell.get_text(strip=True) for cell in soup.select("table.listing tbody tr td.title")]


def listed(client, query=""):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    return references(response.content.decode())


def publish(moderator_client, submission, django_capture_on_commit_callbacks):
    """Approve, confirming what each photo shows as the moderator must."""
    photos = {
        f"photo_description_{photo.pk}": f"Photo {number}: tomato plants by the window"
        for number, photo in enumerate(submission.photos.all(), start=1)
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            f"/admin/story-queue/{submission.story_id}/decide/",
            {
                "action": "approve",
                "override_reason": "The author wants these details shown.",
                **photos,
            },
        )
    assert response.status_code == 302
    assert StoryPage.objects.get(pk=submission.story_id).live


def decide(moderator_client, submission, action, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            f"/admin/story-queue/{submission.story_id}/decide/",
            {"action": action, "comment": "Please leave out the ward's name."},
        )


# Who may see it


def staff_user(username, *, group=None, permissions=()):
    user = get_user_model().objects.create_user(username, password="pw")
    if group:
        user.groups.add(Group.objects.get(name=group))
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


@pytest.mark.parametrize("who", ["editor", "responder", "reader"])
def test_only_story_moderators_see_the_submissions_or_export_or_erase_them(
    client, submit, who, django_capture_on_commit_callbacks
):
    submission = submit()
    user = {
        "editor": lambda: staff_user("eddie", group="Editors"),
        # What a hospital's responder has: the admin, and no right to review stories.
        "responder": lambda: staff_user("rita", permissions=["access_admin"]),
        "reader": lambda: staff_user("reader"),
    }[who]()
    client.force_login(user)

    dashboard = client.get("/admin/").content.decode()
    assert '"url": "/admin/submissions/"' not in dashboard
    detail = f"{LIST}{submission.pk}/"
    for url in [LIST, f"{LIST}results/", f"{LIST}?q={submission.reference}", detail]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert submission.contact_email not in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        export = client.post(f"{detail}export/")
        erase = client.post(f"{detail}erase/", {"confirm": "on"})

    assert export.status_code == 302 and export["Content-Type"] != "application/zip"
    assert erase.status_code == 302
    submission.refresh_from_db()
    assert submission.erased_at is None and submission.contact_email == "rosalind@example.org"
    assert not ModelLogEntry.objects.filter(action__startswith="sharing.submission.").exists()


def test_a_moderator_has_the_menu_item_and_every_submission_newest_first(
    submit, moderator_client, django_capture_on_commit_callbacks
):
    first = submit(title="The first story")
    second = submit(title="The second story")
    third = submit(title="The third story")
    decide(moderator_client, second, "decline", django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(f"{third.get_status_url()}withdraw/")

    assert '"url": "/admin/submissions/"' in moderator_client.get("/admin/").content.decode()
    html = moderator_client.get(LIST).content.decode()
    # Not only those waiting: the declined and the withdrawn are listed too.
    assert references(html) == [third.reference, second.reference, first.reference]
    assert "The first story" in html and "Declined" in html and "Withdrawn" in html
    assert "(erased)" in html and "The third story" not in html
    assert first.contact_email not in html  # contact details are on a submission's own page


# The lookup


@pytest.mark.parametrize(
    "typed",
    ["{ref}", "{lower}", "{nodash}", "{nodash_lower}", "  {ref} ", "{bare}", "S - {bare}"],
)
def test_lookup_by_reference_as_it_is_typed_or_read_out(submit, moderator_client, typed):
    wanted = submit(title="The one looked up")
    submit(title="Another one")
    ref = wanted.reference
    query = typed.format(
        ref=ref,
        lower=ref.lower(),
        nodash=ref.replace("-", ""),
        nodash_lower=ref.replace("-", "").lower(),
        bare=ref[2:],
    )

    assert listed(moderator_client, f"q={query}") == [ref]


def test_a_lookup_that_is_no_reference_says_how_to_type_one(submit, moderator_client):
    submit()

    html = moderator_client.get(f"{LIST}?q=<b>ward</b>").content.decode()

    assert references(html) == []
    assert "is not a reference. A reference looks like S-ABC234" in html
    assert "&lt;b&gt;ward&lt;/b&gt;" in html and "<b>ward</b>" not in html


def test_a_reference_nobody_has_is_said_so(submit, moderator_client):
    submit()

    html = moderator_client.get(f"{LIST}?q=S-ZZZZZZ").content.decode()

    assert references(html) == []
    assert "No submission has this reference or email address." in html


def test_lookup_by_the_email_address_in_any_case(submit, moderator_client):
    first = submit(email="Rosalind@Example.org")
    second = submit(email="rosalind@example.org")
    submit(name="Oscar Vance", email="oscar@example.org")

    assert listed(moderator_client, "q=ROSALIND@example.ORG") == [
        second.reference,
        first.reference,
    ]


# The state filters


def test_filters_by_every_state_and_by_erasure(
    submit, moderator_client, django_capture_on_commit_callbacks
):
    received = submit(title="Received")
    in_review = submit(title="In review")
    in_review.mark_in_review()
    changes = submit(title="Changes requested")
    decide(moderator_client, changes, "request_changes", django_capture_on_commit_callbacks)
    published = submit(title="Published")
    publish(moderator_client, published, django_capture_on_commit_callbacks)
    declined = submit(title="Declined")
    decide(moderator_client, declined, "decline", django_capture_on_commit_callbacks)
    withdrawn = submit(title="Withdrawn")
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(f"{withdrawn.get_status_url()}withdraw/")

    assert listed(moderator_client, "state=received") == [received.reference]
    assert listed(moderator_client, "state=in_review") == [in_review.reference]
    assert listed(moderator_client, "state=changes_requested") == [changes.reference]
    assert listed(moderator_client, "state=published") == [published.reference]
    assert listed(moderator_client, "state=declined") == [declined.reference]
    assert listed(moderator_client, "state=withdrawn") == [withdrawn.reference]
    assert listed(moderator_client, "state=erased") == [withdrawn.reference]
    assert len(listed(moderator_client)) == 6
    # A lookup and a filter together.
    assert listed(moderator_client, f"state=declined&q={published.reference}") == []

    html = moderator_client.get(f"{LIST}?state=nonsense").content.decode()
    assert "Select a valid choice" in html


def test_the_list_pages_by_50_with_the_same_queries_for_few_and_many(
    story_index, moderator_client, django_assert_max_num_queries, django_assert_num_queries
):
    for i in range(3):
        SubmissionFactory(story__parent=story_index, story__title=f"Story {i}")
    moderator_client.get(LIST)
    reset_queries()
    with django_assert_max_num_queries(20) as few:
        moderator_client.get(LIST)
    queries_for_few = len(few)

    for i in range(3, 12):
        SubmissionFactory(story__parent=story_index, story__title=f"Story {i}")
    now = timezone.now()
    Submission.objects.bulk_create(
        Submission(
            reference=f"S-B{i:05d}",
            status_token=f"token-{i}",
            role="patient",
            naming="anonymous",
            consent_version="2026-11-21",
            consent_given_at=now,
            erased_at=now,
            state=Submission.State.WITHDRAWN,
        )
        for i in range(60)
    )
    moderator_client.get(LIST)
    reset_queries()
    with django_assert_num_queries(queries_for_few):
        first = moderator_client.get(LIST).content.decode()
    reset_queries()
    with django_assert_num_queries(queries_for_few):
        last = moderator_client.get(f"{LIST}?p=2").content.decode()

    assert len(references(first)) == 50 and len(references(last)) == 22
    assert "Page 1 of 2" in first and "Story 11" in last


def test_a_submissions_page_lists_the_submitters_others_in_the_same_queries_for_few_and_many(
    story_index, moderator_client, django_assert_max_num_queries, django_assert_num_queries
):
    """All sent with the same email address (the factory's)."""
    first = SubmissionFactory(story__parent=story_index, story__title="Story 0")
    SubmissionFactory(story__parent=story_index, story__title="Story 1")
    page = f"{LIST}{first.pk}/"
    moderator_client.get(page)
    reset_queries()
    with django_assert_max_num_queries(40) as few:
        moderator_client.get(page)
    queries_for_few = len(few)

    for i in range(2, 30):
        SubmissionFactory(story__parent=story_index, story__title=f"Story {i}")
    reset_queries()
    with django_assert_num_queries(queries_for_few):
        html = moderator_client.get(page).content.decode()

    assert html.count("Story ") >= 30 and "rosalind@example.org" in html


# The access request


def test_the_export_holds_everything_about_the_submitter_and_no_one_else(
    submit, moderator_client, moderator, make_story, django_capture_on_commit_callbacks
):
    older = submit(title="An older story", body=BODY, email="Rosalind@Example.org")
    submission = submit(
        title=TITLE, body=BODY, photos=[photo()], photo_description_1="My garden at dawn"
    )
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            f"/admin/story-queue/{submission.story_id}/redact/", {"category": "phone"}
        )
        Client().post(
            f"{submission.get_status_url()}messages/", {"body": "Please keep my garden in."}
        )
    other = submit(title="Oscar's story", name="Oscar Vance", email="oscar@example.org")
    elsewhere = make_story(title="Somebody else's story")
    CommentFactory(
        target=elsewhere,
        user_name="Rosalind",
        user_email="ROSALIND@example.org",
        comment="I had the same operation.",
    )
    CommentFactory(target=elsewhere, user_name="Oscar", user_email="oscar@example.org")

    response = moderator_client.post(f"{LIST}{submission.pk}/export/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert {"private", "no-store"} <= set(response["Cache-Control"].replace(" ", "").split(","))
    filename = f"{submission.reference}-access-request.zip"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("submitter.json"))
    by_reference = {item["reference"]: item for item in data["submissions"]}
    assert set(by_reference) == {older.reference, submission.reference}
    item = by_reference[submission.reference]
    assert (item["name"], item["email"]) == ("Rosalind Keane", "rosalind@example.org")
    assert item["phone"] == submission.contact_phone and "5550199" in item["phone"]
    assert item["state"] == "In review" and item["received_at"]
    assert item["consent"]["version"] == submission.consent_version
    assert item["consent"]["text"].startswith("I agree that this hospital may publish my story")
    story = item["story"]
    assert story["title"] == TITLE and "[phone number]" in story["text"]
    # Every revision: what the author sent (the phone number in it) and the redaction.
    assert [(r["by"], "612-555-0187" in r["text"]) for r in story["revisions"]] == [
        ("you", True),
        ("a moderator", False),
    ]
    assert story["history"] and all(entry["what"] for entry in story["history"])
    assert "moira" not in json.dumps(data)  # moderators are not named
    [listed_photo] = item["photos"]
    assert archive.read(listed_photo["file"]).startswith(b"\xff\xd8")  # the JPEG itself
    assert listed_photo["description"] == "My garden at dawn"
    assert [(m["from"], m["text"]) for m in item["messages"]] == [
        ("you", "Please keep my garden in.")
    ]
    assert [(c["text"], c["on"]) for c in data["comments"]] == [
        ("I had the same operation.", "Somebody else's story")
    ]
    everything = json.dumps(data)
    assert "Oscar" not in everything and other.reference not in everything

    # Recorded: who and when, against each reference exported; nothing personal.
    records = ModelLogEntry.objects.filter(action="sharing.submission.export")
    assert sorted(records.values_list("label", flat=True)) == sorted(
        [older.reference, submission.reference]
    )
    assert {record.user_id for record in records} == {moderator.pk}
    assert all(record.timestamp and record.data == {} for record in records)
    assert "Everything held about the submitter exported" in str(records[0].message)


def test_the_export_is_a_post_with_a_csrf_token(story_index, submit, moderator):
    submission = submit()
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)

    assert client.get(f"{LIST}{submission.pk}/export/").status_code == 405
    assert client.post(f"{LIST}{submission.pk}/export/").status_code == 403
    page = client.get(f"{LIST}{submission.pk}/").content.decode()
    assert "csrfmiddlewaretoken" in page and "Download everything held" in page
    assert not ModelLogEntry.objects.filter(action="sharing.submission.export").exists()


def test_an_unknown_submission_is_not_found(story_index, moderator_client):
    assert moderator_client.get(f"{LIST}999999/").status_code == 404
    assert moderator_client.post(f"{LIST}999999/export/").status_code == 404
    assert moderator_client.get(f"{LIST}999999/erase/").status_code == 404


# The erasure request


def test_erasure_asks_for_a_confirmation_first(
    submit, moderator_client, django_capture_on_commit_callbacks
):
    submission = submit(title=TITLE)
    erase = f"{LIST}{submission.pk}/erase/"

    page = moderator_client.get(erase)
    assert page.status_code == 200
    assert TITLE in page.content.decode() and submission.reference in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        refused = moderator_client.post(erase, {})

    assert refused.status_code == 400
    soup = BeautifulSoup(refused.content.decode(), "html.parser")
    box = soup.select_one("input[name=confirm]")
    error = soup.find(id=box["aria-describedby"])
    assert error.get_text(strip=True) == "Tick the box to confirm: an erasure cannot be undone."
    assert box["aria-invalid"] == "true"
    submission.refresh_from_db()
    assert submission.erased_at is None and submission.story is not None


def test_erasure_is_a_post_with_a_csrf_token(story_index, submit, moderator):
    submission = submit()
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)

    assert client.post(f"{LIST}{submission.pk}/erase/", {"confirm": "on"}).status_code == 403
    submission.refresh_from_db()
    assert submission.erased_at is None


def test_erasure_on_request_leaves_no_trace_in_any_row(
    client, submit, moderator_client, moderator, django_capture_on_commit_callbacks
):
    older = submit(title="An older story", body=BODY, email="Rosalind@Example.org")
    submission = submit(title=TITLE, body=BODY, photos=[photo()])
    review = f"/admin/story-queue/{submission.story_id}/"
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(f"{review}redact/", {"category": "phone"})
    assert approve_as_author(submission).status_code == 302  # the author approved the redaction
    publish(moderator_client, submission, django_capture_on_commit_callbacks)
    story = StoryPage.objects.get(pk=submission.story_id)
    CommentFactory(
        target=story,
        user_name="Reader Annika",
        user_email="annika@example.org",
        comment="Thank you for writing this.",
    )
    moderator_client.post(f"{LIST}{submission.pk}/export/")  # an access request first
    other = submit(
        title="Oscar's story", name="Oscar Vance", email="oscar@example.org", phone="612 555 0111"
    )
    before = whole_database()
    assert [t for t in TRACES if t not in before] == []  # the test can see them

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            f"{LIST}{submission.pk}/erase/", {"confirm": "on"}, follow=True
        )

    html = response.content.decode()
    assert f"Erased {older.reference}, {submission.reference}" in html
    after = whole_database()
    assert [trace for trace in TRACES if trace in after] == []
    assert "An older story" not in after
    assert older.reference in after and submission.reference in after
    # Somebody else's story is untouched.
    other.refresh_from_db()
    assert other.erased_at is None and other.contact_email == "oscar@example.org"
    assert "Oscar's story" in after
    # Recorded: who and when, against the reference only.
    erasures = ModelLogEntry.objects.filter(action="sharing.submission.erase")
    assert sorted(erasures.values_list("label", flat=True)) == sorted(
        [older.reference, submission.reference]
    )
    assert {entry.user_id for entry in erasures} == {moderator.pk}
    for record in Submission.objects.filter(pk__in=[older.pk, submission.pk]):
        # Erased on the author's request, not withdrawn by them: the record says which.
        assert record.erased_at and record.state == Submission.State.ERASED
        assert record.withdrawn_at is None
        assert record.story is None and record.contact_email == record.name == ""
        assert record.edits_approved_revision is None and record.edits_approved_at is None
    # The author's approval of the redaction is kept as a record that it happened only.
    (approval,) = ModelLogEntry.objects.filter(action="sharing.submission.approve_edits")
    assert approval.label == submission.reference and approval.user is None
    assert client.get(story.url).status_code == 404
    status = client.get(submission.get_status_url()).content.decode()
    assert "Erased." in status and "a moderator erased this story on" in status
    assert "You withdrew" not in status and "Withdraw my story" not in status
    listing = BeautifulSoup(
        moderator_client.get(f"{LIST}?q={submission.reference}").content, "html.parser"
    )
    (row,) = listing.select("table tbody tr")
    assert "Erased on request" in row.get_text() and "Withdrawn" not in row.get_text()
    report = BeautifulSoup(
        moderator_client.get("/admin/reports/moderation/").content, "html.parser"
    )
    decisions = {
        row.th.get_text(strip=True): row.td.get_text(strip=True)
        for row in report.select("#decisions-table tbody tr")
    }
    assert decisions["Erased at the author's request"] == "2"
    assert decisions["Withdrawn by the author"] == "0"
    # The submission's page says so, and offers nothing more to erase or export.
    page = moderator_client.get(f"{LIST}{submission.pk}/").content.decode()
    assert "Erased: nothing of the story or its author is kept." in page
    assert "Download everything held" not in page
    again = moderator_client.get(f"{LIST}{submission.pk}/erase/", follow=True)
    assert "is already erased" in again.content.decode()


def test_the_exports_history_says_who_did_each_step(
    submit, moderator_client, django_capture_on_commit_callbacks
):
    submission = submit(title=TITLE, body=BODY)
    decide(moderator_client, submission, "request_changes", django_capture_on_commit_callbacks)

    response = moderator_client.post(f"{LIST}{submission.pk}/export/")

    data = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("submitter.json"))
    history = [(entry["by"], entry["what"]) for entry in data["submissions"][0]["story"]["history"]]
    by_step = {what.split(".")[0]: by for by, what in history}
    assert by_step["Approved at 'Screening'"] == "the site"  # the screen, not the author
    assert by_step["Created"] == "you"
    assert by_step["Rejected at 'Moderators review'"] == "a moderator"
