import io

import pytest
from django.core import mail
from django.urls import reverse
from PIL import Image

from stories.consent import CONSENT_VERSION
from stories.models import StoryPage, Submission
from tests.factories import STORY_TEXT, TopicFactory, story_form_data
from tests.stories.images import decompression_bomb, photo, text_file_named_jpg

pytestmark = pytest.mark.django_db

SHARE_URL = "/share/"


story_data = story_form_data


def test_share_form_is_linked_from_the_home_page(client, story_index):
    html = client.get("/").content.decode()
    assert f'href="{SHARE_URL}"' in html
    response = client.get(SHARE_URL)
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_valid_submission_creates_one_draft_story_and_one_submission_and_emails(
    client, story_index, django_capture_on_commit_callbacks
):
    topic = TopicFactory(name="Caregiving")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SHARE_URL, story_data(topics=[topic.slug]))

    submission = Submission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("stories:received", args=[submission.status_token])
    story = StoryPage.objects.get()
    assert submission.story_id == story.pk
    assert not story.live and story.get_parent().pk == story_index.pk
    assert story.latest_revision is not None
    assert story.body == STORY_TEXT
    assert story.author_display_name == "Rosalind"
    assert list(story.topics.all()) == [topic]
    assert submission.contact_email == "rosalind@example.org"
    assert submission.contact_phone == "+16125550199"
    assert submission.consent_version == CONSENT_VERSION
    assert submission.consent_given_at is not None
    assert submission.state == Submission.State.RECEIVED
    assert len(submission.status_token) >= 40
    assert submission.ip_hash and "127.0.0.1" not in submission.ip_hash

    receipt = next(m for m in mail.outbox if m.to == ["rosalind@example.org"])
    assert submission.reference in receipt.subject
    assert submission.get_status_url() in receipt.body


