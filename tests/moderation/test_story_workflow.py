"""The whole path of a submitted story through the real Wagtail workflow."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.models import PageLogEntry, TaskState, Workflow

from moderation.models import ScreeningReport, ScreeningTask, StoryReviewTask
from moderation.permissions import MODERATORS_GROUP
from stories.models import StoryPage, Submission
from tests.factories import CLEAN_STORY, PHONE_STORY, story_form_data
from tests.moderation.test_story_queue import queue_row
from tests.stories.test_author_approval import approve_as_author

pytestmark = pytest.mark.django_db


def review_url(submission):
    return f"/admin/story-queue/{submission.story_id}/"


def described(submission):
    """What a moderator confirms each of the submission's photos shows."""
    return {
        f"photo_description_{photo.pk}": f"Photo number {number}"
        for number, photo in enumerate(submission.photos.all(), start=1)
    }


def decide(client, submission, action, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            f"{review_url(submission)}decide/", {"action": action, **data}, follow=True
        )


def test_fresh_install_has_the_story_moderation_workflow(story_index):
    workflow = story_index.get_workflow()
    assert workflow.name == "Story moderation"
    tasks = [wt.task.specific for wt in workflow.workflow_tasks.order_by("sort_order")]
    assert [type(task) for task in tasks] == [ScreeningTask, StoryReviewTask]
    assert [group.name for group in tasks[1].groups.all()] == [MODERATORS_GROUP]
    assert Workflow.objects.filter(name="Story moderation").count() == 1


def test_submission_is_screened_and_waits_in_the_queue(submit, moderator_client):
    submission = submit(body=PHONE_STORY)

    story = StoryPage.objects.get(pk=submission.story_id)
    assert not story.live
    report = ScreeningReport.objects.get(revision=story.latest_revision)
    assert report.counts.get("phone") == 1
    assert report.blocking >= 1
    assert story.current_workflow_task.specific.__class__ is StoryReviewTask

    html = moderator_client.get("/admin/story-queue/").content.decode()
    assert "Phone number: 1" in queue_row(html, story.title)


def test_redact_then_approve_publishes_without_the_redacted_words_and_emails_the_author(
    submit, moderator, moderator_client, django_capture_on_commit_callbacks
):
    submission = submit(body=PHONE_STORY)
    mail.outbox.clear()

    page = moderator_client.get(review_url(submission)).content.decode()
    assert "612-555-0187" in page and "blocks publication" in page
    moderator_client.post(f"{review_url(submission)}redact/", {"category": "phone"})
    approve_as_author(submission)  # publishing waits for it, by default
    response = decide(moderator_client, submission, "approve", django_capture_on_commit_callbacks)

    story = StoryPage.objects.get(pk=submission.story_id)
    assert story.live
    public = moderator_client.get(story.url).content.decode()
    assert "612-555-0187" not in public
    assert "[phone number]" in public
    assert "is approved and published" in response.content.decode()
    submission.refresh_from_db()
    assert submission.state == Submission.State.PUBLISHED
    notice = next(m for m in mail.outbox if m.to == ["rosalind@example.org"])
    assert story.full_url in notice.body
    approval = TaskState.objects.get(task__name="Moderators review", status="approved")
    assert approval.finished_by == moderator
    actions = set(PageLogEntry.objects.filter(page=story).values_list("action", flat=True))
    assert {"sharing.story.redact", "wagtail.workflow.approve", "wagtail.publish"} <= actions


def test_a_spanish_story_is_redacted_with_spanish_placeholders(
    client, story_index, moderator_client, django_capture_on_commit_callbacks, settings
):
    settings.SUBMISSION_RATE = "100/h"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/share/",
            story_form_data(
                title="Las enfermeras de la noche",
                body=(
                    "Las enfermeras de cardiología tuvieron paciencia con cada pregunta. "
                    "Si alguien que espera la misma cirugía quiere hablar, me puede llamar "
                    "al 612-555-0187 por la noche.\n\nAhora camino tres kilómetros al día."
                ),
            ),
            HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9",
        )
    submission = Submission.objects.select_related("story").latest("pk")
    assert submission.story.language == "es"

    review = moderator_client.get(review_url(submission)).content.decode()
    assert "Redact as [número de teléfono]" in review
    moderator_client.post(f"{review_url(submission)}redact/", {"category": "phone"})

    body = StoryPage.objects.get(pk=submission.story_id).get_latest_revision_as_object().body
    assert "612-555-0187" not in body
    assert "[número de teléfono]" in body and "[phone number]" not in body
    # The author is asked about it as a redaction, the placeholder one word of the diff.
    status = client.get(submission.get_status_url()).content.decode()
    assert "<del" in status and "[número de teléfono]" in status


