"""The page cache for anonymous readers (sharing/page_cache.py): what it serves,
to whom, and that every change readers may see is there at once."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django_comments_xtd import get_form

from home.models import InformationPage
from sharing import page_cache
from tests.directory.factories import add_directory_page, organisation_with_accounts
from tests.factories import CommentFactory, SubmissionFactory, TopicFactory

pytestmark = pytest.mark.django_db

PHONE = "Call me on 555-201-7788 any evening."


@pytest.fixture
def story(make_story):
    topic = TopicFactory(name="Night shifts", slug="night-shifts")
    return make_story(
        title="The night nurse", body="She sat with me until morning.", topics=[topic]
    )


@pytest.fixture
def reader():
    """A reader's browser: no session, no cookie."""
    return Client()


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def comment_data(target, text, *, name="Sam", email="sam@example.org"):
    form = get_form()(target)
    return {
        **form.generate_security_data(),
        "name": name,
        "email": email,
        "comment": text,
        "reply_to": 0,
        "honeypot": "",
        "next": "/comments/sent/",
    }


def public_urls(story, home_page):
    information = home_page.add_child(
        instance=InformationPage(
            title="About us", slug="about-us", body=[("text", "<p>Who we are.</p>")]
        )
    )
    information.save_revision().publish()
    return [
        "/",
        story.get_parent().url,
        f"{story.get_parent().url}?topic=night-shifts",
        story.url,
        information.url,
        "/feed/",
        "/sitemap.xml",
    ]


def test_anonymous_pages_set_no_cookie_and_vary_on_nothing_personal(
    reader, story, home_page, settings
):
    settings.PAGE_CACHE_MAX_AGE, settings.PAGE_CACHE_S_MAXAGE = 0, 120

    for url in public_urls(story, home_page):
        response = reader.get(url)

        assert response.status_code == 200, url
        assert not response.cookies, url
        assert "cookie" not in response.get("Vary", "").lower(), url
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert cache_control == {"public", "max-age=0", "s-maxage=120"}, url


def test_a_second_read_is_served_from_the_cache_without_a_query(
    reader, story, home_page, django_assert_num_queries
):
    urls = public_urls(story, home_page)
    first = {url: reader.get(url).content for url in urls}

    for url in urls:
        with django_assert_num_queries(0):
            response = reader.get(url)
        assert response.status_code == 200
        assert response.content == first[url]
        assert "X-Request-ID" in response  # this request's own id, not the first one's


def confirmation_asked(email):
    return any(email in message.to for message in mail.outbox)


def test_a_cached_story_page_carries_no_token_and_the_form_gets_one_to_post(
    story, django_capture_on_commit_callbacks
):
    reader = Client(enforce_csrf_checks=True)
    html = read(reader, story.url)
    form = BeautifulSoup(html, "html.parser").select_one("form.comment-form")
    assert form.select_one("input[name=csrfmiddlewaretoken]")["value"] == ""
    assert form["data-csrf-url"] == "/csrf-token/"
    assert "/static/js/csrf.js" in html

    response = reader.get("/csrf-token/")
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "csrftoken" in response.cookies
    token = response.json()["token"]

    with django_capture_on_commit_callbacks(execute=True):
        posted = reader.post(
            "/comments/post/",
            {**comment_data(story, "Thank you, this helped me."), "csrfmiddlewaretoken": token},
        )
    assert posted.status_code == 302
    assert posted["Location"].startswith("/comments/sent/")
    assert confirmation_asked("sam@example.org")  # taken: its author confirms it by mail


def test_without_javascript_a_cached_form_keeps_what_was_typed_to_send_again(
    story, django_capture_on_commit_callbacks
):
    reader = Client(enforce_csrf_checks=True)
    html = read(reader, story.url)
    form = BeautifulSoup(html, "html.parser").select_one("form.comment-form")
    data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    data.update(name="Sam", email="sam@example.org", comment="It felt the same for us.")
    data.pop("followup", None)

    refused = reader.post("/comments/post/", data, HTTP_ORIGIN="http://testserver")

    assert refused.status_code == 403
    again = BeautifulSoup(refused.content, "html.parser").select_one("main form")
    assert again.select_one("textarea[name=comment]").get_text() == "It felt the same for us."
    kept = {
        field["name"]: field.get("value", "")
        for field in again.select("input[name], textarea[name]")
        if field.name == "input"
    }
    kept["comment"] = "It felt the same for us."
    assert kept["csrfmiddlewaretoken"]
    with django_capture_on_commit_callbacks(execute=True):
        sent = reader.post(again["action"], kept)
    assert sent.status_code == 302 and sent["Location"].startswith("/comments/sent/")
    assert confirmation_asked("sam@example.org")


def test_a_comment_approved_appears_at_once(reader, client, story, moderator):
    held = CommentFactory(target=story, comment=PHONE)
    held.refresh_from_db()
    assert not held.is_public  # held by the screen
    assert "555-201-7788" not in read(reader, story.url)  # now cached without it

    client.force_login(moderator)
    client.post(
        "/admin/comments/decide/",
        {
            "comment": [held.pk],
            "action": "approve",
            "reason": "Checked with the clinic",
            "override_reason": "A clinic switchboard",
        },
    )

    assert "555-201-7788" in read(reader, story.url)
    assert "1 comment" in read(reader, story.get_parent().url)


