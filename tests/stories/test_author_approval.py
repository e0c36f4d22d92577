"""The author approves a moderator's edits: the diff on the status page, who may
approve, the site's setting, the moderator's override and the mail."""

import pytest
from django.test import Client

from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def approve_as_author(submission, revision=None):
    """The author opens their status link, in a browser of their own, and approves the
    changes they were shown (the latest revision, unless ``revision``)."""
    story = StoryPage.objects.get(pk=submission.story_id)
    return Client().post(
        f"{submission.get_status_url()}approve/",
        {"revision": revision or story.latest_revision_id},
    )


BODY = (
    "The cardiac nurses were patient with every question I asked. If anyone facing the "
    "same surgery wants to talk, call me on 612-555-0187 or write to hal.porter@example.net "
    "any evening.\n\nI am walking two miles a day now."
)
OVERRIDE = "Hal asked on the phone for it to be up before his surgery on Monday."


def review_url(submission):
    return f"/admin/story-queue/{submission.story_id}/"


@pytest.fixture
def redact(moderator_client, django_capture_on_commit_callbacks):
    """The moderator redacts every finding of ``category``, on the review page."""

    def run(submission, category="phone"):
        with django_capture_on_commit_callbacks(execute=True):
            response = moderator_client.post(
                f"{review_url(submission)}redact/", {"category": category}
            )
        assert response.status_code == 302
        return StoryPage.objects.get(pk=submission.story_id).latest_revision

    return run


@pytest.fixture
def publish(moderator_client, django_capture_on_commit_callbacks):
    """The moderator clicks "Approve and publish"; returns the page they land on."""

    def run(submission, **data):
        with django_capture_on_commit_callbacks(execute=True):
            return moderator_client.post(
                f"{review_url(submission)}decide/", {"action": "approve", **data}, follow=True
            )

    return run


def review_text(client, submission):
    from bs4 import BeautifulSoup

    html = client.get(review_url(submission)).content.decode()
    return BeautifulSoup(html, "html.parser").get_text(" ", strip=True)


def status_of(submission, client=None):
    return (client or Client()).get(submission.get_status_url()).content.decode()


