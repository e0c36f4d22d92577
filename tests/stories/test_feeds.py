from xml.etree import ElementTree

import pytest

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_feed_is_valid_atom_listing_published_stories_only(client, make_story):
    make_story(title="A published story")
    make_story(title="A draft story", live=False)

    response = client.get("/feed/")

    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert titles == ["A published story"]
    link = root.find(f"{ATOM}entry/{ATOM}link").attrib["href"]
    assert link.startswith("http") and "/stories/story-" in link


def test_sitemap_is_valid_xml_listing_published_pages_only(client, make_story):
    published = make_story(title="Published")
    draft = make_story(title="Draft", live=False)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    locations = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert any(loc.endswith(f"/stories/{published.slug}/") for loc in locations)
    assert not any(draft.slug in loc for loc in locations)
    assert any(loc.endswith("/stories/") for loc in locations)


def test_robots_txt_points_to_the_sitemap_and_hides_the_admin(client, story_index):
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname="stories.example.org", port=443)
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in text
    # The site's address, not the Host header the request came with.
    assert "Sitemap: https://stories.example.org/sitemap.xml" in text


def test_robots_txt_lets_search_engines_find_the_share_form_not_a_submissions_pages(
    client, story_index
):
    rules = [
        line.removeprefix("Disallow: ")
        for line in client.get("/robots.txt").content.decode().splitlines()
        if line.startswith("Disallow: ")
    ]
    assert not any("/share/".startswith(rule) for rule in rules)
    assert all(
        any(path.startswith(rule) for rule in rules)
        for path in ("/share/status/abc/", "/share/received/abc/", "/directory/status/abc/")
    )


def test_favicon_ico_at_the_root_is_the_sites_icon(client, story_index):
    # Browsers ask for it on the feed and the sitemap, which name no icon.
    response = client.get("/favicon.ico", follow=True)

    assert response.redirect_chain == [("/static/favicon.ico", 301)]
