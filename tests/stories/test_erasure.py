"""A withdrawal (or an erasure on request) leaves nothing of the author or the
story in any row, except the record that it happened."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from stories.models import StoryPage, Submission
from tests.factories import CommentFactory
from tests.stories.images import photo

pytestmark = pytest.mark.django_db

TITLE = "Ward 7B and the night Dr Okafor stayed"
BODY = (
    "The cardiac nurses on Ward 7B were patient with every question I asked. "
    "If anyone facing the same surgery wants to talk, call me on 612-555-0187 "
    "or write to rosalind.keane@example.net any evening.\n\n"
    "I am walking two miles a day now, and I grow tomatoes again."
)
TRACES = [
    "Rosalind",
    "Keane",
    "rosalind@example.org",
    "rosalind.keane@example.net",
    "5550199",  # the phone number given on the form, as stored
    "555-0187",
    "Okafor",
    "Ward 7B",
    "grow tomatoes",
    "Reader Annika",
    "annika@example.org",
    "Thank you for writing this",
    "tomato plants by the window",  # a photo's description, the author's then the moderator's
]


def whole_database():
    """Every row of every table, as text."""
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    text = out.getvalue()
    with connection.cursor() as cursor:  # tables dumpdata does not know, if any
        for table in connection.introspection.table_names():
            if table.startswith("django_tasks"):
                cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
                text += repr(cursor.fetchall())
    return text


def test_after_a_withdrawal_no_row_holds_the_author_or_the_story(
    client, submit, moderator_client, django_capture_on_commit_callbacks
):
    submission = submit(
        title=TITLE,
        body=BODY,
        photos=[photo()],
        photo_description_1="My tomato plants by the window",
    )
    review = f"/admin/story-queue/{submission.story_id}/"
    (submitted_photo,) = submission.photos.all()
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(f"{review}redact/", {"category": "phone"})
        moderator_client.post(
            f"{review}decide/",
            {
                "action": "approve",
                "override_reason": "The email is the author's wish.",
                # Published before the author approved the redaction: the reason is
                # recorded, and may name them.
                "author_override_reason": "Rosalind asked us on the phone to publish today.",
                f"photo_description_{submitted_photo.pk}": "Rosalind's tomato plants by the window",
            },
        )
    story = StoryPage.objects.get(pk=submission.story_id)
    assert story.live
    CommentFactory(
        target=story,
        user_name="Reader Annika",
        user_email="annika@example.org",
        comment="Thank you for writing this.",
    )
    before = whole_database()
    assert [t for t in TRACES if t not in before] == []  # the test can see them
    assert "Rosalind asked us on the phone" in before

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{submission.get_status_url()}withdraw/", follow=True)

    assert "Withdrawn." in response.content.decode()
    after = whole_database()
    left = [trace for trace in TRACES if trace in after]
    assert left == []
    assert "Rosalind asked us on the phone" not in after
    assert submission.reference in after
    record = Submission.objects.get(pk=submission.pk)
    assert record.state == Submission.State.WITHDRAWN
    assert record.created_at and record.withdrawn_at and record.erased_at
    assert client.get(story.url).status_code == 404


def test_background_tasks_are_queued_with_ids_only(
    submit, moderator_client, settings, akismet_ham, django_capture_on_commit_callbacks
):
    """In production the queue is a table (django-tasks' database backend): what a
    task is queued with is stored, so it must not be anyone's details or words."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    submission = submit(title=TITLE, body=BODY)
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            f"/admin/story-queue/{submission.story_id}/spam/", {"verdict": "spam"}
        )

    queued = list(DBTaskResult.objects.values_list("task_path", "args_kwargs"))
    assert {path.rsplit(".", 1)[-1] for path, _ in queued} >= {
        "send_submission_received",
        "notify_moderators_of_submission",
        "check_story_spam",
        "teach_akismet_about_story",
    }
    stored = repr(queued)
    assert [trace for trace in TRACES if trace in stored] == []


def test_declined_stories_are_erased_once_their_retention_period_is_over(
    submit, moderator_client, settings, django_capture_on_commit_callbacks
):
    settings.DECLINED_RETENTION_DAYS = 90
    old = submit(title=TITLE, body=BODY)
    recent = submit(title="A recent one", name="Tomas Berg", email="tomas@example.org", phone="")
    for submission in (old, recent):
        with django_capture_on_commit_callbacks(execute=True):
            moderator_client.post(
                f"/admin/story-queue/{submission.story_id}/decide/",
                {"action": "decline", "comment": "We cannot publish stories naming staff."},
            )
    Submission.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=91))
    out = io.StringIO()

    call_command("erase_expired_submissions", stdout=out)

    assert "Erased 1 declined submission(s)." in out.getvalue()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.state == Submission.State.DECLINED and old.erased_at is not None
    assert old.contact_email == "" and old.story is None
    assert recent.contact_email == "tomas@example.org" and recent.story is not None
    assert [trace for trace in TRACES if trace in whole_database()] == []


def test_the_author_of_an_expired_story_reads_that_it_was_erased_and_is_offered_nothing(
    client, submit, moderator_client, settings, django_capture_on_commit_callbacks
):
    """Their status link still works: it says the story is declined and erased, and
    offers no withdrawal of what no longer exists."""
    settings.DECLINED_RETENTION_DAYS = 90
    submission = submit(title=TITLE, body=BODY)
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            f"/admin/story-queue/{submission.story_id}/decide/",
            {"action": "decline", "comment": "We cannot publish stories naming staff."},
        )
    Submission.objects.filter(pk=submission.pk).update(
        updated_at=timezone.now() - timedelta(days=91)
    )
    call_command("erase_expired_submissions", stdout=io.StringIO())

    status = client.get(submission.get_status_url()).content.decode()

    assert "Not published." in status
    assert "your contact details and photos were erased on" in status
    assert "Withdraw my story" not in status
    withdraw = client.get(f"{submission.get_status_url()}withdraw/")
    assert withdraw.status_code == 302 and withdraw.url == submission.get_status_url()


def test_a_withdrawn_story_can_never_be_published_again(
    client, submit, moderator_client, admin_client, django_capture_on_commit_callbacks
):
    submission = submit(title=TITLE, body=BODY)
    page_id = submission.story_id
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{submission.get_status_url()}withdraw/")

    # No page is left for the workflow, the editor or a bulk action to publish.
    assert not StoryPage.objects.filter(pk=page_id).exists()
    for url in (
        f"/admin/pages/{page_id}/edit/",
        f"/admin/pages/{page_id}/history/",
        f"/admin/pages/{page_id}/workflow/action/approve/1/",
    ):
        assert admin_client.get(url).status_code == 404, url
    assert moderator_client.get(f"/admin/story-queue/{page_id}/").status_code == 404
    bulk = admin_client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={page_id}", {"include_descendants": ""}
    )
    assert bulk.status_code in (302, 404)
    assert not StoryPage.objects.filter(live=True, title=TITLE).exists()
    status = client.get(submission.get_status_url()).content.decode()
    assert "Withdrawn." in status and "Published." not in status
