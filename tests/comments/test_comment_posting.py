import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django_comments_xtd.models import XtdComment

from tests.comments.conftest import comment_data

pytestmark = pytest.mark.django_db


def test_reader_comment_is_published_after_email_confirmation(client, story, post_comment):
    comment, response = post_comment(story, "Thank you for writing this.", confirm=False)

    assert comment is None
    assert "Please confirm your comment" in response.content.decode()
    assert not XtdComment.objects.exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sam@example.org"]
    assert "http://testserver/comments/confirm/" in mail.outbox[0].body

    comment, response = post_comment(story, "It helped me a lot.")

    assert comment.is_public
    page = client.get(story.url).content.decode()
    assert "It helped me a lot." in page
    assert "Thank you for writing this." not in page  # never confirmed


def test_only_the_first_comment_from_a_browser_needs_confirming(client, story, post_comment):
    post_comment(story, "My first comment.")
    assert len(mail.outbox) == 1

    second, _ = post_comment(story, "My second comment.", confirm=False)
    other, _ = post_comment(story, "Someone else here.", email="other@example.org", confirm=False)

    assert second.is_public and second.comment == "My second comment."
    assert other is None  # a new address is confirmed first
    assert len(mail.outbox) == 2
    assert mail.outbox[1].to == ["other@example.org"]


def test_public_page_never_shows_the_commenters_email(client, story, post_comment):
    post_comment(story, "Beautifully told.", email="private.person@example.org")

    page = client.get(story.url).content.decode()

    assert "Beautifully told." in page
    assert "private.person" not in page


def test_signed_in_reader_skips_the_confirmation(client, story, django_user_model):
    user = django_user_model.objects.create_user(
        username="reader", email="reader@example.org", password="pw", first_name="Ana"
    )
    client.force_login(user)
    data = comment_data(story, "Signed in and commenting.")
    del data["name"], data["email"]

    response = client.post("/comments/post/", data, follow=True)

    assert response.status_code == 200
    assert len(mail.outbox) == 0
    comment = XtdComment.objects.get()
    assert comment.is_public and comment.user == user
    assert "Signed in and commenting." in client.get(story.url).content.decode()


def test_reply_is_shown_nested_under_its_comment(client, story, post_comment):
    first, _ = post_comment(story, "The first comment.")
    reply, _ = post_comment(story, "A reply to the first.", reply_to=first.pk, name="Lee")
    post_comment(story, "A second conversation.", name="Kim")

    page = client.get(story.url).content.decode()

    first_item = page.index(f'id="c{first.pk}"')
    replies_list = page.index("comment-list--replies", first_item)
    assert first_item < replies_list < page.index(f'id="c{reply.pk}"')
    assert page.index(f'id="c{reply.pk}"') < page.index("A second conversation.")
    assert reply.level == 1 and reply.thread_id == first.pk


def test_comments_are_listed_oldest_or_newest_first(client, story, post_comment):
    post_comment(story, "Posted first.")
    post_comment(story, "Posted second.", name="Kim")

    oldest = client.get(story.url).content.decode()
    newest = client.get(story.url + "?comments=newest").content.decode()

    assert oldest.index("Posted first.") < oldest.index("Posted second.")
    assert newest.index("Posted second.") < newest.index("Posted first.")


def test_reply_past_the_deepest_level_joins_the_deepest_level(client, story, post_comment):
    top, _ = post_comment(story, "Level one.")
    middle, _ = post_comment(story, "Level two.", reply_to=top.pk)
    deepest, _ = post_comment(story, "Level three.", reply_to=middle.pk)
    assert deepest.level == 2

    too_deep, response = post_comment(story, "One level too far.", reply_to=deepest.pk)

    assert response.status_code == 200
    assert too_deep.level == 2
    assert too_deep.parent_id == middle.pk
    assert XtdComment.objects.count() == 4  # no half-saved row
    page = client.get(story.url).content.decode()
    assert "One level too far." in page
    assert f'href="/comments/reply/{deepest.pk}/"' not in page  # no reply link at the bottom


def test_reply_page_of_a_deepest_comment_says_where_the_reply_goes(client, story, post_comment):
    top, _ = post_comment(story, "Level one.")
    middle, _ = post_comment(story, "Level two.", reply_to=top.pk, name="Lee")
    deepest, _ = post_comment(story, "Level three.", reply_to=middle.pk)

    response = client.get(f"/comments/reply/{deepest.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "as deep as replies go" in html
    assert "under Lee" in html
    assert f'name="reply_to" value="{middle.pk}"' in html


def test_reply_to_a_comment_that_is_not_shown_gets_a_clear_message(client, story, post_comment):
    held, _ = post_comment(story, "Call me on 555-201-7788.")
    assert not held.is_public

    response = client.post(
        "/comments/post/", comment_data(story, "Replying anyway.", reply_to=held.pk)
    )

    assert response.status_code == 400  # on the story page, at the form
    assert "no longer shown" in response.content.decode()
    assert XtdComment.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"comment": "   "}, "comment", "Please write your comment."),
        ({"email": "not-an-address"}, "email", "Please check your email address"),
        ({"name": ""}, "name", "Please give a name"),
        ({"comment": "x" * 3001}, "comment", "Please shorten your comment to 3000"),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field(client, story, changes, field, message):
    data = {**comment_data(story, "Fine text."), **changes}

    response = client.post("/comments/post/", data)

    # On the story page itself, at the form, with the text kept.
    assert response.status_code == 400
    html = response.content.decode()
    assert story.title in html
    if field != "comment":
        assert "Fine text.</textarea>" in html  # what was typed, kept
    errors = html.index(f'id="id_{field}_error"')
    # The input names its help and its error list, which has that id.
    assert f'aria-describedby="id_{field}_helptext id_{field}_error"' in html
    assert message in html[errors : errors + 300]
    assert not XtdComment.objects.exists()
    assert not mail.outbox


