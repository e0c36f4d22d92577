"""The official response: a responder writes one per published story, the screen reads
it, a moderator approves it, and only then readers see it under the story, signed
with the responder's first name and role."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import GroupCollectionPermission, GroupPagePermission, ModelLogEntry

from moderation.permissions import RESPONDERS_GROUP
from sharing import page_cache
from stories.models import OfficialResponse, Submission
from stories.services import erase_submission
from tests.factories import CommentFactory, SubmissionFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "Thank you for telling us about your night on the ward. We have shared your story "
    "with the nursing team, and we would like to hear more if you wish to talk."
)
ROLE = "Patient experience lead"


@pytest.fixture
def responder(story_index):
    user = UserFactory(
        username="rhea", first_name="Rhea Mae", last_name="Okonkwo", email="rhea@hospital.example"
    )
    user.groups.add(Group.objects.get(name=RESPONDERS_GROUP))
    return user


@pytest.fixture
def story(make_story):
    story = make_story(title="A long night on ward 4", author_display_name="Dana")
    SubmissionFactory(story=story, contact_email="dana@example.org")
    return story


def write(client, story, text=TEXT, role=ROLE, **extra):
    return client.post(f"/admin/responses/{story.pk}/", {"text": text, "role": role, **extra})


def decide(client, response, action, reason=""):
    return client.post(
        f"/admin/response-queue/{response.pk}/decide/", {"action": action, "reason": reason}
    )


@pytest.fixture
def pending(client, story, responder):
    client.force_login(responder)
    assert write(client, story).status_code == 302
    client.logout()
    return OfficialResponse.objects.get(story=story)


def test_the_responders_group_holds_the_admin_and_writing_responses_and_nothing_else(
    story_index,
):
    group = Group.objects.get(name=RESPONDERS_GROUP)

    permissions = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    assert permissions == {"wagtailadmin.access_admin", "stories.write_official_responses"}
    assert not GroupPagePermission.objects.filter(group=group).exists()
    assert not GroupCollectionPermission.objects.filter(group=group).exists()


def test_a_responders_response_waits_for_a_moderator_and_readers_see_nothing_of_it(
    client, story, responder, moderator
):
    client.force_login(responder)
    response = write(client, story)

    assert response.status_code == 302
    official = OfficialResponse.objects.get(story=story)
    assert official.state == OfficialResponse.State.PENDING
    assert official.signed_name == "Rhea" and official.signed_role == ROLE
    responder.refresh_from_db()
    assert responder.role == ROLE  # the next response starts from it

    client.logout()
    page = client.get(story.url).content.decode()
    assert "thank you for telling us" not in page.lower()
    assert "Response from" not in page

    client.force_login(moderator)
    queue = client.get("/admin/response-queue/").content.decode()
    assert "A long night on ward 4" in queue
    assert "Rhea, Patient experience lead" in queue


def test_a_responder_cannot_approve_their_response_nor_open_the_queue(client, pending, responder):
    client.force_login(responder)

    assert client.get("/admin/response-queue/").status_code == 302
    assert decide(client, pending, "approve").status_code == 302

    pending.refresh_from_db()
    assert pending.state == OfficialResponse.State.PENDING
    assert pending.published_at is None


def test_a_moderator_who_also_wrote_the_response_cannot_approve_it(client, story, moderator):
    moderator.groups.add(Group.objects.get(name=RESPONDERS_GROUP))
    client.force_login(moderator)
    write(client, story)
    official = OfficialResponse.objects.get()

    response = decide(client, official, "approve")

    assert response.status_code == 400
    assert "another moderator must review it" in response.content.decode()
    official.refresh_from_db()
    assert official.published_at is None


def test_the_approved_response_is_shown_under_the_story_with_first_name_and_role_only(
    client, story, pending, moderator
):
    client.force_login(moderator)
    response = decide(client, pending, "approve", reason="Kind and clear.")
    assert response.status_code == 302

    client.logout()
    page = client.get(story.url).content.decode()
    assert "Response from Sharing" in page
    assert "Thank you for telling us about your night on the ward." in page
    assert "Rhea, Patient experience lead" in page
    assert "Okonkwo" not in page and "rhea@hospital.example" not in page and "Mae" not in page

    entry = ModelLogEntry.objects.for_instance(pending).get(action="sharing.response.approve")
    assert entry.user == moderator
    assert entry.data == {"reason": "Kind and clear."}
    assert entry.timestamp is not None


def test_a_response_in_another_language_is_marked_as_such_for_readers_and_screen_readers(
    client, story, responder, moderator
):
    """An English page with a Spanish response: the response says it is Spanish."""
    client.force_login(responder)
    form = client.get(f"/admin/responses/{story.pk}/").content.decode()
    assert '<option value="en" selected>' in form  # the story's language, to start with
    spanish = "Gracias por contarnos su noche en la planta. Hemos compartido su historia."
    assert (
        write(client, story, text=spanish, role="Atención al paciente", language="es").status_code
        == 302
    )
    response = OfficialResponse.objects.get(story=story)
    assert response.language == "es"
    client.force_login(moderator)
    review = client.get(f"/admin/response-queue/{response.pk}/").content.decode()
    assert "Written in Spanish" in review
    decide(client, response, "approve")
    client.logout()

    page = BeautifulSoup(client.get(story.url).content, "html.parser")

    text = page.select_one(".official-response__text")
    assert text["lang"] == "es" and "Gracias por contarnos" in text.get_text()
    assert page.select_one(".official-response__signature span[lang=es]").get_text() == (
        "Atención al paciente"
    )
    # Read in Spanish, the same page marks nothing: the response is in the page's language.
    spanish_page = BeautifulSoup(
        client.get(story.url, HTTP_ACCEPT_LANGUAGE="es").content, "html.parser"
    )
    assert not spanish_page.select(".official-response [lang]")


def test_a_language_not_offered_is_refused_with_a_clear_message(client, story, responder):
    client.force_login(responder)

    response = write(client, story, language="xx")

    assert response.status_code == 400
    assert "Choose the language from the list." in response.content.decode()
    assert not OfficialResponse.objects.filter(story=story).exists()


def test_the_screen_reads_the_response_and_its_findings_show_to_the_moderator(
    client, story, responder, moderator
):
    client.force_login(responder)
    write(client, story, text="Mr. Bellamy on ward 4 will call you on 612-555-0187 next week.")
    official = OfficialResponse.objects.get()
    categories = {finding["category"] for finding in official.findings}
    assert {"name", "phone"} <= categories
    assert official.blocking_findings

    client.force_login(moderator)
    review = client.get(f"/admin/response-queue/{official.pk}/").content.decode()
    assert '<mark class="finding finding--block"' in review
    assert "612-555-0187" in review
    assert "must not be published as it is" in review

    refused = decide(client, official, "approve")
    assert refused.status_code == 400
    assert "Send the response back" in refused.content.decode()
    official.refresh_from_db()
    assert official.published_at is None
    assert "612-555-0187" not in client.get(story.url).content.decode()


def test_sending_back_needs_a_reason_which_the_responder_reads_and_the_log_keeps(
    client, pending, moderator, responder, story
):
    client.force_login(moderator)

    no_reason = decide(client, pending, "send_back")
    assert no_reason.status_code == 400
    assert "Say why it goes back" in no_reason.content.decode()

    assert decide(client, pending, "send_back", reason="Please do not name the ward.").status_code
    pending.refresh_from_db()
    assert pending.state == OfficialResponse.State.SENT_BACK
    entry = ModelLogEntry.objects.for_instance(pending).get(action="sharing.response.send_back")
    assert (entry.user, entry.data["reason"]) == (moderator, "Please do not name the ward.")

    client.force_login(responder)
    page = client.get(f"/admin/responses/{story.pk}/").content.decode()
    assert "Please do not name the ward." in page


def test_a_story_has_one_response_and_a_second_new_one_is_refused_clearly(
    client, story, pending, story_index
):
    other = UserFactory(username="omar", first_name="Omar")
    other.groups.add(Group.objects.get(name=RESPONDERS_GROUP))
    client.force_login(other)

    # Omar opened the form before Rhea sent hers: his post names no response.
    response = write(client, story, text="A second response from someone else.")

    assert response.status_code == 400
    html = response.content.decode()
    assert "This story already has its official response" in html
    assert "A second response from someone else." in html  # what he typed is kept
    assert OfficialResponse.objects.count() == 1
    assert OfficialResponse.objects.get().text == TEXT


def test_an_edit_of_a_published_response_goes_through_review_again(
    client, story, pending, moderator, responder
):
    client.force_login(moderator)
    decide(client, pending, "approve")

    client.force_login(responder)
    edited = write(
        client, story, text="We have changed how nights are staffed.", response=pending.pk
    )
    assert edited.status_code == 302
    pending.refresh_from_db()
    assert pending.state == OfficialResponse.State.PENDING

    client.logout()
    page = client.get(story.url).content.decode()
    assert "Thank you for telling us about your night on the ward." in page
    assert "We have changed how nights are staffed." not in page

    client.force_login(moderator)
    decide(client, pending, "approve")
    client.logout()
    page = client.get(story.url).content.decode()
    assert "We have changed how nights are staffed." in page
    assert "Thank you for telling us" not in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "", "role": ROLE}, "Write the response."),
        ({"text": TEXT, "role": ""}, "Give your role"),
        ({"text": "x" * 3001, "role": ROLE}, "The response can be at most 3,000 characters"),
        ({"text": TEXT, "role": "r" * 81}, "Your role can be at most 80 characters"),
    ],
)
def test_a_bad_response_gets_a_clear_message_and_nothing_is_stored(
    client, story, responder, data, message
):
    client.force_login(responder)

    response = write(client, story, **data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not OfficialResponse.objects.exists()


def test_a_responder_without_a_first_name_is_told_to_add_one(client, story, story_index):
    nameless = UserFactory(username="nameless", first_name="")
    nameless.groups.add(Group.objects.get(name=RESPONDERS_GROUP))
    client.force_login(nameless)

    response = write(client, story)

    assert response.status_code == 400
    assert "add it in your account settings" in response.content.decode()
    assert not OfficialResponse.objects.exists()


def test_only_a_published_story_can_be_answered(client, make_story, responder):
    draft = make_story(live=False)
    client.force_login(responder)

    assert client.get(f"/admin/responses/{draft.pk}/").status_code == 404
    assert write(client, draft).status_code == 404


def test_an_editor_or_a_reader_can_neither_write_nor_review(
    client, story, pending, django_user_model
):
    editor = django_user_model.objects.create_user("eddie", password="pw", first_name="Ed")
    editor.groups.add(Group.objects.get(name="Editors"))
    reader = django_user_model.objects.create_user("reader", password="pw", first_name="Ree")
    for user in (editor, reader):
        client.force_login(user)
        assert client.get(f"/admin/responses/{story.pk}/").status_code == 302
        assert (
            write(client, story, text="Not mine to write.", response=pending.pk).status_code == 302
        )
        assert decide(client, pending, "approve").status_code == 302
    pending.refresh_from_db()
    assert (pending.text, pending.state) == (TEXT, OfficialResponse.State.PENDING)


def test_a_superuser_may_review_and_write(client, story, pending, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(root)

    assert client.get("/admin/responses/").status_code == 200
    assert decide(client, pending, "approve").status_code == 302
    pending.refresh_from_db()
    assert pending.state == OfficialResponse.State.PUBLISHED


def test_the_author_is_mailed_from_the_worker_once_the_response_appears(
    client,
    story,
    pending,
    moderator,
    responder,
    database_worker,
    django_capture_on_commit_callbacks,
    settings,
):
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, pending, "approve")
    assert mail.outbox == []  # queued, not sent in the request

    database_worker()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dana@example.org"]
    assert "Sharing has answered your story" in message.subject
    assert f"{settings.WAGTAILADMIN_BASE_URL}{story.url}#official-response" in message.body
    assert "Rhea" not in message.body  # nothing of the responder

    # An approved edit is not news to the author: no second mail.
    client.force_login(responder)
    write(client, story, text="An edited response.", response=pending.pk)
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, pending, "approve")
    database_worker()
    assert len(mail.outbox) == 1


def test_erasing_the_story_leaves_nothing_of_its_response(client, story, pending, moderator):
    client.force_login(moderator)
    decide(client, pending, "approve", reason="Fine.")

    erase_submission(story.submission)

    assert not OfficialResponse.objects.exists()
    assert not ModelLogEntry.objects.filter(
        content_type__app_label="stories", content_type__model="officialresponse"
    ).exists()


def test_the_story_page_takes_the_same_queries_with_a_response_and_3_or_60_comments(
    client, story, pending, moderator, make_story, django_assert_max_num_queries, settings
):
    settings.COMMENT_THREADS_PER_PAGE = 100
    client.force_login(moderator)
    decide(client, pending, "approve")
    client.logout()
    for _ in range(3):
        CommentFactory(target=story)
    client.get(story.url)  # warm the site and content-type caches

    page_cache.purge()  # the page as it is made, not as the page cache keeps it
    with CaptureQueriesContext(connection) as small:
        small_page = client.get(story.url).content.decode()
    assert 0 < len(small) <= 16

    for _ in range(57):
        CommentFactory(target=story)
    page_cache.purge()
    with django_assert_max_num_queries(len(small)):
        large_page = client.get(story.url).content.decode()

    assert "Response from Sharing" in small_page and "Response from Sharing" in large_page
    assert large_page.count('class="comment"') == 60


def test_the_responders_list_and_the_queue_take_the_same_queries_for_2_and_20_stories(
    client, make_story, responder, moderator, django_assert_max_num_queries
):
    def add(count):
        for _ in range(count):
            story = make_story()
            OfficialResponse.objects.create(
                story=story,
                text=TEXT,
                signed_name="Rhea",
                signed_role=ROLE,
                responder=responder,
                submitted_at=timezone.now(),
            )

    def queries(user, url):
        client.force_login(user)
        client.get(url)  # warm the caches (site, content types, permissions)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    add(2)
    small = {
        "list": queries(responder, "/admin/responses/"),
        "queue": queries(moderator, "/admin/response-queue/"),
    }
    assert small["list"] <= 25 and small["queue"] <= 25

    add(18)
    client.force_login(responder)
    with django_assert_max_num_queries(small["list"]):
        listing = client.get("/admin/responses/").content.decode()
    client.force_login(moderator)
    with django_assert_max_num_queries(small["queue"]):
        queue = client.get("/admin/response-queue/").content.decode()
    assert listing.count("Waiting for a moderator") == 20
    assert queue.count("/admin/response-queue/") >= 20


def test_an_approved_response_appears_at_once_on_a_cached_story_page(
    client, story, pending, moderator
):
    reader = Client()  # no session: served from the page cache
    assert "Response from" not in reader.get(story.url).content.decode()
    assert "Response from" not in reader.get(story.url).content.decode()

    client.force_login(moderator)
    decide(client, pending, "approve")

    assert "Response from Sharing" in reader.get(story.url).content.decode()


def test_an_author_who_wrote_in_spanish_is_told_of_the_response_in_spanish(
    client, story, pending, moderator, database_worker, django_capture_on_commit_callbacks
):
    Submission.objects.filter(story=story).update(language="es")
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, pending, "approve")

    database_worker()

    [message] = mail.outbox
    assert message.subject == "Sharing ha respondido a su historia"
    assert f"Sharing ha publicado su respuesta oficial a su historia «{story.title}»." in (
        message.body
    )
    assert "Léala debajo de su historia:" in message.body
    assert "has published its official response" not in message.body


def test_the_response_queue_dates_a_response_as_wagtails_own_listings_do(
    client, pending, moderator
):
    """As the submissions list and Wagtail's pages: how long ago, the date and time
    in the site's format on hover, not a date printed in a format of its own."""
    from bs4 import BeautifulSoup
    from django.utils import formats, timezone

    client.force_login(moderator)
    html = client.get("/admin/response-queue/").content.decode()

    when = BeautifulSoup(html, "html.parser").select_one(".w-human-readable-date")
    assert when is not None
    assert when.time["datetime"] == timezone.localtime(pending.submitted_at).isoformat()
    tooltip = formats.date_format(timezone.localtime(pending.submitted_at), "DATETIME_FORMAT")
    assert when["data-w-tooltip-content-value"] == tooltip