def test_moderators_are_told_of_a_new_submission(
    client, story_index, settings, django_capture_on_commit_callbacks
):
    settings.MODERATORS_EMAIL = ["moderators@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SHARE_URL, story_data())
    notice = next(m for m in mail.outbox if m.to == ["moderators@example.org"])
    assert Submission.objects.get().reference in notice.subject
    assert "rosalind@example.org" not in notice.body


def test_thank_you_page_shows_the_reference_and_what_happens_next(client, story_index):
    response = client.post(SHARE_URL, story_data(), follow=True)
    html = response.content.decode()
    submission = Submission.objects.get()
    assert submission.reference in html
    assert "What happens next" in html
    assert submission.get_status_url() in html
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_contact_details_appear_on_no_public_page(client, story_index):
    client.post(SHARE_URL, story_data())
    story = StoryPage.objects.get()
    story.save_revision().publish()

    for url in ["/", "/stories/", story.url, "/feed/", "/sitemap.xml", "/search/?q=night"]:
        html = client.get(url).content.decode()
        assert "rosalind@example.org" not in html, url
        assert "555-0199" not in html and "5550199" not in html, url
        assert "Keane" not in html, url


def test_anonymous_story_publishes_no_name(client, story_index):
    client.post(SHARE_URL, story_data(naming="anonymous", name=""))
    assert StoryPage.objects.get().author_display_name == ""


def test_name_is_needed_unless_anonymous(client, story_index):
    response = client.post(SHARE_URL, story_data(naming="full", name=""))
    assert response.status_code == 400
    assert "Please tell us the name to publish" in response.content.decode()
    assert not Submission.objects.exists()


def test_invalid_input_keeps_what_was_typed_and_shows_field_errors(client, story_index):
    response = client.post(SHARE_URL, story_data(email="not-an-email", phone="12", consent=None))

    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter a valid email address." in html
    assert "doesn&#x27;t look like a phone number" in html
    assert "Please tick the box to agree" in html
    assert "The night shift that saw me through" in html
    assert "They explained every machine" in html
    assert 'value="not-an-email"' in html
    assert not Submission.objects.exists() and not StoryPage.objects.exists()


def test_oversized_story_gets_a_clear_error(client, story_index, settings):
    response = client.post(SHARE_URL, story_data(body="a" * (settings.STORY_MAX_CHARS + 1)))
    assert response.status_code == 400
    assert "Your story can be at most 20,000 characters" in response.content.decode()


def test_employee_must_confirm_speaking_for_themselves_and_patient_permission(client, story_index):
    response = client.post(SHARE_URL, story_data(role="employee"))
    assert response.status_code == 400
    html = response.content.decode()
    for field in ("employee_speaks_for_self", "employee_has_patient_permission"):
        errors = html.index(f'id="id_{field}_error"')
        assert "Staff and volunteers need to confirm" in html[errors : errors + 300]
    # ... and once each in the summary at the top of the form
    assert html.count("Staff and volunteers need to confirm") == 4

    client.post(
        SHARE_URL,
        story_data(
            role="employee",
            employee_speaks_for_self="on",
            employee_has_patient_permission="on",
        ),
    )
    submission = Submission.objects.get()
    assert submission.employee_speaks_for_self and submission.employee_has_patient_permission


def test_html_in_the_story_is_kept_as_typed_and_never_rendered_as_html(client, story_index):
    """Stored as typed (issue: nh3 over plain text dropped words); escaped when shown."""
    body = (
        STORY_TEXT
        + '\n\n<script>alert("x")</script><b onmouseover="steal()">bold</b> '
        + '<a href="javascript:alert(1)">link</a> & done'
    )
    client.post(SHARE_URL, story_data(body=body, title="<i>Night</i> shift"))

    story = StoryPage.objects.get()
    assert story.body == body and story.title == "<i>Night</i> shift"
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert "<script>alert" not in html and "<b onmouseover" not in html
    assert '<a href="javascript:' not in html
    assert "&lt;b onmouseover=&quot;steal()&quot;&gt;bold&lt;/b&gt;" in html
    assert "&lt;i&gt;Night&lt;/i&gt; shift" in html


def test_honeypot_filled_in_creates_nothing(client, story_index):
    response = client.post(SHARE_URL, story_data(website="http://spam.example"))
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_rate_limit_stops_the_sixth_story_within_the_hour_and_keeps_the_text(client, story_index):
    for _ in range(5):
        assert client.post(SHARE_URL, story_data()).status_code == 302

    response = client.post(SHARE_URL, story_data(title="One story too many"))

    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait an hour" in html
    assert "One story too many" in html
    assert Submission.objects.count() == 5


def test_invalid_attempts_do_not_count_towards_the_rate_limit(client, story_index):
    for _ in range(6):
        client.post(SHARE_URL, story_data(email="oops"))
    assert client.post(SHARE_URL, story_data()).status_code == 302


def test_photo_is_stored_without_exif_or_gps(client, story_index):
    client.post(SHARE_URL, story_data(photos=[photo(with_gps=True)]))

    stored = Submission.objects.get().photos.get()
    with stored.file.open("rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
        assert image.format == "JPEG"
        assert image.size == (64, 48)
        assert not image.getexif()
        assert "exif" not in image.info and "icc_profile" not in image.info


def test_png_and_webp_photos_are_accepted(client, story_index):
    photos = [photo("a.png", image_format="PNG"), photo("b.webp", image_format="WEBP")]
    client.post(SHARE_URL, story_data(photos=photos))
    assert sorted(Submission.objects.get().photos.values_list("content_type", flat=True)) == [
        "image/png",
        "image/webp",
    ]


def test_photos_are_not_public_before_approval(client, story_index):
    client.post(SHARE_URL, story_data(photos=[photo()]))
    stored = Submission.objects.get().photos.get()
    assert client.get(f"/media/{stored.file.name}").status_code == 404


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (text_file_named_jpg, "is not a photo we can use"),
        (decompression_bomb, "has too many pixels"),
    ],
)
def test_bad_photos_get_a_clear_error(client, story_index, upload, message):
    response = client.post(SHARE_URL, story_data(photos=[upload()]))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "They explained every machine" in response.content.decode()
    assert not Submission.objects.exists()