def edits_section(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser").find(id="edits")


# The diff


def test_the_author_sees_what_they_sent_beside_what_would_be_published(submit, redact):
    submission = submit(body=BODY)
    redact(submission, "phone")

    section = edits_section(status_of(submission))
    assert section is not None
    sent = section.select_one(".diff[data-field=body] .diff__side--sent")
    proposed = section.select_one(".diff[data-field=body] .diff__side--proposed")
    assert "What you sent" in sent.get_text() and "What would be published" in proposed.get_text()
    # The redaction is marked as one, in words a screen reader reads out, not by colour.
    (redacted,) = sent.select("del.diff__redacted")
    assert redacted.get_text() == "Redacted: 612-555-0187"
    (placeholder,) = proposed.select("ins.diff__redaction")
    assert placeholder.get_text() == "Redaction: [phone number]"
    assert placeholder.select_one(".visually-hidden").get_text().strip() == "Redaction:"
    assert not sent.select("del.diff__removed") and not proposed.select("ins.diff__added")
    # The rest is the author's text, unmarked, on both sides.
    assert "write to hal.porter@example.net any evening" in proposed.get_text()
    assert "I approve these changes" in section.get_text()


def test_an_ordinary_edit_is_shown_as_words_removed_and_added_and_everything_is_escaped():
    from stories.edits import side_by_side

    before, after = side_by_side(
        "<b>Dr Amos</b> & the team were kind.", "<b>The doctor</b> & the team were kind."
    )
    assert "<b>" not in before and "&lt;b&gt;" in before and "&amp; the team" in after
    assert '<del class="diff__removed"><span class="visually-hidden">Removed: </span>Dr Amos' in (
        before
    )
    assert '<ins class="diff__added"><span class="visually-hidden">Added: </span>The doctor' in (
        after
    )


def test_an_edit_in_the_editor_changes_the_title_and_the_author_sees_it(submit, moderator):
    submission = submit(body=BODY, title="The night nurse <Ana>")
    draft = StoryPage.objects.get(pk=submission.story_id).get_latest_revision_as_object()
    draft.title = "The night nurse"
    draft.save_revision(user=moderator)

    section = edits_section(status_of(submission))
    title = section.select_one(".diff[data-field=title]")
    assert title.select_one("del.diff__removed").get_text() == "Removed:  <Ana>"
    assert section.select_one(".diff[data-field=body]") is None  # unchanged: not shown


def test_a_story_nobody_edited_shows_no_changes_and_has_nothing_to_approve(submit):
    submission = submit(body=BODY)
    assert edits_section(status_of(submission)) is None
    response = approve_as_author(submission)
    assert response.status_code == 302
    page = status_of(submission)
    assert "There are no changes waiting for your approval." not in page  # shown once
    submission.refresh_from_db()
    assert submission.edits_approved_at is None


def test_the_moderator_sees_the_same_diff_on_the_review_page(submit, redact, moderator_client):
    from bs4 import BeautifulSoup

    submission = submit(body=BODY)
    redact(submission, "phone")

    page = BeautifulSoup(
        moderator_client.get(review_url(submission)).content.decode(), "html.parser"
    )
    diff = page.select_one("details#edits")
    assert diff is not None and diff.has_attr("open")  # it waits for the author: shown open
    assert diff["data-approval"] == "awaiting"
    assert "what the author is asked to approve" in diff.get_text()
    sent = diff.select_one(".diff[data-field=body] .diff__side--sent")
    proposed = diff.select_one(".diff[data-field=body] .diff__side--proposed")
    assert "What the author sent" in sent.get_text()
    assert sent.select_one("del.diff__redacted").get_text() == "Redacted: 612-555-0187"
    assert proposed.select_one("ins.diff__redaction").get_text() == "Redaction: [phone number]"

    approve_as_author(submission)
    page = BeautifulSoup(
        moderator_client.get(review_url(submission)).content.decode(), "html.parser"
    )
    diff = page.select_one("details#edits")
    assert diff["data-approval"] == "approved" and not diff.has_attr("open")
    assert "This is what the author approved." in diff.get_text()


def test_a_story_nobody_edited_shows_no_diff_to_the_moderator(submit, moderator_client):
    from bs4 import BeautifulSoup

    submission = submit(body=BODY)
    page = BeautifulSoup(
        moderator_client.get(review_url(submission)).content.decode(), "html.parser"
    )
    assert page.select_one("#edits") is None
    assert page.select_one("#text-heading") is not None


# Who sees the changes and who may approve them


def test_the_author_approves_and_the_approval_is_recorded_with_its_revision(submit, redact):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    from stories.models import Submission

    submission = submit(body=BODY)
    revision = redact(submission, "phone")
    author = Client()

    response = author.post(
        f"{submission.get_status_url()}approve/", {"revision": revision.pk}, follow=True
    )

    assert "you approved the changes" in response.content.decode()
    submission.refresh_from_db()
    assert submission.edits_approved_revision_id == revision.pk
    assert submission.edits_approved_at is not None
    (entry,) = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Submission),
        object_id=str(submission.pk),
        action="sharing.submission.approve_edits",
    )
    assert entry.data == {"revision": revision.pk} and entry.user is None
    section = edits_section(author.get(submission.get_status_url()).content.decode())
    assert section.select_one("[data-approval=approved]") is not None
    assert "I approve these changes" not in section.get_text()


def test_another_authors_link_neither_shows_nor_approves_these_changes(submit, redact):
    from stories.models import Submission

    mine = submit(body=BODY, title="Mine")
    theirs = submit(body=BODY, title="Theirs")
    revision = redact(mine, "phone")

    assert edits_section(status_of(theirs)) is None
    # Their link, with my revision's number: nothing of mine is approved.
    response = Client().post(
        f"{theirs.get_status_url()}approve/", {"revision": revision.pk}, follow=True
    )
    assert "There are no changes waiting for your approval." in response.content.decode()
    assert Submission.objects.get(pk=mine.pk).edits_approved_revision_id is None