def test_a_comment_published_as_it_is_posted_appears_at_once(reader, story):
    assert "No comments yet" in read(reader, story.url)
    CommentFactory(target=story, comment="What a kind nurse.", is_public=True)

    html = read(reader, story.url)

    assert "What a kind nurse." in html and "No comments yet" not in html


def test_a_comment_removed_is_gone_at_once(reader, client, story, moderator):
    comment = CommentFactory(target=story, comment="A comment to take down.")
    assert "A comment to take down." in read(reader, story.url)

    client.force_login(moderator)
    client.post(
        "/admin/comments/decide/",
        {"comment": [comment.pk], "action": "remove", "reason": "Off topic"},
    )

    assert "A comment to take down." not in read(reader, story.url)


def test_a_withdrawn_story_is_gone_at_once(reader, story, django_capture_on_commit_callbacks):
    submission = SubmissionFactory(story=story)
    index = story.get_parent().url
    story_url = story.url
    for url in ("/", index, f"{index}?topic=night-shifts", "/feed/", "/sitemap.xml", story_url):
        assert story_url in read(reader, url), url

    with django_capture_on_commit_callbacks(execute=True):
        Client().post(f"/share/status/{submission.status_token}/withdraw/")

    assert reader.get(story_url).status_code == 404
    for url in ("/", index, f"{index}?topic=night-shifts", "/feed/", "/sitemap.xml"):
        html = read(reader, url)
        assert "The night nurse" not in html and story_url not in html, url


def test_an_unpublished_story_is_gone_at_once(reader, story):
    story_url = story.url
    read(reader, story_url)
    assert "The night nurse" in read(reader, "/")

    story.unpublish()

    assert reader.get(story_url).status_code == 404
    assert "The night nurse" not in read(reader, "/")


def test_a_story_published_appears_at_once(reader, story, make_story):
    index = story.get_parent().url
    read(reader, index)
    read(reader, "/feed/")

    make_story(title="The morning porter")

    assert "The morning porter" in read(reader, index)
    assert "The morning porter" in read(reader, "/feed/")
    assert "The morning porter" in read(reader, "/")


def test_a_moderator_never_gets_a_cached_page_nor_fills_the_cache(
    reader, moderator_client, story, django_assert_max_num_queries
):
    moderator_page = moderator_client.get(story.url)
    assert "public" not in moderator_page.get("Cache-Control", "")
    assert cache.get(page_cache.page_key(moderator_page.wsgi_request)) is None

    read(reader, story.url)  # cached now
    with django_assert_max_num_queries(100) as queries:
        again = moderator_client.get(story.url)
    assert len(queries) > 0  # made for the moderator, not from the cache
    assert "public" not in again.get("Cache-Control", "")
    assert "csrfmiddlewaretoken" in again.content.decode()


def test_a_reader_with_a_session_or_a_message_gets_a_page_of_their_own(
    story, django_assert_max_num_queries
):
    read(Client(), story.url)  # cached
    for cookie in ("sessionid", "messages"):
        browser = Client()
        browser.cookies[cookie] = "something"
        with django_assert_max_num_queries(100) as queries:
            response = browser.get(story.url)
        assert len(queries) > 0, cookie
        assert "public" not in response.get("Cache-Control", ""), cookie


def test_a_page_asked_for_with_an_unknown_parameter_is_not_stored(reader, story):
    response = reader.get(f"{story.url}?utm_source=newsletter")

    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")
    assert cache.get(page_cache.page_key(response.wsgi_request)) is None


def test_a_page_never_carries_another_readers_message(reader, story):
    """A report's thank-you (a message) is shown to the reader who reported, on a
    page made for them, and never stored for the next reader."""
    comment = CommentFactory(target=story, comment="A comment to report.")
    read(reader, story.url)
    reporter = Client()

    page = reporter.post(f"/comments/report/{comment.pk}/", {"reason": "other"}, follow=True)

    assert "Thank you for telling us" in page.content.decode()
    assert "Thank you for telling us" not in read(reader, story.url)


def test_an_organisation_added_to_the_directory_appears_at_once(reader, home_page):
    directory = add_directory_page(home_page)
    assert "Riverside Clinic" not in read(reader, directory.url)  # cached without it

    organisation_with_accounts(name="Riverside Clinic")

    assert "Riverside Clinic" in read(reader, directory.url)


def test_a_page_is_kept_once_for_each_language_it_is_read_in(story, settings):
    """The page is made in the reader's language (their language cookie, else their
    browser's Accept-Language): a reader of one never gets another's copy."""
    settings.LANGUAGES = [("en", "English"), ("es", "Spanish")]
    spanish, english = Client(HTTP_ACCEPT_LANGUAGE="es"), Client(HTTP_ACCEPT_LANGUAGE="en")

    first = spanish.get(story.url)
    second = english.get(story.url)

    assert page_cache.page_key(first.wsgi_request) != page_cache.page_key(second.wsgi_request)
    assert cache.get(page_cache.page_key(first.wsgi_request)) is not None
    assert cache.get(page_cache.page_key(second.wsgi_request)) is not None
