"""A comment by a member of staff is marked as staff, signed with their first name and
role, never their full name."""

import pytest
from django.contrib.auth.models import Group
from django_comments_xtd.models import XtdComment

from moderation.permissions import RESPONDERS_GROUP
from tests.comments.conftest import comment_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def post_signed_in(client, user, story, text):
    client.force_login(user)
    data = comment_data(story, text)
    del data["name"], data["email"]
    response = client.post("/comments/post/", data, follow=True)
    assert response.status_code == 200
    client.logout()
    return XtdComment.objects.latest("pk")


@pytest.fixture
def responder(story_index):
    user = UserFactory(
        username="rhea", first_name="Rhea", last_name="Okonkwo", role="Patient experience lead"
    )
    user.groups.add(Group.objects.get(name=RESPONDERS_GROUP))
    return user


def author_line(page, comment):
    start = page.index(f'id="c{comment.pk}-author"')
    return page[start : page.index("</span> ·", start)]


def test_a_responders_comment_shows_first_name_role_and_a_staff_badge(client, story, responder):
    comment = post_signed_in(client, responder, story, "We are sorry for the wait you had.")

    page = client.get(story.url).content.decode()

    assert comment.user_name == "Rhea"
    line = author_line(page, comment)
    assert "Rhea, Patient experience lead" in line
    assert '<span class="comment__staff"><span class="visually-hidden">(</span>Staff' in line
    assert "Okonkwo" not in page


def test_a_moderators_comment_is_marked_as_staff_without_their_surname(client, story, moderator):
    moderator.last_name = "Stavros"
    moderator.save()
    comment = post_signed_in(client, moderator, story, "Thank you for this story.")

    page = client.get(story.url).content.decode()

    assert "comment__staff" in author_line(page, comment)
    assert "Moira" in author_line(page, comment)
    assert "Stavros" not in page


def test_a_signed_in_readers_comment_keeps_their_name_and_no_badge(
    client, story, django_user_model
):
    reader = django_user_model.objects.create_user(
        "ana", password="pw", first_name="Ana", last_name="Lopes", email="ana@example.org"
    )
    comment = post_signed_in(client, reader, story, "This helped me.")

    line = author_line(client.get(story.url).content.decode(), comment)

    assert "Ana Lopes" in line
    assert "comment__staff" not in line


def test_a_readers_comment_signed_staff_is_not_marked_as_staff(client, story, post_comment):
    comment, _ = post_comment(story, "I work there too.", name="Staff")

    line = author_line(client.get(story.url).content.decode(), comment)

    assert "comment__staff" not in line