def test_oversized_photo_gets_a_clear_error(client, story_index, settings):
    settings.PHOTO_MAX_BYTES = 200
    response = client.post(SHARE_URL, story_data(photos=[photo(size=(300, 300))]))
    assert response.status_code == 400
    assert "is larger than" in response.content.decode()


def test_photo_with_too_many_pixels_gets_a_clear_error(client, story_index, settings):
    settings.PHOTO_MAX_PIXELS = 1000
    response = client.post(SHARE_URL, story_data(photos=[photo(size=(100, 100))]))
    assert response.status_code == 400
    assert "has too many pixels" in response.content.decode()


def test_more_than_three_photos_are_refused(client, story_index):
    response = client.post(SHARE_URL, story_data(photos=[photo(f"{i}.jpg") for i in range(4)]))
    assert response.status_code == 400
    assert "at most 3 photos" in response.content.decode()


def test_each_photo_can_be_described_and_a_description_needs_its_photo(client, story_index):
    from bs4 import BeautifulSoup

    response = client.post(
        SHARE_URL,
        story_data(photos=[photo()], photo_description_1="Me", photo_description_2="My dog"),
    )

    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    field = page.find(id="id_photo_description_2")
    errors = page.find(id=field["aria-describedby"].split()[-1])
    assert "You described photo 2 but chose 1" in errors.get_text()
    assert page.find(id="id_photo_description_1")["value"] == "Me"  # kept as typed

    response = client.post(
        SHARE_URL,
        story_data(photos=[photo(), photo("b.jpg")], photo_description_2="My dog on the ward"),
    )

    assert response.status_code == 302
    photos = Submission.objects.get().photos.all()
    assert [p.description for p in photos] == ["", "My dog on the ward"]


def test_mail_server_down_loses_nothing(
    client, story_index, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    settings.MODERATORS_EMAIL = ["moderators@example.org"]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SHARE_URL, story_data(), follow=True)

    assert response.status_code == 200
    assert mail.outbox == []
    submission = Submission.objects.get()
    assert submission.reference in response.content.decode()
    assert StoryPage.objects.get().pk == submission.story_id
    assert "send_submission_received gave up after 4 attempts" in caplog.text


def test_form_without_a_csrf_token_is_refused(story_index):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(SHARE_URL, story_data())
    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_a_story_sent_while_the_cache_is_down_is_received_and_queued(client, story_index, settings):
    """Redis refusing connections costs the rate limit and the spam check's IP
    address, never the story nor its place in the moderators' queue."""
    from moderation.queue import story_queue

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }

    response = client.post(SHARE_URL, story_data())

    assert response.status_code == 302
    submission = Submission.objects.get()
    assert response.url == reverse("stories:received", args=[submission.status_token])
    assert list(story_queue().values_list("pk", flat=True)) == [submission.story_id]


def test_a_rate_limited_story_is_refused_before_its_photos_are_read(client, story_index, settings):
    settings.SUBMISSION_RATE = "1/h"
    assert client.post(SHARE_URL, story_data()).status_code == 302

    response = client.post(
        SHARE_URL, story_data(title="Again, with photos", photos=[text_file_named_jpg()])
    )

    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait an hour" in html and "Again, with photos" in html
    assert "is not a photo we can use" not in html  # the upload was never opened


def test_signed_in_staff_do_not_use_up_the_rate_limit_of_their_address(
    client, story_index, settings, moderator
):
    settings.SUBMISSION_RATE = "1/h"
    client.force_login(moderator)
    for _ in range(3):
        assert client.post(SHARE_URL, story_data()).status_code == 302

    client.logout()
    assert client.post(SHARE_URL, story_data()).status_code == 302  # the public's one
    assert client.post(SHARE_URL, story_data()).status_code == 429
