import pytest
from django.core.cache import cache

from stories.models import StoryPage, Submission
from tests.factories import story_form_data as story_data
from tests.stories.images import photo
from tests.stories.test_submission import SHARE_URL

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(client, story_index):
    cache.clear()
    client.post(SHARE_URL, story_data(photos=[photo()]))
    return Submission.objects.get()


@pytest.mark.parametrize(
    ("state", "reason", "expected"),
    [
        ("received", "", "waiting for a moderator"),
        ("in_review", "", "A moderator is reading it"),
        ("changes_requested", "Please remove your neighbour's name.", "Changes requested"),
        ("declined", "It describes another patient in detail.", "Not published"),
    ],
)
def test_status_page_shows_each_state_and_the_reason(client, submission, state, reason, expected):
    submission.state, submission.state_reason = state, reason
    submission.save()

    response = client.get(submission.get_status_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert expected in html
    assert submission.reference in html
    if reason:
        assert reason.replace("'", "&#x27;") in html
    assert response["Cache-Control"].startswith("max-age=0")
    assert "rosalind@example.org" not in html


def test_status_page_of_a_published_story_links_to_it(client, submission):
    story = submission.story.specific
    story.save_revision().publish()
    submission.state = Submission.State.PUBLISHED
    submission.save()

    html = client.get(submission.get_status_url()).content.decode()

    assert "Published." in html
    assert f'href="{story.url}"' in html


def test_wrong_token_is_a_404(client, submission):
    assert client.get("/share/status/not-the-right-token/").status_code == 404
    assert client.get(submission.get_status_url()[:-5] + "xxxx/").status_code == 404
    assert client.post("/share/status/not-the-right-token/withdraw/").status_code == 404


def test_withdrawal_asks_for_confirmation_first(client, submission):
    response = client.get(f"{submission.get_status_url()}withdraw/")
    assert response.status_code == 200
    assert "Yes, withdraw my story" in response.content.decode()
    submission.refresh_from_db()
    assert submission.state == Submission.State.RECEIVED


def test_withdrawal_unpublishes_and_erases_contact_details_and_photos(
    client, submission, django_capture_on_commit_callbacks
):
    story = submission.story.specific
    story.save_revision().publish()
    assert client.get(story.url).status_code == 200
    photo_name = submission.photos.get().file.name

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{submission.get_status_url()}withdraw/", follow=True)

    submission.refresh_from_db()
    assert submission.state == Submission.State.WITHDRAWN
    assert submission.withdrawn_at is not None
    assert submission.contact_email == "" and submission.contact_phone == ""
    assert submission.name == "" and submission.ip_hash == ""
    assert not submission.photos.exists()
    assert not submission.photos.model.file.field.storage.exists(photo_name)
    assert not StoryPage.objects.filter(pk=story.pk).exists()  # erased, not just unpublished
    assert submission.story is None and submission.erased_at is not None
    assert client.get(story.url).status_code == 404
    assert "Withdrawn." in response.content.decode()
    assert "Withdraw my story" not in response.content.decode()


def test_withdrawing_twice_is_harmless(client, submission):
    client.post(f"{submission.get_status_url()}withdraw/")
    response = client.post(f"{submission.get_status_url()}withdraw/")
    assert response.status_code == 302
    assert Submission.objects.get().state == Submission.State.WITHDRAWN


def test_after_a_withdrawal_the_page_shows_no_empty_thread_with_the_moderators(
    client, submission, django_capture_on_commit_callbacks
):
    client.post(f"{submission.get_status_url()}messages/", {"body": "When will you read it?"})
    assert "When will you read it?" in client.get(submission.get_status_url()).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{submission.get_status_url()}withdraw/", follow=True)

    html = response.content.decode()
    assert "Withdrawn." in html
    assert "When will you read it?" not in html  # the thread was erased with the story
    assert "Messages with the moderators" not in html  # and no heading over nothing
