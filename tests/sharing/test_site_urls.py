"""Links the site makes to itself, behind a proxy serving HTTPS on a port other than
443: ``X-Forwarded-Proto: https`` (SECURE_PROXY_SSL_HEADER) and the Host with its
port. Wagtail alone says ``http://`` of any site whose port is not 443."""

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

pytestmark = pytest.mark.django_db

ROOT = "https://stories.example.org:8443"
BEHIND_THE_PROXY = {"HTTP_HOST": "stories.example.org:8443", "HTTP_X_FORWARDED_PROTO": "https"}


@pytest.fixture
def proxied_site(story_index, settings):
    """The site at SITE_URL https://stories.example.org:8443, as ``set_up_site`` makes
    it from that address: hostname and port 8443."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.WAGTAILADMIN_BASE_URL = ROOT
    Site.objects.filter(is_default_site=True).update(hostname="stories.example.org", port=8443)
    return story_index


SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def test_a_storys_canonical_link_feed_and_sitemap_say_https_with_the_port(
    client, proxied_site, make_story
):
    story = make_story(title="The porter who knew my name")

    html = client.get(story.url, **BEHIND_THE_PROXY).content.decode()
    head = BeautifulSoup(html, "html.parser").head
    assert head.find("link", rel="canonical")["href"] == ROOT + story.url
    assert head.find("meta", property="og:url")["content"] == ROOT + story.url
    feed = client.get("/feed/", **BEHIND_THE_PROXY).content.decode()
    assert f'href="{ROOT}{story.url}"' in feed
    sitemap = client.get("/sitemap.xml", **BEHIND_THE_PROXY).content.decode()
    assert f"<loc>{ROOT}{story.url}</loc>" in sitemap
    locations = [loc.text for loc in ElementTree.fromstring(sitemap).iter(f"{{{SITEMAP}}}loc")]
    assert locations and all(loc.startswith(ROOT + "/") for loc in locations)
    robots = client.get("/robots.txt", **BEHIND_THE_PROXY).content.decode()
    assert f"Sitemap: {ROOT}/sitemap.xml" in robots


def test_without_a_request_a_pages_address_is_site_urls(proxied_site, make_story):
    story = make_story()

    assert story.full_url == ROOT + story.url


def test_a_secure_request_gives_https_even_where_site_url_names_another_address(
    client, story_index, settings, make_story
):
    """A site set by hand in the admin (port 8443), not SITE_URL's: the request's
    scheme, as the proxy reports it, decides."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    Site.objects.filter(is_default_site=True).update(hostname="stories.example.org", port=8443)
    story = make_story()

    html = client.get(story.url, **BEHIND_THE_PROXY).content.decode()
    canonical = BeautifulSoup(html, "html.parser").head.find("link", rel="canonical")["href"]
    assert canonical == ROOT + story.url
    plain = client.get(story.url, HTTP_HOST="stories.example.org:8443").content.decode()
    assert f"http://stories.example.org:8443{story.url}" in plain  # a plain request: as it came
