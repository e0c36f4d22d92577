"""Stories are stored as their authors typed them, and shown escaped."""

import pytest

from stories.models import StoryPage, Submission
from stories.services import display_name
from tests.factories import STORY_TEXT, story_form_data

pytestmark = pytest.mark.django_db

SHARE_URL = "/share/"
TYPED = (
    "The surgeon told me I was <not> going to be alone, and she meant it. "
    "Ward <B> & the day room: x<y and y>z, AT&T, &amp; &nbsp; &lt;script&gt; "
    '<mum.jones@example.org> <script>alert("hi")</script> <b>bold?</b>'
)


def test_angle_brackets_ampersands_and_entities_round_trip_exactly(client, story_index):
    body = STORY_TEXT + "\n\n" + TYPED
    response = client.post(SHARE_URL, story_form_data(title="<Ward B> & me", body=body))

    assert response.status_code == 302
    story = StoryPage.objects.get()
    assert story.title == "<Ward B> & me"
    assert story.body == body
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert "&lt;not&gt; going to be alone" in html
    assert "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;" in html
    assert '<script>alert("hi")' not in html


def test_only_what_nobody_means_is_normalised(client, story_index):
    body = "\ufeff" + STORY_TEXT.replace("\n", "\r\n") + "\x00 and e\u0301 \x07 \n"
    client.post(SHARE_URL, story_form_data(body=body))

    assert StoryPage.objects.get().body == STORY_TEXT + " and \u00e9"


@pytest.mark.parametrize("title", ["\ufeff", "\u00a0", " \x00 ", "\u3000"])
def test_a_title_empty_once_normalised_is_asked_for_again_with_the_story_kept(
    client, story_index, title
):
    response = client.post(SHARE_URL, story_form_data(title=title))

    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required." in html
    assert "The nurses on the night shift" in html
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Maria\u00a0Lopez", "Maria"),
        ("Maria\tLopez", "Maria"),
        ("Maria\u2002Lopez", "Maria"),
        ("Maria\u2009Lopez", "Maria"),
        ("山田\u3000太郎", "山田"),
        ("Зоя Иванова", "Зоя"),
        ("  Aoife   Ní Bhriain ", "Aoife"),
        ("محمد علي", "محمد"),
    ],
)
def test_first_name_only_publishes_the_first_name_whatever_space_separates_it(name, first):
    assert display_name("first", name) == first


def test_first_name_only_from_the_form(client, story_index):
    client.post(SHARE_URL, story_form_data(name="Maria\u00a0Lopez", naming="first"))

    assert StoryPage.objects.get().author_display_name == "Maria"


def test_the_edit_form_keeps_the_text_as_typed_and_asks_again_for_an_empty_title(
    client, story_index
):
    from tests.factories import SubmissionFactory

    submission = SubmissionFactory(
        story__parent=story_index, state=Submission.State.CHANGES_REQUESTED
    )
    edit_url = submission.get_edit_url()

    refused = client.post(edit_url, {"title": "\ufeff", "body": STORY_TEXT})
    assert refused.status_code == 200
    assert "This field is required." in refused.content.decode()

    client.post(edit_url, {"title": "Ward <B>", "body": STORY_TEXT + "\n\n" + TYPED})
    story = StoryPage.objects.get(pk=submission.story_id).get_latest_revision_as_object()
    assert (story.title, story.body) == ("Ward <B>", STORY_TEXT + "\n\n" + TYPED)
