"""What search engines and link previews read in a page's head."""

import json

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from PIL import Image
from wagtail.models import Site

from stories.listing import NEWEST_FIRST
from stories.models import STORIES_PER_PAGE, StoryPage
from tests.factories import SubmissionFactory, TopicFactory

LONG_BODY = (
    "The cardiac nurses were patient with every question I asked, day or night, and "
    "they explained each machine without ever making me feel foolish for asking twice "
    "about the same alarm in the small hours.\n\nI am walking two miles a day now."
)


def head(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def meta(page_head, key):
    """The content of <meta property=key> or <meta name=key>, None if it is missing."""
    tag = page_head.find("meta", attrs={"property": key}) or page_head.find(
        "meta", attrs={"name": key}
    )
    return tag["content"] if tag else None


def canonical(page_head):
    return page_head.find("link", rel="canonical")["href"]


def structured_data(page_head):
    return json.loads(page_head.find("script", type="application/ld+json").string)


@pytest.fixture
def root_url(story_index):
    return Site.objects.get(is_default_site=True).root_url


def test_a_story_tells_link_previews_what_it_is(client, make_story, root_url):
    story = make_story(title="The night shift", summary="Nurses who stayed.", body=LONG_BODY)

    page_head = head(client, story.url)

    address = root_url + story.url
    assert canonical(page_head) == address
    assert meta(page_head, "og:url") == address
    assert meta(page_head, "og:type") == "article"
    assert meta(page_head, "og:title") == "The night shift"
    assert meta(page_head, "og:description") == "Nurses who stayed."
    assert meta(page_head, "description") == "Nurses who stayed."
    assert meta(page_head, "og:site_name") == "Sharing"
    assert meta(page_head, "twitter:card") == "summary"
    assert meta(page_head, "og:image") is None


def test_the_canonical_address_comes_from_the_site_not_the_host_header(
    client, make_story, root_url
):
    story = make_story()

    page_head = head(client, story.url, HTTP_HOST="evil.example")

    assert canonical(page_head) == root_url + story.url
    assert "evil.example" not in str(page_head)


def test_a_comment_thread_in_another_order_is_the_same_page(client, make_story, root_url):
    story = make_story()

    page_head = head(client, story.url + "?comments=newest")

    assert canonical(page_head) == root_url + story.url
    assert meta(page_head, "og:url") == root_url + story.url


def test_a_topic_and_a_page_of_the_listing_are_pages_of_their_own(
    client, story_index, make_story, root_url
):
    topic = TopicFactory(name="Cardiology")
    for _ in range(13):
        make_story(topics=[topic])

    listing = root_url + story_index.url
    assert canonical(head(client, story_index.url)) == listing
    assert canonical(head(client, story_index.url + "?page=1")) == listing
    older = StoryPage.objects.live().order_by(*NEWEST_FIRST)[STORIES_PER_PAGE - 1].pk
    query = f"?topic=cardiology&role=patient&before={older}"
    assert canonical(head(client, story_index.url + query)) == (
        listing + f"?topic=cardiology&before={older}"
    )
    # A cursor that names no listed story gives the first page, and its address.
    assert canonical(head(client, story_index.url + "?before=999999")) == listing
    # A topic that does not exist lists every story: the listing itself.
    assert canonical(head(client, story_index.url + "?topic=nonsense")) == listing


def test_the_description_is_the_editors_then_the_start_of_the_story(client, make_story):
    chosen = make_story(search_description="What the editor wrote.", body=LONG_BODY)
    unsummarised = make_story(body=LONG_BODY)

    assert meta(head(client, chosen.url), "description") == "What the editor wrote."
    description = meta(head(client, unsummarised.url), "description")
    assert description.startswith("The cardiac nurses were patient")
    assert description.endswith("…")
    assert len(description) <= 155
    # Cut at a word: what is left before the ellipsis is a whole word of the story.
    assert LONG_BODY.startswith(description[:-1])
    assert LONG_BODY[len(description) - 1] == " "


def test_pages_without_a_description_of_their_own_have_the_sites(client, home_page, story_index):
    assert "moderator" in meta(head(client, "/search/"), "description")
    home_page.search_description = "Stories of care at Riverside Hospital."
    home_page.save_revision().publish()

    assert meta(head(client, "/search/"), "description") == (
        "Stories of care at Riverside Hospital."
    )
    assert meta(head(client, story_index.url), "description") == (
        "Stories of care at Riverside Hospital."
    )
    assert meta(head(client, "/share/"), "og:type") == "website"


def test_search_results_are_kept_out_of_search_engines(client, story_index, root_url):
    page_head = head(client, "/search/?q=heart")

    assert meta(page_head, "robots") == "noindex, follow"
    assert canonical(page_head) == root_url + "/search/"


def test_text_with_quotes_and_markup_is_escaped_everywhere(client, make_story):
    title = 'Tom & "Jerry" </script><b>bold</b>'
    story = make_story(title=title, author_display_name="<i>O'Hara</i>", body=title)

    response = client.get(story.url)
    html = response.content.decode()
    page_head = BeautifulSoup(html, "html.parser").head

    assert "<b>bold</b>" not in html
    assert "</script><b>" not in html
    assert 'content="Tom &amp; &quot;Jerry&quot; &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;"' in html
    assert meta(page_head, "og:title") == title
    data = structured_data(page_head)
    assert data["headline"] == title
    assert data["author"]["name"] == "<i>O'Hara</i>"


def test_a_story_is_an_article_by_the_name_its_author_chose(client, story_index, make_story):
    story = make_story(title="Walking again", author_display_name="Rosalind")
    SubmissionFactory(story=story, name="Rosalind Keane", contact_email="rosalind@example.org")
    anonymous = make_story(author_display_name="")
    SubmissionFactory(story=anonymous, name="Oliver Twist", contact_email="oliver@example.org")

    page_head = head(client, story.url)
    data = structured_data(page_head)
    assert data["@type"] == "Article"
    assert data["headline"] == "Walking again"
    assert data["author"] == {"@type": "Person", "name": "Rosalind"}
    assert data["publisher"] == {"@type": "Organization", "name": "Sharing"}
    story.refresh_from_db()
    assert data["datePublished"] == story.first_published_at.isoformat()
    assert data["dateModified"] == story.last_published_at.isoformat()
    for private in ("Keane", "rosalind@example.org"):
        assert private not in str(page_head)

    anonymous_head = head(client, anonymous.url)
    assert structured_data(anonymous_head)["author"]["name"] == "Anonymous"
    for private in ("Oliver", "Twist", "oliver@example.org"):
        assert private not in str(anonymous_head)


def test_a_story_with_a_photo_shares_it_at_an_absolute_address(client, make_story, root_url):
    image = wagtail_factories.ImageFactory(title="Garden")
    story = make_story(hero_image=image)
    story.photos.create(image=image, alt_text="The hospital garden in spring")
    story.save_revision().publish()

    page_head = head(client, story.url)

    image_url = meta(page_head, "og:image")
    rendition = image.get_rendition("format-jpeg|width-1200")
    assert image_url == root_url + rendition.url
    assert image_url.endswith(".jpg")  # what every link preview reads: not AVIF or WebP
    assert meta(page_head, "og:image:alt") == "The hospital garden in spring"
    assert meta(page_head, "twitter:card") == "summary_large_image"
    assert structured_data(page_head)["image"] == image_url


def test_nothing_of_an_unpublished_draft_reaches_the_head(client, make_story):
    story = make_story(title="The published title", summary="The published summary.")
    draft = story.get_latest_revision_as_object()
    draft.title = "Draft title with a surname, Keane"
    draft.summary = "Draft summary naming the ward and the nurse."
    draft.search_description = "Draft description."
    draft.hero_image = wagtail_factories.ImageFactory(title="Unapproved")
    draft.save_revision()
    unpublished = make_story(title="A story taken off the site", summary="Gone.")
    unpublished.unpublish()

    page_head = head(client, story.url)

    assert meta(page_head, "og:title") == "The published title"
    assert meta(page_head, "description") == "The published summary."
    assert meta(page_head, "og:image") is None
    assert "Draft" not in str(page_head)
    listing_head = str(head(client, story.get_parent().url))
    assert "taken off the site" not in listing_head


def test_the_home_page_describes_the_website(client, home_page, root_url):
    data = structured_data(head(client, "/"))

    assert data["@type"] == "WebSite"
    assert data["name"] == "Sharing"
    assert data["url"] == root_url + "/"
    assert data["potentialAction"]["target"] == root_url + "/search/?q={search_term_string}"


def test_every_page_has_a_favicon_in_the_sites_colours(client, story_index):
    page_head = head(client, "/")

    icons = {link["href"].rsplit("/", 1)[-1] for link in page_head.find_all("link", rel="icon")}
    assert icons == {"favicon.svg", "favicon.ico"}
    svg = open(finders.find("favicon.svg")).read()
    assert svg.startswith("<svg") and "#0b5c6b" in svg
    with Image.open(finders.find("favicon.ico")) as ico:
        assert ico.format == "ICO"
        assert (32, 32) in ico.info["sizes"]
        assert ico.convert("RGB").getpixel((ico.width // 2, 2)) == (0x0B, 0x5C, 0x6B)


def test_the_share_form_can_be_found_by_search_engines(client, story_index):
    """People look for where to tell their story (the pages after it stay noindex)."""
    assert meta(head(client, "/share/"), "robots") is None


def test_listed_stories_are_headed_one_level_below_the_page(client, story_index, make_story):
    """The index and search results go from the page's h1 to each story's h2 (the
    W3C validator counts a skipped level as an error); the home page's sections
    have h2s of their own, so their cards are h3s."""
    make_story(title="The night nurse", body="She sat with me until morning, hearts and all.")

    for url in (story_index.url, "/search/?q=nurse"):
        page = BeautifulSoup(client.get(url).content, "html.parser")
        titles = page.select(".story-card__title")
        assert [t.name for t in titles] == ["h2"], url
        assert titles[0].get_text(strip=True) == "The night nurse"


def test_the_hero_is_described_by_its_photos_description_and_a_card_picture_is_silent(
    client, make_story, story_index
):
    image = wagtail_factories.ImageFactory(title="IMG_2041 (1)")
    story = make_story(title="Back on the bike", hero_image=image)
    story.photos.create(image=image, alt_text="A woman on a red bicycle by the river")
    story.save_revision().publish()

    hero = BeautifulSoup(client.get(story.url).content, "html.parser").select_one(
        ".story__hero img"
    )
    card = BeautifulSoup(client.get(story_index.url).content, "html.parser").select_one(
        ".story-card img"
    )

    assert hero["alt"] == "A woman on a red bicycle by the river"
    # The card's link is its title; its picture repeats nothing, never the file's title.
    assert card["alt"] == ""