def test_a_reader_without_the_link_sees_nothing_and_approves_nothing(client, submit, redact):
    submission = submit(body=BODY)
    revision = redact(submission, "phone")

    assert Client().get("/share/status/not-a-token/").status_code == 404
    assert (
        Client().post("/share/status/not-a-token/approve/", {"revision": revision.pk}).status_code
        == 404
    )
    submission.refresh_from_db()
    assert submission.edits_approved_at is None


def test_a_moderator_cannot_approve_for_the_author_but_sees_where_it_stands(
    submit, redact, moderator_client, publish
):
    submission = submit(body=BODY)
    redact(submission, "phone")
    redact(submission, "email")

    review = review_text(moderator_client, submission)
    assert "Awaiting the author's approval of the edits." in review
    assert "I approve these changes" not in review
    response = publish(submission)
    assert "The author has not approved your edits yet." in response.content.decode()
    assert not StoryPage.objects.get(pk=submission.story_id).live

    approve_as_author(submission)
    assert "The author approved the edits on" in review_text(moderator_client, submission)
    response = publish(submission)
    assert "is approved and published" in response.content.decode()
    assert StoryPage.objects.get(pk=submission.story_id).live


def test_an_edit_after_the_authors_approval_needs_their_approval_again(submit, redact, publish):
    submission = submit(body=BODY)
    redact(submission, "phone")
    approve_as_author(submission)
    redact(submission, "email")

    section = edits_section(status_of(submission))
    assert section.select_one("[data-approval=awaiting]") is not None
    assert "Redacted: hal.porter@example.net" in section.get_text()
    response = publish(submission)
    assert "The author has not approved your edits yet." in response.content.decode()
    assert not StoryPage.objects.get(pk=submission.story_id).live


def test_an_approval_of_a_text_the_moderator_changed_since_is_refused(submit, redact):
    from stories.models import Submission

    submission = submit(body=BODY)
    seen = redact(submission, "phone")
    redact(submission, "email")  # while the author was reading

    response = Client().post(
        f"{submission.get_status_url()}approve/", {"revision": seen.pk}, follow=True
    )

    assert "A moderator changed your story again while you were reading it." in (
        response.content.decode()
    )
    assert Submission.objects.get(pk=submission.pk).edits_approved_at is None


# The setting and the moderator's override


def test_with_the_setting_off_publishing_does_not_wait_for_the_author(
    submit, redact, moderator_client, publish
):
    from stories.models import AuthorApprovalSettings

    settings_row = AuthorApprovalSettings.load()
    assert settings_row.wait_for_author  # the default
    settings_row.wait_for_author = False
    settings_row.save()
    submission = submit(body=BODY)
    redact(submission, "phone")
    redact(submission, "email")

    review = review_text(moderator_client, submission)
    assert "Publishing does not wait for it" in review
    assert "Reason to publish before the author approves" not in review
    response = publish(submission)

    assert "is approved and published" in response.content.decode()
    assert StoryPage.objects.get(pk=submission.story_id).live


def test_the_setting_is_changed_in_the_admin(moderator_client, admin_client):
    from stories.models import AuthorApprovalSettings

    response = admin_client.get("/admin/settings/stories/authorapprovalsettings/", follow=True)
    assert "publishing waits for the author" in response.content.decode().lower()
    admin_client.post(response.wsgi_request.path, {})  # the box unticked
    assert not AuthorApprovalSettings.load().wait_for_author


def test_the_override_without_a_reason_is_refused_with_a_clear_message(submit, redact, publish):
    submission = submit(body=BODY)
    redact(submission, "phone")
    redact(submission, "email")

    response = publish(submission, author_override_reason="   ")

    assert response.status_code == 200
    assert (
        "The author has not approved your edits yet. Wait for their approval, or give a "
        "reason to publish before they approve." in response.content.decode()
    )
    assert not StoryPage.objects.get(pk=submission.story_id).live


