"""Form errors a screen reader reads with their field, and a summary that leads to them.

Each invalid field (or its fieldset, for a group of radio buttons or checkboxes)
names its error in aria-describedby; the summary at the top of the form links
to each field; the page title says there is an error.
"""

import pytest
from bs4 import BeautifulSoup

from stories.models import Submission
from tests.comments.conftest import comment_data
from tests.factories import STORY_TEXT, TopicFactory, story_form_data

pytestmark = pytest.mark.django_db


def described_by(soup, name):
    """The text of what describes field ``name`` to a screen reader: the input's own
    aria-describedby, or its fieldset's when it is one of a group of choices."""
    inputs = soup.find_all(attrs={"name": name})
    assert inputs, f"no field named {name}"
    described = inputs[0] if len(inputs) == 1 else inputs[0].find_parent("fieldset")
    ids = (described.get("aria-describedby") or "").split()
    texts = []
    for id_ in ids:
        target = soup.find(id=id_)
        assert target is not None, f"{name}: aria-describedby names #{id_}, not on the page"
        texts.append(target.get_text(" ", strip=True))
    return " ".join(texts)


def summary_links(soup):
    summary = soup.find(id="error-summary")
    assert summary is not None, "no error summary"
    return {a["href"]: a.get_text(" ", strip=True) for a in summary.find_all("a")}


def share(client, **changes):
    response = client.post("/share/", story_form_data(**changes))
    assert response.status_code == 400
    assert not Submission.objects.exists()
    return BeautifulSoup(response.content, "html.parser")


SHARE_ERRORS = {
    "title": "This field is required.",
    "body": "This field is required.",
    "role": "This field is required.",
    "naming": "Select a valid choice.",
    "email": "Enter a valid email address.",
    "topics": "Select a valid choice.",
    "consent": "Please tick the box to agree to publication",
}


def test_each_error_on_the_share_form_is_read_with_its_field(client, story_index):
    TopicFactory.create_batch(2)
    soup = share(
        client,
        title="",
        body="",
        role=None,
        naming="nickname",
        email="not an address",
        topics="99999",
        consent=None,
    )

    for name, message in SHARE_ERRORS.items():
        assert message in described_by(soup, name), name


def test_a_field_with_help_text_is_described_by_the_help_and_the_error(client, story_index):
    soup = share(client, body="Too short.")

    description = described_by(soup, "body")

    assert description.startswith("Write as you would speak")
    assert "Error: Ensure this value has at least 100 characters" in description


def test_a_missing_name_is_read_with_the_name_field(client, story_index):
    soup = share(client, naming="first", name="")

    assert "Please tell us the name to publish" in described_by(soup, "name")


def test_the_share_form_summary_links_to_every_invalid_field(client, story_index):
    TopicFactory.create_batch(2)
    soup = share(
        client, title="", body="", role=None, email="not an address", topics="99999", consent=None
    )

    summary = soup.find(id="error-summary")
    assert summary["role"] == "alert" and summary["tabindex"] == "-1"
    assert summary.find("h2").get_text(strip=True) == "There is a problem"
    links = summary_links(soup)
    assert set(links) == {
        "#id_title",
        "#id_body",
        "#id_role_0",
        "#id_email",
        "#id_topics_0",
        "#id_consent",
    }
    for href in links:
        assert soup.find(id=href[1:]).name in ("input", "textarea"), href
    assert links["#id_email"] == "Your email address: Enter a valid email address."
    assert soup.title.get_text().startswith("Error: Share your story")


def test_the_share_form_title_has_no_error_before_it_is_sent(client, story_index):
    soup = BeautifulSoup(client.get("/share/").content, "html.parser")

    assert soup.title.get_text().startswith("Share your story")
    assert soup.find(id="error-summary") is None


def test_the_authors_edit_form_ties_its_errors_to_the_fields(client, submit):
    submission = submit()
    submission.set_state(Submission.State.CHANGES_REQUESTED, "Please leave out the ward.")

    response = client.post(
        f"/share/status/{submission.status_token}/edit/", {"title": "", "body": STORY_TEXT}
    )

    soup = BeautifulSoup(response.content, "html.parser")
    assert "This field is required." in described_by(soup, "title")
    assert set(summary_links(soup)) == {"#id_title"}
    assert soup.title.get_text().startswith("Error: Edit your story")


def test_each_error_on_the_comment_form_is_read_with_its_field(client, make_story):
    story = make_story(title="The night nurse", body="She sat with me until morning.")
    data = comment_data(story, "   ", name="", email="not-an-address")

    response = client.post("/comments/post/", data)

    soup = BeautifulSoup(response.content, "html.parser")
    assert "Please give a name" in described_by(soup, "name")
    assert "Please check your email address" in described_by(soup, "email")
    assert "Please write your comment." in described_by(soup, "comment")
    assert set(summary_links(soup)) == {"#id_name", "#id_email", "#id_comment"}
    assert soup.title.get_text().startswith("Error: Please check your comment")