def test_a_number_redacted_from_the_title_is_not_left_in_the_stories_address(
    client, submit, moderator_client, django_capture_on_commit_callbacks
):
    submission = submit(title="Call me on 612-555-0187", body=PHONE_STORY)
    assert "612" in submission.story.slug  # made from the title as sent

    moderator_client.post(f"{review_url(submission)}redact/", {"category": "phone"})
    approve_as_author(submission)
    decide(moderator_client, submission, "approve", django_capture_on_commit_callbacks)

    story = StoryPage.objects.get(pk=submission.story_id)
    assert story.live and story.title == "Call me on [phone number]"
    assert "612" not in story.url and "0187" not in story.url
    assert client.get(story.url).status_code == 200


def test_redacting_one_finding_keeps_the_others(submit, moderator_client):
    submission = submit(body=PHONE_STORY + "\n\nOr email me at rosalind@example.org.")
    report = ScreeningReport.objects.filter(page_id=submission.story_id).latest("pk")
    index = next(i for i, f in enumerate(report.findings) if f["category"] == "email")

    moderator_client.post(f"{review_url(submission)}redact/", {"finding": index})

    body = StoryPage.objects.get(pk=submission.story_id).get_latest_revision_as_object().body
    assert "rosalind@example.org" not in body and "[email address]" in body
    assert "612-555-0187" in body


def test_block_finding_prevents_approval_without_an_override_reason(
    submit, moderator_client, django_capture_on_commit_callbacks
):
    submission = submit(body=PHONE_STORY)

    response = decide(moderator_client, submission, "approve", django_capture_on_commit_callbacks)

    assert "block publication" in response.content.decode()
    assert not StoryPage.objects.get(pk=submission.story_id).live

    decide(
        moderator_client,
        submission,
        "approve",
        django_capture_on_commit_callbacks,
        override_reason="The number is the hospital's public support line.",
    )
    story = StoryPage.objects.get(pk=submission.story_id)
    assert story.live
    override = PageLogEntry.objects.get(page=story, action="sharing.story.override")
    assert override.data["reason"] == "The number is the hospital's public support line."
    assert override.user.username == "moira"


def test_request_changes_then_the_author_edits_and_it_is_approved(
    client, submit, moderator_client, django_capture_on_commit_callbacks
):
    submission = submit(body=PHONE_STORY)

    no_reason = decide(
        moderator_client, submission, "request_changes", django_capture_on_commit_callbacks
    )
    assert "Please give the author a reason." in no_reason.content.decode()
    mail.outbox.clear()
    decide(
        moderator_client,
        submission,
        "request_changes",
        django_capture_on_commit_callbacks,
        comment="Please take out your phone number.",
    )

    submission.refresh_from_db()
    assert submission.state == Submission.State.CHANGES_REQUESTED
    request = next(m for m in mail.outbox if m.to == ["rosalind@example.org"])
    assert "Please take out your phone number." in request.body
    assert submission.get_edit_url() in request.body
    status = client.get(submission.get_status_url()).content.decode()
    assert "Please take out your phone number." in status

    edit = client.get(submission.get_edit_url())
    assert "612-555-0187" in edit.content.decode()
    # As the site commits it: the author's text is sent to the spam check afterwards.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(submission.get_edit_url(), {"title": "Walking again", "body": CLEAN_STORY})

    story = StoryPage.objects.get(pk=submission.story_id)
    report = ScreeningReport.objects.get(revision=story.latest_revision)
    assert report.counts.get("phone") is None
    assert story.current_workflow_task.specific.__class__ is StoryReviewTask
    assert "Walking again" in moderator_client.get("/admin/story-queue/").content.decode()

    decide(moderator_client, submission, "approve", django_capture_on_commit_callbacks)
    story.refresh_from_db()
    assert story.live and story.title == "Walking again"
    assert "612-555-0187" not in client.get(story.url).content.decode()