def test_expired_form_gets_a_clear_page_and_keeps_the_text(client, story):
    data = comment_data(story, "Written slowly.")
    data["timestamp"] = str(int(data["timestamp"]) - 3 * 60 * 60)

    response = client.post("/comments/post/", data)

    assert response.status_code == 400
    html = response.content.decode()
    assert "Your comment was not posted" in html
    assert "Written slowly." in html
    assert not XtdComment.objects.exists()


def test_a_comment_is_stored_as_typed_shown_escaped_and_links_are_nofollow(
    client, story, post_comment, settings
):
    typed = "<b>Bold</b> <script>alert(1)</script>see https://example.org/care please"
    comment, _ = post_comment(story, typed)
    assert comment.comment == typed
    assert not comment.is_public  # a web address is held for a moderator first
    from comments.actions import ModerateComments
    from comments.models import Decision

    ModerateComments(
        [comment], user=_superuser(), action=Decision.APPROVE, override_reason="A care charity"
    ).execute()

    page = client.get(story.url).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;b&gt;Bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;see" in page
    assert (
        '<a href="https://example.org/care" rel="nofollow ugc noopener">https://example.org/care</a>'
        in page
    )


def _superuser():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("root", "root@example.org", "pw")


def test_posting_is_rate_limited_with_a_clear_message(
    client, story, settings, django_capture_on_commit_callbacks
):
    settings.COMMENT_RATE = "2/m"
    for text in ("One.", "Two."):
        with django_capture_on_commit_callbacks(execute=True):  # the mail is queued after commit
            assert client.post("/comments/post/", comment_data(story, text)).status_code == 302

    response = client.post("/comments/post/", comment_data(story, "Three, too soon."))

    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait a few minutes" in html
    assert "Three, too soon." in html  # what they typed is kept
    assert len(mail.outbox) == 2


def test_comments_on_a_draft_story_are_refused(client, make_story):
    draft = make_story(live=False)

    response = client.post("/comments/post/", comment_data(draft, "Hello?"))

    assert response.status_code == 200
    assert "Comments are closed" in response.content.decode()
    assert not mail.outbox


def test_comments_xtd_rest_api_is_closed(client, story, post_comment):
    post_comment(story, "Great story, thanks for sharing it.")

    listing = client.get(f"/comments/api/stories-storypage/{story.pk}/")
    created = client.post("/comments/api/comment/", comment_data(story, "Around the limit."))

    assert listing.status_code == 404
    assert created.status_code == 404
    assert XtdComment.objects.count() == 1


def test_a_signed_in_reader_held_by_the_rate_limit_is_told_only_to_wait(client, story, settings):
    settings.COMMENT_RATE = "1/m"
    reader = get_user_model().objects.create_user("rhea", "rhea@example.org", "pw")
    client.force_login(reader)
    client.post("/comments/post/", comment_data(story, "One."))

    response = client.post("/comments/post/", comment_data(story, "Two, too soon."))

    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait a few minutes" in html and "Two, too soon." in html
    assert "the problems are shown next to each field below" not in html


def test_signed_in_staff_do_not_use_up_the_comment_rate_limit(client, story, settings, moderator):
    settings.COMMENT_RATE = "1/m"
    client.force_login(moderator)

    for text in ("One.", "Two.", "Three."):
        response = client.post("/comments/post/", comment_data(story, text))
        assert response.status_code == 302, text


def test_the_browsers_confirmation_cookie_does_not_hold_the_email_address(
    client, story, post_comment
):
    post_comment(story, "My first comment.", email="Private.Person@example.org")

    cookie = client.cookies["comment_confirmed"].value
    # A signed cookie shows its value in clear (value:timestamp:signature).
    assert "private.person" not in cookie.lower()
    assert "example.org" not in cookie
    # It still spares the same reader a second confirmation, whatever the case typed.
    second, _ = post_comment(
        story, "My second comment.", email="private.person@example.org", confirm=False
    )
    assert second.is_public


def test_a_comment_sent_while_the_cache_is_down_asks_for_confirmation(
    client, story, post_comment, settings
):
    """Redis refusing connections costs the rate limit, never the comment: the
    commenter gets the page asking them to confirm, not a server error."""
    settings.CACHES = {
        "default": {
            # As production has it (CACHE_URL=redis://...): django-redis, whose
            # errors are ignored (a miss) but for the counters of the rate limits.
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }

    comment, response = post_comment(story, "Posted while the cache is down.", confirm=False)

    assert response.status_code == 200
    assert "Please confirm your comment" in response.content.decode()
    assert mail.outbox[0].to == ["sam@example.org"]