def test_the_override_with_a_reason_publishes_and_records_who_when_and_why(
    submit, redact, moderator, moderator_client, publish
):
    from wagtail.models import PageLogEntry

    submission = submit(body=BODY)
    redact(submission, "phone")
    redact(submission, "email")

    response = publish(submission, author_override_reason=OVERRIDE)

    assert "is approved and published" in response.content.decode()
    story = StoryPage.objects.get(pk=submission.story_id)
    assert story.live and "[phone number]" in story.body
    (entry,) = PageLogEntry.objects.filter(
        page=story, action="sharing.story.author_approval_override"
    )
    assert entry.user == moderator and entry.data == {"reason": OVERRIDE} and entry.timestamp
    review = review_text(moderator_client, submission)
    assert "overridden by Moira" in review and f"because “{OVERRIDE}”" in review
    # The story is published: the author is asked about nothing any more.
    assert edits_section(status_of(submission)) is None


def test_wagtails_own_approve_button_waits_for_the_author_too(
    submit, redact, moderator_client, django_capture_on_commit_callbacks
):
    submission = submit(body=BODY)
    redact(submission, "phone")
    redact(submission, "email")
    story = StoryPage.objects.get(pk=submission.story_id)
    task_state = story.current_workflow_task_state
    url = f"/admin/pages/workflow/action/{story.pk}/approve/{task_state.pk}/"

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(url, {"override_reason": "", "author_override_reason": ""})
    assert not StoryPage.objects.get(pk=story.pk).live

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(url, {"override_reason": "", "author_override_reason": OVERRIDE})
    assert StoryPage.objects.get(pk=story.pk).live


# Mail


def test_the_author_is_mailed_once_when_edits_await_them_and_again_after_approving(
    submit, redact, moderator, django_capture_on_commit_callbacks
):
    from django.core import mail

    submission = submit(body=BODY, email="hal@example.org")
    mail.outbox.clear()

    redact(submission, "phone")
    (message,) = mail.outbox
    assert message.to == ["hal@example.org"]
    assert "await your approval" in message.subject and submission.reference in message.subject
    assert f"{submission.get_status_url()}#edits" in message.body
    assert "612-555-0187" not in message.body and "[phone number]" not in message.body
    html, _type = message.alternatives[0]
    assert submission.get_status_url() in html

    redact(submission, "email")  # the moderator is still at work: no second mail
    assert len(mail.outbox) == 1

    approve_as_author(submission)
    draft = StoryPage.objects.get(pk=submission.story_id).get_latest_revision_as_object()
    draft.body += "\n\nThank you all."
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision(user=moderator)  # an edit in the editor, after the approval
    assert len(mail.outbox) == 2 and "await your approval" in mail.outbox[1].subject


def test_no_mail_to_an_author_who_gave_no_address(
    submit, moderator, django_capture_on_commit_callbacks
):
    from django.core import mail

    from stories.models import Submission

    submission = submit(body=BODY)
    Submission.objects.filter(pk=submission.pk).update(contact_email="")
    mail.outbox.clear()
    draft = StoryPage.objects.get(pk=submission.story_id).get_latest_revision_as_object()
    draft.title = "A new title"
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision(user=moderator)
    assert mail.outbox == []
    assert edits_section(status_of(submission)) is not None  # they see it on their page


def test_the_moderators_are_mailed_when_the_author_approves(
    submit, redact, moderator, django_capture_on_commit_callbacks
):
    from django.core import mail

    submission = submit(body=BODY, email="hal@example.org")
    redact(submission, "phone")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        approve_as_author(submission)

    (message,) = mail.outbox
    assert message.to == ["moira@hospital.example"]
    assert message.subject == f"The author of {submission.reference} approved your edits"
    assert f"/admin/story-queue/{submission.story_id}/#decision-heading" in message.body
    # The story's words stay behind the admin's sign-in.
    assert "cardiac nurses" not in message.body and "hal@example.org" not in message.body


def test_no_mail_to_the_moderators_for_a_refused_approval(
    submit, redact, django_capture_on_commit_callbacks
):
    from django.core import mail

    submission = submit(body=BODY, email="hal@example.org")
    stale = redact(submission, "phone")
    redact(submission, "email")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = approve_as_author(submission, revision=stale.pk)

    assert response.status_code in (200, 302)
    assert mail.outbox == []