def test_an_edit_sent_from_a_second_tab_is_shown_again_not_dropped(
    client, submit, moderator_client, django_capture_on_commit_callbacks
):
    submission = submit(body=PHONE_STORY)
    decide(
        moderator_client,
        submission,
        "request_changes",
        django_capture_on_commit_callbacks,
        comment="Please take out your phone number.",
    )
    # The edit page open in two tabs: the first sends the story back.
    client.post(submission.get_edit_url(), {"title": "Walking again", "body": CLEAN_STORY})
    story = StoryPage.objects.get(pk=submission.story_id)
    revision = story.latest_revision_id

    second_text = CLEAN_STORY + " I wrote this in the other tab."
    stale = client.post(
        submission.get_edit_url(), {"title": "Walking again, again", "body": second_text}
    )

    assert stale.status_code == 409
    page = BeautifulSoup(stale.content, "html.parser")
    assert "Your edit was not sent" in page.select_one("[role=alert]").get_text()
    assert page.select_one("#id_body").get_text().strip() == second_text
    assert page.select_one("#id_title")["value"] == "Walking again, again"
    assert page.find("button", string="Send my edited story") is None
    story.refresh_from_db()
    assert story.latest_revision_id == revision


def test_decline_needs_a_reason_which_is_recorded_and_sent(
    client, submit, moderator, moderator_client, django_capture_on_commit_callbacks
):
    submission = submit()
    mail.outbox.clear()

    decide(
        moderator_client,
        submission,
        "decline",
        django_capture_on_commit_callbacks,
        comment="It describes another patient in detail.",
    )

    submission.refresh_from_db()
    story = StoryPage.objects.get(pk=submission.story_id)
    assert submission.state == Submission.State.DECLINED
    assert not story.live and story.current_workflow_state is None
    assert "It describes another patient in detail." in mail.outbox[0].body
    assert (
        "It describes another patient in detail."
        in client.get(submission.get_status_url()).content.decode()
    )
    entry = PageLogEntry.objects.get(page=story, action="sharing.story.decline")
    assert entry.user == moderator
    history = moderator_client.get(f"/admin/pages/{story.pk}/history/").content.decode()
    assert "Declined: It describes another patient in detail." in history
    assert story.title not in moderator_client.get("/admin/story-queue/").content.decode()


def test_a_moderator_without_publish_permission_still_publishes_by_approving(
    submit, moderator, moderator_client, django_capture_on_commit_callbacks
):
    submission = submit()
    story = StoryPage.objects.get(pk=submission.story_id)
    assert not story.permissions_for_user(moderator).can_publish()

    decide(moderator_client, submission, "approve", django_capture_on_commit_callbacks)

    assert StoryPage.objects.get(pk=submission.story_id).live


def test_crisis_language_marks_the_story_urgent_and_shows_resources(
    client, submit, settings, moderator_client
):
    settings.MODERATORS_EMAIL = ["moderators@hospital.example"]
    mail.outbox.clear()
    submission = submit(
        body=CLEAN_STORY + "\n\nSome nights I want to kill myself and I have a plan to do it."
    )

    assert submission.urgent
    urgent = [m for m in mail.outbox if m.to == ["moderators@hospital.example"]]
    assert any("URGENT" in m.subject for m in urgent)
    thanks = client.get(f"/share/received/{submission.status_token}/").content.decode()
    assert "988" in thanks
    assert "988" in client.get(submission.get_status_url()).content.decode()
    queue = moderator_client.get("/admin/story-queue/?urgent=1").content.decode()
    assert queue_row(queue, submission.story.title).startswith("Urgent")


