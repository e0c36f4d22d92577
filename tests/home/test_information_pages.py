"""About, privacy policy, terms of use and contact: editable pages, linked from
every public page's footer."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.footer import cache_key, footer_links
from home.models import HomePage, InformationPage
from home.services import SetUpReport, add_information_pages
from stories.models import StoryIndexPage

pytestmark = pytest.mark.django_db

TITLES = ["About", "Privacy policy", "Terms of use", "Contact"]


def footer_of(html):
    return html.split('<footer class="site-footer">', 1)[1]


def footer_titles(html):
    """The titles of the footer's links to the information pages, in order."""
    nav = footer_of(html).split('<nav class="site-footer__nav"', 1)
    if len(nav) == 1:
        return []
    return re.findall(r'<a href="[^"]*">([^<]*)</a>', nav[1].split("</nav>", 1)[0])


def text_of(html):
    """What a reader reads of a page: its text without tags or repeated spaces."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&#x27;", "'").split())


@pytest.fixture
def demo(home_page):
    """The four pages as ``load_demo`` writes them (without its dozen stories)."""
    add_information_pages(home_page, SetUpReport())


def page(slug):
    return InformationPage.objects.get(slug=slug)


def test_load_demo_makes_the_four_pages_under_the_home_page_once(capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    call_command("load_demo")

    home = HomePage.objects.get()
    pages = InformationPage.objects.child_of(home).live().order_by("path")
    assert [p.title for p in pages] == TITLES
    assert [p.slug for p in pages] == ["about", "privacy", "terms", "contact"]
    assert all(p.show_in_menus and p.revisions.count() == 1 for p in pages)
    assert "page Privacy policy" in out
    assert "nothing created" in capsys.readouterr().out


def test_load_demo_leaves_an_edited_page_as_the_editor_wrote_it(demo):
    about = page("about")
    about.title = "Who we are"
    about.save_revision().publish()

    call_command("load_demo")

    assert InformationPage.objects.count() == 4
    assert page("about").title == "Who we are"


def test_each_page_shows_a_reader_its_title_intro_body_and_date(client, demo):
    for information in InformationPage.objects.all():
        response = client.get(information.url)

        assert response.status_code == 200, information.url
        html = response.content.decode()
        assert f"<h1>{information.title}</h1>" in html
        assert information.intro in text_of(html)
        assert f'<meta name="description" content="{information.intro}">' in html
        headings = [block.value for block in information.body if block.block_type == "heading"]
        assert headings and all(f"<h2>{heading}</h2>" in html for heading in headings)
        updated = information.last_updated
        assert f'Last updated <time datetime="{updated:%Y-%m-%d}">' in html


def test_the_footer_links_to_the_four_pages_on_home_story_and_missing_pages(
    client, demo, make_story
):
    story = make_story(title="Back on the bike")
    links = [(p.url, p.title) for p in InformationPage.objects.order_by("path")]

    for url in ("/", story.url, "/no-such-page/", "/share/", "/search/"):
        response = client.get(url)
        footer = footer_of(response.content.decode())
        assert footer_titles(response.content.decode()) == TITLES, url
        for href, title in links:
            assert f'<a href="{href}">{title}</a>' in footer, url


def test_an_unpublished_page_leaves_the_footer_and_a_retitled_one_is_renamed(client, demo):
    assert footer_titles(client.get("/").content.decode()) == TITLES

    page("terms").unpublish()
    contact = page("contact")
    contact.title = "Get in touch"
    contact.save_revision().publish()

    assert footer_titles(client.get("/").content.decode()) == [
        "About",
        "Privacy policy",
        "Get in touch",
    ]
    assert client.get("/terms/").status_code == 404


def test_a_page_hidden_from_menus_or_moved_in_order_changes_the_footer(client, demo):
    about = page("about")
    about.show_in_menus = False
    about.save_revision().publish()
    page("contact").move(page("privacy"), pos="left")

    assert footer_titles(client.get("/").content.decode()) == [
        "Contact",
        "Privacy policy",
        "Terms of use",
    ]


def test_a_deleted_page_leaves_the_footer(client, demo):
    assert "Privacy policy" in footer_titles(client.get("/").content.decode())
    Page.objects.get(pk=page("privacy").pk).delete()

    assert footer_titles(client.get("/").content.decode()) == ["About", "Terms of use", "Contact"]


def test_an_error_page_rendered_without_a_request_links_to_the_default_sites_pages(demo):
    html = render_to_string("404.html")

    assert footer_titles(html) == TITLES
    assert '<a href="/privacy/">Privacy policy</a>' in html


def test_an_error_page_goes_without_the_links_when_the_database_cannot_be_read(demo, caplog):
    with connection.cursor() as cursor:  # undone with the test's transaction
        cursor.execute("ALTER TABLE home_informationpage RENAME TO home_informationpage_gone")

    html = render_to_string("400.html", {"site_name": "Sharing"})

    assert "We could not read what you sent" in html
    assert "site-footer__nav" not in html
    assert "call or text <strong>988</strong>" in footer_of(html)
    assert "Footer links left out: the database cannot be read" in caplog.text


def test_a_page_django_cannot_read_has_the_footer_links(client, demo):
    client.raise_request_exception = False

    response = client.post("/share/", {f"f{i}": "" for i in range(10_001)})

    assert response.status_code == 400
    assert footer_titles(response.content.decode()) == TITLES


def test_without_information_pages_the_footer_has_no_empty_list(client, story_index):
    html = client.get("/").content.decode()

    assert "site-footer__nav" not in html
    assert "Story feed" in footer_of(html)
    assert footer_links() == []


def test_the_footer_costs_one_query_when_cold_and_none_when_warm(
    client, demo, make_story, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the page as it is made, not from the page cache
    from django.core.cache import cache
    from wagtail.models import Site

    story = make_story(title="Back on the bike")
    client.get(story.url)  # warm the site, root-path and footer caches, as any server would

    with CaptureQueriesContext(connection) as warm:
        client.get(story.url)
    cache.delete(cache_key(Site.objects.get(is_default_site=True).pk))
    with CaptureQueriesContext(connection) as cold:
        html = client.get(story.url).content.decode()

    assert footer_titles(html) == TITLES
    assert len(cold) == len(warm) + 1
    assert not any("home_informationpage" in query["sql"] for query in warm)


def test_pages_with_the_footer_take_a_bounded_number_of_queries(
    client, demo, django_assert_max_num_queries
):
    for url in ("/", "/privacy/"):
        client.get(url)  # warm the site, root-path and footer caches

    # The home page: its stories, the footer's crisis line (the site and its setting).
    with django_assert_max_num_queries(10):
        html = client.get("/").content.decode()
    assert footer_titles(html) == TITLES
    # An information page: routing, its links to the other pages, the crisis line.
    with django_assert_max_num_queries(11):
        html = client.get("/privacy/").content.decode()
    assert footer_titles(html) == TITLES


# What the privacy policy says is what the code does.


def privacy_text(client):
    return text_of(client.get(page("privacy").url).content.decode())


def test_the_privacy_policy_names_each_cookie_and_the_retention_from_the_settings(
    client, demo, settings
):
    html = client.get(page("privacy").url).content.decode()
    text = text_of(html)

    for cookie in ("csrftoken", "sessionid", "comment_confirmed", "messages", "django_language"):
        assert f"<code>{cookie}</code>:" in html, cookie
    assert "keyed hash of your email address, never the address itself" in text
    assert f"{settings.DECLINED_RETENTION_DAYS} days after that decision" in text
    assert f"A comment you never confirmed: {settings.UNCONFIRMED_COMMENT_RETENTION_DAYS} days" in (
        text
    )
    assert "It lasts 2 weeks" in text  # SESSION_COOKIE_AGE


def test_the_privacy_policy_states_retention_periods_as_configured(client, settings):
    settings.DECLINED_RETENTION_DAYS = 45
    settings.UNCONFIRMED_COMMENT_RETENTION_DAYS = 1
    settings.SESSION_COOKIE_AGE = 60 * 60 * 24 * 3
    call_command("load_demo")

    text = privacy_text(client)

    assert "A story we decided not to publish: 45 days after that decision" in text
    assert "A comment you never confirmed: 1 day; then" in text
    assert "we forget it after 1 day." in text
    assert "It lasts 3 days" in text
    assert "90 days" not in text and "14 days" not in text


def test_without_an_akismet_key_the_privacy_policy_says_nothing_goes_to_a_spam_service(
    client, settings
):
    settings.AKISMET_API_KEY = ""
    call_command("load_demo")

    text = privacy_text(client)

    assert "does not use a spam-checking service at the moment" in text
    assert "for the spam check, which this site does not run at the moment" in text
    assert "Akismet is told" not in text


def test_with_akismet_the_privacy_policy_says_a_story_sends_only_metadata(client, settings):
    settings.AKISMET_API_KEY = "test-key"
    settings.AKISMET_STORY_CONTENT = "metadata"
    call_command("load_demo")

    text = privacy_text(client)

    assert (
        "for a comment: its text, the name and email address you gave, your IP address, "
        "your browser's user agent" in text
    )
    assert (
        "for a story: only your IP address, your browser's user agent and the date you "
        "sent it: not your story, your name or your contact details" in text
    )
    assert "Automattic" in text
    assert "in our cache for at most an hour, for the spam check (see below)" in text


def test_with_akismet_told_everything_the_privacy_policy_says_so(client, settings):
    settings.AKISMET_API_KEY = "test-key"
    settings.AKISMET_STORY_CONTENT = "full"
    call_command("load_demo")

    text = privacy_text(client)

    assert "for a story: the story's title and text, your name and email address" in text
    assert "not your story" not in text


def test_the_contact_and_terms_pages_give_the_sites_crisis_line(client, demo):
    for slug in ("contact", "terms"):
        html = client.get(page(slug).url).content.decode()
        body = html.split('<div class="information__body">', 1)[1].split("</article>", 1)[0]
        assert "call or text <strong>988</strong>" in body, slug
    assert "not medical advice" in text_of(client.get(page("terms").url).content.decode())


def test_the_pages_link_to_each_other_by_their_addresses(client, demo):
    html = client.get(page("about").url).content.decode()
    body = html.split('<div class="information__body">', 1)[1]

    assert '<a href="/privacy/">' in body and '<a href="/contact/">' in body


class TestInformationPageRules(WagtailPageTestCase):
    def test_information_pages_live_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, InformationPage)
        self.assertCanNotCreateAt(Page, InformationPage)
        self.assertCanNotCreateAt(StoryIndexPage, InformationPage)
        self.assertCanNotCreateAt(InformationPage, InformationPage)

    def test_nothing_lives_under_an_information_page(self):
        self.assertAllowedSubpageTypes(InformationPage, {})
