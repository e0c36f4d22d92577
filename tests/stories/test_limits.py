"""Limits on what the public forms accept: stated on the form, enforced by the
form with the person's text kept and a message at the field, and past Django's
own limits a page that explains them instead of a bare "Bad Request"."""

import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from stories.forms import FILE_NAME_MAX_CHARS
from stories.models import Submission
from tests.factories import STORY_TEXT, SubmissionFactory, story_form_data
from tests.stories.images import photo

pytestmark = pytest.mark.django_db

SHARE_URL = "/share/"
EMOJI = "\U0001f49b"  # four bytes in UTF-8


def undecodable_png(name, width=8000, height=5000):
    """A PNG whose header declares width×height pixels (40 megapixels by default,
    at the limit) and whose pixel data is garbage: it passes every check that reads
    only the header, and fails as soon as anything decodes it."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", b"not zlib data" * 64)
        + chunk(b"IEND", b"")
    )
    return SimpleUploadedFile(name, png, content_type="image/png")


def error_of(html, field):
    """The text of a field's error list, checking that its input points to it."""
    error_id = f"id_{field}_error"
    assert f'id="{error_id}"' in html
    assert f'aria-describedby="id_{field}_helptext {error_id}"' in html or (
        f'aria-describedby="{error_id}"' in html
    )
    start = html.index(f'id="{error_id}"')
    return html[start : html.index("</ul>", start)]


def test_the_share_form_states_its_limits_tied_to_the_fields(client, story_index):
    html = client.get(SHARE_URL).content.decode()

    assert "in 100 to 20,000 characters" in html
    assert 'aria-describedby="id_body_helptext"' in html
    assert "Up to 120 characters." in html and 'aria-describedby="id_title_helptext"' in html
    assert (
        f"Up to 3 JPEG, PNG or WebP photos, 10 MB each, with names of up to {FILE_NAME_MAX_CHARS}"
        in html
    )
    assert 'aria-describedby="id_photos_helptext"' in html


def test_a_story_too_long_comes_back_with_its_text_and_the_limit(client, story_index):
    # Four times the limit in four-byte characters: far past the form's limit, and
    # still under Django's, so it is the form that refuses it.
    body = EMOJI * (4 * 20_000)

    response = client.post(SHARE_URL, story_form_data(body=body))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Your story can be at most 20,000 characters (it has 80000)." in error_of(html, "body")
    assert body in html and "The night shift that saw me through" in html
    assert 'href="#id_body"' in html  # the summary links to the field
    assert not Submission.objects.exists()


def test_a_title_too_long_gets_a_message_with_the_limit(client, story_index):
    response = client.post(SHARE_URL, story_form_data(title="t" * 121))

    assert "Titles can be at most 120 characters (it has 121)." in error_of(
        response.content.decode(), "title"
    )


def test_more_photos_than_allowed_get_a_message_with_the_limit(client, story_index):
    response = client.post(SHARE_URL, story_form_data(photos=[photo(f"{i}.jpg") for i in range(5)]))

    assert response.status_code == 400
    html = response.content.decode()
    assert "You can add at most 3 photos." in error_of(html, "photos")
    assert "The night shift that saw me through" in html


def test_a_photo_with_a_long_name_gets_a_message_with_the_limit(client, story_index):
    name = "é" * 300 + ".jpg"  # Django keeps 255 characters of it

    response = client.post(SHARE_URL, story_form_data(photos=[photo(name)]))

    assert response.status_code == 400
    assert f"File names can be at most {FILE_NAME_MAX_CHARS} characters (one has 255)." in error_of(
        response.content.decode(), "photos"
    )


def test_a_large_photo_with_a_long_extension_is_not_a_server_error(client, story_index):
    # Past FILE_UPLOAD_MAX_MEMORY_SIZE an upload goes to a temporary file, which
    # Django named after the extension: more than the file system allows.
    upload = SimpleUploadedFile("a." + "é" * 250, b"x" * 3_000_000, "image/png")
    client.raise_request_exception = False

    response = client.post(SHARE_URL, story_form_data(photos=[upload]))

    assert response.status_code == 400
    assert "File names can be at most" in error_of(response.content.decode(), "photos")


def test_a_photo_too_large_is_refused_before_any_other_is_decoded(client, story_index, settings):
    settings.PHOTO_MAX_BYTES = 2 * 1024 * 1024
    too_large = SimpleUploadedFile("large.jpg", b"x" * (3 * 1024 * 1024), "image/jpeg")

    response = client.post(
        SHARE_URL, story_form_data(photos=[undecodable_png("first.png"), too_large])
    )

    html = response.content.decode()
    assert "large.jpg is larger than 2 MB" in html
    assert "first.png is not a photo" not in html  # never decoded


def test_the_undecodable_photo_is_refused_once_decoded(client, story_index):
    response = client.post(SHARE_URL, story_form_data(photos=[undecodable_png("first.png")]))

    assert "first.png is not a photo we can use" in response.content.decode()


def test_a_rate_limited_story_with_three_40_megapixel_photos_decodes_none(
    client, story_index, settings
):
    settings.SUBMISSION_RATE = "1/h"
    assert client.post(SHARE_URL, story_form_data()).status_code == 302
    photos = [undecodable_png(f"big{i}.png") for i in range(3)]

    response = client.post(SHARE_URL, story_form_data(title="Again", photos=photos))

    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait an hour" in html and "Again" in html
    assert "is not a photo" not in html  # refused before any was decoded


def test_the_edit_form_states_and_enforces_the_length_limit(client, story_index):
    submission = SubmissionFactory(
        story__parent=story_index, state=Submission.State.CHANGES_REQUESTED
    )
    url = submission.get_edit_url()
    assert "in 100 to 20,000 characters" in client.get(url).content.decode()
    body = STORY_TEXT + "x" * 20_000

    response = client.post(url, {"title": "Edited", "body": body})

    html = response.content.decode()
    assert "Your story can be at most 20,000 characters" in error_of(html, "body")
    assert body in html


@pytest.mark.parametrize(
    ("what", "data"),
    [
        ("text past DATA_UPLOAD_MAX_MEMORY_SIZE", {"body": "x" * 3_000_000}),
        ("fields past DATA_UPLOAD_MAX_NUMBER_FIELDS", {f"f{i}": "" for i in range(10_001)}),
        (
            "files past DATA_UPLOAD_MAX_NUMBER_FILES",
            {"photos": [SimpleUploadedFile(f"{i}.png", b"x") for i in range(101)]},
        ),
    ],
)
def test_what_django_cannot_read_gets_a_page_with_the_limits(client, story_index, what, data):
    client.raise_request_exception = False

    response = client.post(SHARE_URL, story_form_data(**data))

    assert response.status_code == 400
    html = response.content.decode()
    assert "We could not read what you sent" in html
    assert "up to 20,000 characters, with up to 3 photos of 10 MB each" in html
    assert "A comment of up to 3,000 characters" in html
    assert 'href="/share/">Go back and try again' in html
    assert not Submission.objects.exists()


def test_a_comment_past_django_limits_gets_the_same_page(client, story_index):
    client.raise_request_exception = False

    response = client.post("/comments/post/", {"comment": "x" * 3_000_000})

    assert response.status_code == 400
    html = response.content.decode()
    assert "We could not read what you sent" in html and 'href="/">Go back' in html