def test_direct_publishing_of_a_submitted_story_goes_through_the_review(
    submit, client, story_index
):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    submission = submit()
    story = StoryPage.objects.get(pk=submission.story_id)
    edit = client.get(f"/admin/pages/{story.pk}/edit/")
    assert edit.status_code == 200

    response = client.post(
        f"/admin/pages/{story.pk}/edit/",
        {
            "title": story.title,
            "slug": story.slug,
            "author_display_name": story.author_display_name,
            "author_role": story.author_role,
            "date": story.date.isoformat(),
            "body": story.body,
            "summary": "",
            "topics": "",
            "language": story.language,
            "photos-TOTAL_FORMS": "0",
            "photos-INITIAL_FORMS": "0",
            "photos-MIN_NUM_FORMS": "0",
            "photos-MAX_NUM_FORMS": "1000",
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == f"/admin/story-queue/{story.pk}/"
    assert not StoryPage.objects.get(pk=story.pk).live


@pytest.mark.parametrize("chosen", ["the story", "the index with its drafts"])
def test_bulk_publishing_from_the_explorer_cannot_publish_a_submitted_story(
    submit, client, story_index, chosen
):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    submission = submit()
    story = StoryPage.objects.get(pk=submission.story_id)
    page = story if chosen == "the story" else story_index
    url = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}"
    assert client.get(url).status_code == 200

    response = client.post(url, {"include_descendants": "on"}, follow=True)

    assert not StoryPage.objects.get(pk=story.pk).live
    assert response.redirect_chain[-1][0] == "/admin/story-queue/"
    html = response.content.decode()
    assert "Nothing was published" in html and story.title in html


def test_contact_details_show_in_the_editor_but_not_in_the_preview(submit, moderator_client):
    submission = submit(body=PHONE_STORY)
    story = StoryPage.objects.get(pk=submission.story_id)

    editor = moderator_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    preview = moderator_client.get(f"/admin/pages/{story.pk}/view_draft/").content.decode()

    assert "rosalind@example.org" in editor
    screening_tab = BeautifulSoup(editor, "html.parser").select_one(".screening-panel")
    assert screening_tab is not None
    tab = screening_tab.get_text(" ", strip=True)
    assert "612-555-0187" in tab and "blocks publication" in tab
    assert "Redact as [phone number]" in tab
    assert "rosalind@example.org" not in preview


def test_approval_makes_the_authors_photo_the_public_hero_image(
    submit, moderator_client, django_capture_on_commit_callbacks
):
    from tests.stories.images import photo

    submission = submit(photos=[photo(with_gps=True)])

    decide(
        moderator_client,
        submission,
        "approve",
        django_capture_on_commit_callbacks,
        **described(submission),
    )

    story = StoryPage.objects.get(pk=submission.story_id)
    assert story.live and story.hero_image is not None
    assert story.hero_image.collection.name == "Submitted photos"
    html = moderator_client.get(story.url).content.decode()
    assert "story__hero-image" in html


def test_withdrawing_a_published_story_deletes_its_public_photos(
    client, submit, moderator_client, django_capture_on_commit_callbacks
):
    from wagtail.images import get_image_model

    from tests.stories.images import photo

    submission = submit(photos=[photo()])
    decide(
        moderator_client,
        submission,
        "approve",
        django_capture_on_commit_callbacks,
        **described(submission),
    )
    assert get_image_model().objects.count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{submission.get_status_url()}withdraw/")

    assert get_image_model().objects.count() == 0
    assert not StoryPage.objects.filter(pk=submission.story_id).exists()


def test_crisis_resources_are_the_ones_the_site_configures(client, submit, story_index):
    from wagtail.models import Site

    from stories.models import CrisisResources

    resources = CrisisResources.for_site(Site.objects.get(is_default_site=True))
    resources.text = "<p>Call the Lakeside crisis team on 0800 111 222.</p>"
    resources.save()

    submission = submit(body=CLEAN_STORY + "\n\nI have decided to end my life this week.")

    thanks = client.get(f"/share/received/{submission.status_token}/").content.decode()
    assert "Lakeside crisis team" in thanks


def test_redaction_from_the_editor_panel_returns_to_the_editor(submit, moderator_client):
    submission = submit(body=PHONE_STORY)
    editor_url = f"/admin/pages/{submission.story_id}/edit/"
    editor = moderator_client.get(editor_url).content.decode()
    assert f'formaction="/admin/story-queue/{submission.story_id}/redact/?next=' in editor

    response = moderator_client.post(
        f"/admin/story-queue/{submission.story_id}/redact/?next={editor_url}",
        {"category": "phone", "title": "anything else the editor form sends"},
    )

    assert response.status_code == 302 and response["Location"] == editor_url
    body = StoryPage.objects.get(pk=submission.story_id).get_latest_revision_as_object().body
    assert "[phone number]" in body


def test_wagtails_own_approve_button_cannot_publish_past_a_blocking_finding(
    submit, moderator, moderator_client
):
    submission = submit(body=PHONE_STORY)
    task_state = TaskState.objects.get(status="in_progress")

    response = moderator_client.post(
        f"/admin/pages/workflow/action/{submission.story_id}/approve/{task_state.pk}/",
        {"override_reason": ""},
    )

    assert response.status_code == 302
    assert response["Location"] == f"/admin/story-queue/{submission.story_id}/"
    assert not StoryPage.objects.get(pk=submission.story_id).live

    moderator_client.post(
        f"/admin/pages/workflow/action/{submission.story_id}/approve/{task_state.pk}/",
        {"override_reason": "It is the hospital's switchboard."},
    )
    assert StoryPage.objects.get(pk=submission.story_id).live


def test_review_page_names_each_finding_as_the_queue_does(submit, moderator_client):
    from bs4 import BeautifulSoup

    submission = submit(body=PHONE_STORY + " My record number is MRN 4471902.")

    html = moderator_client.get(review_url(submission)).content.decode()
    labels = {
        item.get_text(strip=True)
        for item in BeautifulSoup(html, "html.parser").select(".finding-item__category")
    }
    assert "Phone number" in labels
    assert "Record, account or ID number" in labels
    assert not any("_" in label for label in labels)


def test_approval_publishes_every_photo_the_author_sent_in_order(
    client, submit, moderator_client, django_capture_on_commit_callbacks
):
    from bs4 import BeautifulSoup

    from tests.stories.images import photo

    submission = submit(photos=[photo("garden.jpg"), photo("bike.png", image_format="PNG")])

    decide(
        moderator_client,
        submission,
        "approve",
        django_capture_on_commit_callbacks,
        **described(submission),
    )

    story = StoryPage.objects.get(pk=submission.story_id)
    assert [p.image.title for p in story.photos.all()] == [
        f"{story.title} (1)",
        f"{story.title} (2)",
    ]
    assert story.hero_image == story.photos.first().image
    html = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert len(html.select(".story__hero img")) == 1
    gallery = html.select(".story__gallery picture")
    assert len(gallery) == 1  # the second photo, the first being the hero
    # Each browser takes the smallest file it can show: AVIF, WebP, then JPEG, at two widths.
    sources = {source["type"]: source["srcset"] for source in gallery[0].select("source")}
    assert set(sources) == {"image/avif", "image/webp"}
    assert ".format-avif.width-480." in sources["image/avif"]
    assert ".format-avif.width-960." in sources["image/avif"]
    fallback = gallery[0].img
    assert ".format-jpeg." in fallback["src"] and ".width-960." in fallback["srcset"]


def test_the_authors_photo_descriptions_are_confirmed_by_the_moderator_and_published(
    client, submit, moderator_client, django_capture_on_commit_callbacks
):
    from bs4 import BeautifulSoup

    from tests.stories.images import photo

    submission = submit(
        photos=[photo("garden.jpg"), photo("bike.jpg")],
        photo_description_1="The hospital garden with roses",
    )
    first, second = submission.photos.all()
    review = BeautifulSoup(moderator_client.get(review_url(submission)).content, "html.parser")
    assert review.find(id=f"id_photo_description_{first.pk}")["value"] == (
        "The hospital garden with roses"
    )
    assert not review.find(id=f"id_photo_description_{second.pk}").get("value")

    # Photo 2 undescribed: refused, nothing published.
    response = decide(moderator_client, submission, "approve", django_capture_on_commit_callbacks)
    assert "Describe photo 2 for people who cannot see it." in response.content.decode()
    assert not StoryPage.objects.get(pk=submission.story_id).live

    decide(
        moderator_client,
        submission,
        "approve",
        django_capture_on_commit_callbacks,
        **{
            f"photo_description_{first.pk}": "The hospital garden in June, roses by a bench",
            f"photo_description_{second.pk}": "A red bicycle leaning on a fence",
        },
    )

    story = StoryPage.objects.get(pk=submission.story_id)
    assert story.live
    page = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert page.select_one(".story__hero img")["alt"] == (
        "The hospital garden in June, roses by a bench"
    )
    assert [img["alt"] for img in page.select(".story__gallery img")] == [
        "A red bicycle leaning on a fence"
    ]


def test_a_photo_description_with_contact_details_is_not_published(
    submit, moderator_client, django_capture_on_commit_callbacks
):
    from tests.stories.images import photo

    submission = submit(photos=[photo()], photo_description_1="Call me on 612-555-0187")
    (submitted,) = submission.photos.all()

    # The moderator approves with the author's words, as the form fills them in.
    response = decide(
        moderator_client,
        submission,
        "approve",
        django_capture_on_commit_callbacks,
        **{f"photo_description_{submitted.pk}": submitted.description},
    )

    from bs4 import BeautifulSoup

    told = BeautifulSoup(response.content, "html.parser").select_one(".messages").get_text()
    assert "Photo 1's description has" in told
    assert "612-555-0187" in told  # shown to the moderator, to take out
    assert not StoryPage.objects.get(pk=submission.story_id).live


def test_a_published_storys_pictures_are_made_before_a_reader_asks_for_them(
    client, submit, moderator_client, django_capture_on_commit_callbacks
):
    """AVIF takes a second or more to encode: the first reader must not wait for it."""
    from wagtail.images import get_image_model

    from tests.stories.images import photo

    renditions = get_image_model().get_rendition_model().objects
    submission = submit(photos=[photo("garden.jpg"), photo("bike.jpg")])

    decide(
        moderator_client,
        submission,
        "approve",
        django_capture_on_commit_callbacks,
        **described(submission),
    )

    # The hero at two widths and as a card at two sizes, the other photo at two widths,
    # each as AVIF, WebP and JPEG.
    assert renditions.filter(filter_spec__startswith="format-avif").count() == 6
    made = renditions.count()
    story = StoryPage.objects.get(pk=submission.story_id)
    assert client.get(story.url).status_code == 200
    assert client.get(story.get_parent().url).status_code == 200
    assert renditions.count() == made


def test_a_story_moderator_takes_a_published_story_off_the_site_and_its_author_is_told(
    client, submit, moderator_client, django_capture_on_commit_callbacks
):
    submission = submit()
    decide(moderator_client, submission, "approve", django_capture_on_commit_callbacks)
    story = StoryPage.objects.get(pk=submission.story_id)
    assert client.get(story.url).status_code == 200

    response = moderator_client.post(f"/admin/pages/{story.pk}/unpublish/", follow=True)

    assert response.status_code == 200
    assert not StoryPage.objects.get(pk=story.pk).live
    assert client.get(story.url).status_code == 404
    unpublished = PageLogEntry.objects.get(page=story, action="wagtail.unpublish")
    assert unpublished.user.username == "moira"
    status = client.get(f"/share/status/{submission.status_token}/").content.decode()
    assert "A moderator has taken your story off the site" in status
    assert "Read your story on the site" not in status


def test_an_editor_cannot_take_a_submitted_story_off_the_site(
    client, submit, moderator_client, django_capture_on_commit_callbacks
):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    submission = submit()
    decide(moderator_client, submission, "approve", django_capture_on_commit_callbacks)
    editor = get_user_model().objects.create_user("eddie", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    response = client.post(f"/admin/pages/{submission.story_id}/unpublish/")

    assert response.status_code in (302, 403)
    assert StoryPage.objects.get(pk=submission.story_id).live
