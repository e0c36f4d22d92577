import html as html_module
import re

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from stories.models import STORIES_PER_PAGE, AuthorRole
from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def link(html, rel):
    """The query string of the page's "Older stories" (``next``) or "Newer stories"
    (``prev``) link, or None."""
    found = re.search(rf'<a rel="{rel}" href="\?([^"]*)"', html)
    return html_module.unescape(found.group(1)) if found else None


def test_story_page_renders_title_author_role_topics_and_paragraphs(client, make_story):
    topic = TopicFactory(name="Heart health")
    story = make_story(
        title="Back on the bike",
        author_display_name="Tomasz",
        author_role=AuthorRole.PATIENT,
        body="Cardiac rehab began slowly.\n\nNow I ride to the coast.",
        topics=[topic],
    )

    response = client.get(story.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Back on the bike</h1>" in html
    assert "By Tomasz" in html
    assert "Patient" in html
    assert "<p>Cardiac rehab began slowly.</p>" in html
    assert "<p>Now I ride to the coast.</p>" in html
    assert "?topic=heart-health" in html


def test_story_without_a_name_is_shown_as_anonymous(client, make_story):
    story = make_story(author_display_name="")
    assert "By Anonymous" in client.get(story.url).content.decode()


def test_story_body_is_escaped_not_rendered_as_html(client, make_story):
    story = make_story(body='Before <script>alert("x")</script> after')
    html = client.get(story.url).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_unpublished_story_is_not_found_for_the_public(client, make_story):
    draft = make_story(title="Still a draft", live=False)
    assert client.get(f"/stories/{draft.slug}/").status_code == 404
    assert "Still a draft" not in client.get("/stories/").content.decode()


def test_related_stories_share_a_topic(client, make_story):
    topic, other = TopicFactory(name="Surgery"), TopicFactory(name="Caregiving")
    story = make_story(title="Main story", topics=[topic])
    make_story(title="Same topic story", topics=[topic])
    make_story(title="Other topic story", topics=[other])

    html = client.get(story.url).content.decode()

    assert "Related stories" in html
    assert "Same topic story" in html
    assert "Other topic story" not in html


def test_index_lists_published_stories_newest_first_in_pages(client, story_index, make_story):
    stories = [make_story(title=f"Numbered story {i:02d}") for i in range(STORIES_PER_PAGE + 3)]
    for i, story in enumerate(stories):
        story.date = story.date.replace(day=1, month=1 + i % 12, year=2020 + i // 12)
        story.save_revision().publish()

    first = client.get("/stories/").content.decode()
    assert link(first, "prev") is None
    assert "Older stories" in first
    second = client.get("/stories/?" + link(first, "next")).content.decode()

    assert f"{len(stories)} stories" in first and f"{len(stories)} stories" in second
    assert "Numbered story 14" in first and "Numbered story 00" not in first
    assert "Numbered story 00" in second and "Numbered story 14" not in second
    assert first.index("Numbered story 14") < first.index("Numbered story 13")
    assert second.count('class="story-card"') == 3
    assert link(second, "next") is None  # the last page
    # "Newer stories" leads back to the first page, whole.
    back = client.get("/stories/?" + link(second, "prev")).content.decode()
    assert back.count('class="story-card"') == STORIES_PER_PAGE
    assert "Numbered story 14" in back and link(back, "prev") is None


def test_index_pages_keep_their_stories_when_stories_on_the_same_day_are_added(
    client, story_index, make_story
):
    """A cursor page starts after the last story shown, whatever was published since:
    with ``?page=2`` a new story pushed one from page 1 onto page 2 again."""
    for number in range(STORIES_PER_PAGE + 2):
        make_story(title=f"Same day story {number:02d}")
    first = client.get("/stories/").content.decode()
    make_story(title="Published meanwhile")

    second = client.get("/stories/?" + link(first, "next")).content.decode()

    assert second.count('class="story-card"') == 2
    assert "Same day story 00" in second and "Same day story 01" in second
    assert "Published meanwhile" not in second
    # Back from it: the twelve just newer, then the one published meanwhile.
    newer = client.get("/stories/?" + link(second, "prev")).content.decode()
    assert newer.count('class="story-card"') == STORIES_PER_PAGE
    assert "Same day story 02" in newer and "Published meanwhile" not in newer
    newest = client.get("/stories/?" + link(newer, "prev")).content.decode()
    assert "Published meanwhile" in newest and link(newest, "prev") is None


@pytest.mark.parametrize(
    "query",
    [
        "before=abc",
        "after=abc",
        "before=-1",
        "before=99999999",
        "after=99999999",
        "before=" + "9" * 40,
        "before=%EF%BC%91",  # a digit, but not an ASCII one
        "page=99",  # the old page numbers
        "page=abc",
    ],
)
def test_index_with_a_bad_cursor_shows_the_first_page(client, make_story, query):
    make_story(title="Only story")
    response = client.get("/stories/?" + query)
    assert response.status_code == 200
    assert "Only story" in response.content.decode()


def test_index_cursor_of_a_story_not_listed_shows_the_first_page(client, make_story):
    older = make_story(title="Older story")
    newest = make_story(title="Newest story")
    newest.unpublish()
    html = client.get(f"/stories/?before={newest.pk}").content.decode()
    assert "Older story" in html and "Newest story" not in html
    assert link(html, "prev") is None
    assert "Older story" in client.get(f"/stories/?after={older.pk}").content.decode()


def test_index_filters_by_topic(client, make_story):
    heart = TopicFactory(name="Heart health")
    make_story(title="About a heart", topics=[heart])
    make_story(title="About a knee")

    html = client.get("/stories/?topic=heart-health").content.decode()

    assert "About a heart" in html
    assert "About a knee" not in html


def test_index_filters_by_author_role(client, make_story):
    make_story(title="From a nurse", author_role=AuthorRole.EMPLOYEE)
    make_story(title="From a patient", author_role=AuthorRole.PATIENT)

    html = client.get("/stories/?role=employee").content.decode()

    assert "From a nurse" in html
    assert "From a patient" not in html


def test_index_ignores_an_unknown_role_or_topic(client, make_story):
    make_story(title="Any story")
    assert "Any story" in client.get("/stories/?role=pirate&topic=nope").content.decode()


def test_index_uses_the_same_queries_for_3_and_for_30_stories(
    client, make_story, django_assert_max_num_queries, django_assert_num_queries
):
    topic = TopicFactory(name="Caregiving")
    for _ in range(3):
        make_story(topics=[topic])
    client.get("/stories/")  # warm the site and root-path caches, as any server would
    reset_queries()  # a full query log would hide what is measured
    with django_assert_max_num_queries(12) as three:
        client.get("/stories/")
    queries_for_three = len(three)

    for _ in range(27):
        make_story(topics=[topic])
    client.get("/stories/")
    reset_queries()
    with django_assert_num_queries(queries_for_three):
        response = client.get("/stories/")
    assert response.content.decode().count('class="story-card"') == 12


def statements(sql):
    """Each SELECT in ``sql``, the outer one and every subquery, with the
    subqueries inside it written as ``(SUBQUERY)``."""
    found, stack, current = [], [], ""
    for char in sql:
        if char == "(":
            stack.append(current)
            current = ""
        elif char == ")" and stack:
            found.append(current)
            current = stack.pop() + ("(SUBQUERY)" if current.startswith("SELECT") else "(…)")
        else:
            current += char
    return [text for text in [*found, current] if text.startswith("SELECT")]


def test_listings_sort_and_skip_story_ids_then_fetch_only_the_cards_they_show(
    client, story_index, make_story, home_page
):
    """At 100,000 stories, sorting whole rows (bodies included) and counting the
    comments of every row skipped took seconds on the index's last page."""
    topic = TopicFactory(name="Caregiving")
    for number in range(STORIES_PER_PAGE + 3):
        make_story(title=f"Story number {number}", topics=[topic])

    second_page = "/stories/?" + link(client.get("/stories/").content.decode(), "next")
    for path in (second_page, "/", make_story(topics=[topic]).url):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200
        sorting = [
            statement
            for query in queries
            for statement in statements(query["sql"])
            if '."date" DESC' in statement and " LIMIT " in statement
        ]
        assert sorting, f"{path}: no listing query"
        for statement in sorting:
            selected = statement[: statement.index(" FROM ")]
            assert '"body"' not in selected, f"{path} sorts whole rows: {statement}"
            assert "SUBQUERY" not in selected, f"{path} counts skipped rows: {statement}"

    html = client.get(second_page).content.decode()
    # The story added since is on the first page: the second starts where it started.
    assert html.count('class="story-card"') == 3
    assert "Story number 0" in html  # the oldest, last


def test_home_page_shows_the_call_and_the_latest_stories(client, home_page, make_story):
    make_story(title="A recent story")

    html = client.get("/").content.decode()

    assert home_page.title in html
    assert "Share your story" in html
    assert "A recent story" in html


def test_home_page_lists_featured_stories_first(client, home_page, make_story):
    featured = make_story(title="The featured one")
    home_page.featured_stories.create(story=featured)
    home_page.save_revision().publish()

    html = client.get("/").content.decode()

    assert "Featured stories" in html
    assert html.index("The featured one") < html.index("Latest stories")


def test_search_finds_published_stories_only(client, make_story):
    make_story(title="Infusion chair by the window", body="Chemotherapy every other week.")
    make_story(title="Unpublished infusion story", live=False)

    html = client.get("/search/?q=infusion").content.decode()

    assert "Infusion chair by the window" in html
    assert "Unpublished infusion story" not in html


def test_search_with_no_results_says_so(client, story_index):
    html = client.get("/search/?q=zebra").content.decode()
    assert "No stories match" in html


def test_missing_page_has_a_friendly_404(client, story_index):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We can't find that page" in response.content.decode()


def test_footer_shows_the_crisis_line_the_site_configures(client, make_story):
    from wagtail.models import Site

    from stories.models import CrisisResources

    story = make_story(title="Back on the bike")
    assert "call or text <strong>988</strong>" in client.get("/").content.decode()

    resources = CrisisResources.for_site(Site.objects.get(is_default_site=True))
    resources.footer = "<p>In crisis? Call Samaritans on <strong>116 123</strong>.</p>"
    resources.save()

    for url in ("/", story.url, "/share/", "/stories/", "/no-such-page/"):
        response = client.get(url)
        footer = response.content.decode().split('<footer class="site-footer">')[1]
        assert "Samaritans on <strong>116 123</strong>" in footer, url
        assert "988" not in footer, url
