"""The public directory: its filters, search, order, pages, counts and query budget."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from directory.models import DirectoryPage
from home.models import HomePage
from stories.models import StoryIndexPage
from tests.directory.factories import (
    AccountFactory,
    OrganisationFactory,
    organisation_with_accounts,
)

pytestmark = pytest.mark.django_db


class TestDirectoryPageType(WagtailPageTestCase):
    def test_directory_lives_under_the_home_page_and_holds_no_pages(self):
        self.assertCanCreateAt(HomePage, DirectoryPage)
        self.assertCanNotCreateAt(StoryIndexPage, DirectoryPage)
        self.assertAllowedSubpageTypes(DirectoryPage, {})


def names(html):
    soup = BeautifulSoup(html, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".directory-card__name")]


def get(client, page, query=""):
    response = client.get(page.url + query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def listed(directory_page):
    mayo = OrganisationFactory(
        name="Lakeside Health System",
        slug="lakeside-health-system",
        type="health_system",
        country="US",
        region="Minnesota",
        city="Rochester",
    )
    AccountFactory(organisation=mayo, platform="x", handle="@LakesideHealth")
    AccountFactory(
        organisation=mayo,
        platform="youtube",
        handle="@LakesideTV",
        url="https://www.youtube.com/@lakesidetv",
    )
    toronto = OrganisationFactory(
        name="Harbourfront Children's Hospital",
        slug="harbourfront-childrens",
        type="hospital",
        country="CA",
        region="Ontario",
        city="Toronto",
    )
    AccountFactory(
        organisation=toronto,
        platform="instagram",
        handle="@harbourkids",
        url="https://www.instagram.com/harbourkids/",
    )
    OrganisationFactory(
        name="Northfield School of Medicine",
        slug="northfield-som",
        type="medical_school",
        country="GB",
        region="Yorkshire",
        city="Leeds",
    )
    return directory_page


def test_directory_lists_organisations_with_their_accounts_and_counts(client, listed):
    html = get(client, listed)

    assert names(html) == [
        "Harbourfront Children's Hospital",
        "Lakeside Health System",
        "Northfield School of Medicine",
    ]
    assert "3 organisations, 3 accounts" in html
    soup = BeautifulSoup(html, "html.parser")
    links = [a["href"] for a in soup.select(".account-list a")]
    assert "https://x.com/lakesidehealth" in links
    metas = [" ".join(p.get_text().split()) for p in soup.select(".directory-card__meta")]
    assert "Health system · Rochester, Minnesota, United States of America" in metas


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?country=CA", ["Harbourfront Children's Hospital"]),
        ("?country=US&region=Minnesota", ["Lakeside Health System"]),
        ("?region=Yorkshire", ["Northfield School of Medicine"]),
        ("?type=medical_school", ["Northfield School of Medicine"]),
        ("?platform=youtube", ["Lakeside Health System"]),
        ("?platform=instagram&country=US", []),
        ("?q=toronto", ["Harbourfront Children's Hospital"]),
        ("?q=lakesidetv", ["Lakeside Health System"]),
        ("?q=%40harbourkids", ["Harbourfront Children's Hospital"]),
        ("?q=school", ["Northfield School of Medicine"]),
        (
            "?sort=-name",
            [
                "Northfield School of Medicine",
                "Lakeside Health System",
                "Harbourfront Children's Hospital",
            ],
        ),
        (
            "?sort=place",
            [
                "Harbourfront Children's Hospital",
                "Northfield School of Medicine",
                "Lakeside Health System",
            ],
        ),
    ],
)
def test_directory_filters_searches_and_sorts(client, listed, query, expected):
    assert names(get(client, listed, query)) == expected


def test_counts_follow_the_filters(client, listed):
    assert "1 organisation, 2 accounts" in get(client, listed, "?country=US")
    assert "1 organisation, 1 account" in get(client, listed, "?platform=youtube")


def test_only_countries_and_regions_with_organisations_are_offered(client, listed):
    soup = BeautifulSoup(get(client, listed, "?country=CA"), "html.parser")

    countries = [o.get_text() for o in soup.select("#id_country option")]
    regions = [o.get_text() for o in soup.select("#id_region option")]
    assert countries == ["All countries", "Canada", "United Kingdom", "United States of America"]
    assert regions == ["All regions", "Ontario"]


@pytest.mark.parametrize(
    "query",
    [
        "?country=ZZ",
        "?platform=myspace",
        "?type=%3Cscript%3E",
        "?sort=evil",
        "?q=" + "x" * 5000,
        "?q=%00%3Cb%3E",
        "?page=abc",
        "?page=9999",
        "?region=%00",
    ],
)
def test_naughty_filters_get_a_page_never_an_error(client, listed, query):
    response = client.get(listed.url + query)

    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_an_unknown_choice_is_reported_at_its_field(client, listed):
    soup = BeautifulSoup(get(client, listed, "?platform=myspace"), "html.parser")

    error = soup.select_one("#id_platform_error")
    assert "Select a valid choice" in error.get_text()
    assert "id_platform_error" in soup.select_one("#id_platform")["aria-describedby"]
    assert len(names(str(soup))) == 3  # the filter is left out, the rest still applies


def test_filter_form_is_labelled_and_sent_by_get(client, listed):
    soup = BeautifulSoup(get(client, listed), "html.parser")
    form = soup.select_one("form.directory-filters")

    assert form["method"] == "get"
    for field in form.select("select, input"):
        assert soup.select_one(f"label[for={field['id']}]") is not None
    assert soup.select_one("h1").get_text() == "Health Care Social Media List"


def test_directory_pages_through_organisations_keeping_the_filters(client, directory_page):
    for number in range(30):
        OrganisationFactory(name=f"Clinic {number:02d}", country="FR", region="Bretagne")

    first = get(client, directory_page, "?country=FR")
    second = get(client, directory_page, "?country=FR&page=2")

    assert len(names(first)) == 24
    assert names(second) == [f"Clinic {n}" for n in range(24, 30)]
    soup = BeautifulSoup(first, "html.parser")
    assert soup.select_one("a[rel=next]")["href"] == "?country=FR&page=2"
    assert "Page 1 of 2" in first


def test_organisation_has_a_page_of_its_own(client, listed):
    response = client.get(listed.url + "organisations/lakeside-health-system/")

    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("h1").get_text() == "Lakeside Health System"
    assert [a["href"] for a in soup.select(".account-list a")] == [
        "https://x.com/lakesidehealth",
        "https://www.youtube.com/@lakesidetv",
    ]
    assert soup.select_one("link[rel=canonical]")["href"].endswith(
        "/social-media-list/organisations/lakeside-health-system/"
    )
    card_link = BeautifulSoup(get(client, listed), "html.parser").select_one(
        ".directory-card__name a"
    )
    assert card_link["href"] == "/social-media-list/organisations/harbourfront-childrens/"


def test_an_unknown_organisation_is_not_found(client, listed):
    assert client.get(listed.url + "organisations/nobody/").status_code == 404


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_directory_answers_in_the_same_number_of_queries_for_3_or_40_organisations(
    client, directory_page, django_assert_max_num_queries
):
    for _ in range(3):
        organisation_with_accounts()
    client.get(directory_page.url)  # the site's caches warmed
    small = queries_for(client, directory_page.url + "?platform=x&sort=place")
    for _ in range(37):
        organisation_with_accounts(country="CA", region="Quebec")
    large = queries_for(client, directory_page.url + "?platform=x&sort=place")

    assert small == large
    with django_assert_max_num_queries(14):
        client.get(directory_page.url + "?q=riverside&country=CA&page=2")


def test_directory_of_10000_organisations_answers_in_as_many_queries_as_one_of_3(
    client, directory_page, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the page as it is made, not from the page cache
    from directory.models import Account, Organisation

    def add(start, count):
        Organisation.objects.bulk_create(
            Organisation(
                name=f"Clinic {n:05d}",
                slug=f"clinic-{n:05d}",
                type="clinic",
                country=("US", "CA", "GB")[n % 3],
                region=f"Region {n % 5}",
            )
            for n in range(start, start + count)
        )
        Account.objects.bulk_create(
            Account(
                organisation=organisation,
                platform="x",
                url=f"https://x.com/{organisation.slug}",
                handle=f"@{organisation.slug}",
            )
            for organisation in Organisation.objects.filter(slug__gte=f"clinic-{start:05d}")
        )

    urls = [
        directory_page.url,
        directory_page.url + "?country=CA&platform=x&sort=place&page=40",
        directory_page.url + "?q=clinic+0000",
    ]
    add(0, 3)
    client.get(directory_page.url)
    small = [queries_for(client, url) for url in urls]
    add(3, 9997)
    large = [queries_for(client, url) for url in urls]

    assert Organisation.objects.count() == 10_000
    assert large == small
    assert (
        "10,000 organisations, 10,000 accounts" in client.get(directory_page.url).content.decode()
    )


def test_sitemap_lists_each_organisations_page(client, listed):
    sitemap = client.get("/sitemap.xml").content.decode()

    assert "/social-media-list/</loc>" in sitemap
    assert "/social-media-list/organisations/lakeside-health-system/</loc>" in sitemap
    assert sitemap.count("/social-media-list/organisations/") == 3
