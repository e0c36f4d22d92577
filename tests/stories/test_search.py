"""Searching the stories: what a reader finds, on each database, and what they never find."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.listing import NEWEST_FIRST
from stories.models import StoryPage
from stories.services import withdraw_submission
from stories.views import SEARCH_CANDIDATES
from tests.factories import SubmissionFactory, TopicFactory

HEART_STORY = (
    "My heart stopped twice on the ward. After the chemotherapy came months of "
    "rehabilitation, and the physiotherapists never gave up on me."
)


def titles(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return [story.title for story in response.context["results"] or []]


@pytest.fixture
def heart_story(make_story):
    make_story(title="Two more summers", body="Something else entirely.")
    return make_story(title="The ward at night", body=HEART_STORY)


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming and trigrams are PostgreSQL's"
)


@pytest.mark.parametrize("word", ["heart", "chemotherapy", "rehabilitation"])
def test_a_word_of_the_story_finds_it(client, heart_story, word):
    assert titles(client, word) == ["The ward at night"]


def test_a_topic_finds_its_stories(client, make_story):
    make_story(title="Tagged", topics=[TopicFactory(name="Oncology")])
    make_story(title="Not tagged", body="Nothing about that here.")

    assert titles(client, "oncology") == ["Tagged"]


def test_the_beginning_of_a_word_finds_the_story(client, heart_story):
    # When nothing matches as typed, the last word may be the start of a longer one.
    assert titles(client, "rehab") == ["The ward at night"]


@pytest.fixture
def server_without_english(db):
    """A PostgreSQL server whose default text search configuration does not stem
    (as a server initialised in another language has), for this test only."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL default_text_search_config = 'pg_catalog.simple'")


@postgresql_only
def test_on_postgresql_another_form_of_a_word_finds_the_story(
    client, server_without_english, heart_story
):
    assert titles(client, "hearts") == ["The ward at night"]
    # By stemming, as typed: not only through the search that forgives misspellings.
    stories = StoryPage.objects.live()
    assert [story.title for story in stories.search("hearts")] == ["The ward at night"]
    assert [story.title for story in stories.search("rehabilitating")] == ["The ward at night"]


@postgresql_only
@pytest.mark.parametrize("misspelt", ["rehabilitaton", "chemoterapy", "hart"])
def test_on_postgresql_a_misspelt_word_finds_the_story(client, heart_story, misspelt):
    assert titles(client, misspelt) == ["The ward at night"]


def test_search_never_finds_a_story_that_is_not_on_the_site(client, story_index, make_story):
    make_story(title="Published heart story", body=HEART_STORY)
    draft = make_story(title="Draft heart story", body=HEART_STORY, live=False)
    SubmissionFactory(story=draft)
    unpublished = make_story(title="Unpublished heart story", body=HEART_STORY)
    unpublished.unpublish()
    private = make_story(title="Private heart story", body=HEART_STORY)
    private.view_restrictions.create(restriction_type="login")
    withdrawn = make_story(title="Withdrawn heart story", body=HEART_STORY)
    SubmissionFactory(story=withdrawn)
    withdraw_submission(withdrawn.submission)

    for query in ["heart", "rehabilitaton", "rehab", "hearts"]:
        assert set(titles(client, query)) <= {"Published heart story"}, query
    assert titles(client, "heart") == ["Published heart story"]


def test_search_results_take_a_bounded_number_of_queries(
    client, make_story, django_assert_max_num_queries
):
    topic = TopicFactory(name="Cardiology")
    for number in range(8):
        make_story(title=f"Heart story {number}", body=HEART_STORY, topics=[topic])
    client.get("/search/")  # the site's crisis resources (the footer's line) exist after it

    # Two of them are the footer's crisis line: the request's site and its setting.
    with django_assert_max_num_queries(9):
        response = client.get("/search/", {"q": "heart"})
    assert len(response.context["results"]) == 8
    # Each try is a query for the newest matches; on PostgreSQL the trigram try
    # runs in a savepoint, with a time limit set and undone (two queries), and asks
    # the trigram indexes first, in a savepoint of its own with a shorter limit
    # (five queries, where a word like nothing compared every story).
    with django_assert_max_num_queries(17):
        response = client.get("/search/", {"q": "rehab"})
    assert len(response.context["results"]) == 8


@postgresql_only
def test_on_postgresql_without_pg_trgm_search_still_answers(client, heart_story):
    with connection.cursor() as cursor:
        cursor.execute("DROP EXTENSION pg_trgm CASCADE")  # its indexes too; undone after the test

    assert titles(client, "rehab") == ["The ward at night"]
    assert titles(client, "rehabilitaton") == []


@pytest.fixture
def many_matches(story_index):
    """More stories with the word "kindness" than a search ranks, and one more
    without it, newest of all."""
    from benchmarks.fill import fill

    fill(SEARCH_CANDIDATES + 30, 0, report=lambda line: None)
    for story in StoryPage.objects.live().exclude(body__contains="kindness"):
        story.body += " Such kindness."
        story.save_revision().publish()
    newest = StoryPage.objects.live().order_by(*NEWEST_FIRST).first()
    return list(
        StoryPage.objects.live().order_by(*NEWEST_FIRST).values_list("pk", flat=True)
    ), newest


def test_a_common_word_ranks_only_the_newest_stories_it_matches(client, many_matches, settings):
    """Ranking and counting every story a common word matches ("nurses": 94% of
    100,000 stories) took seconds: the search ranks the newest SEARCH_CANDIDATES."""
    settings.PAGE_CACHE_SECONDS = 0
    newest_first, _newest = many_matches
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": "kindness"})
    html = response.content.decode()
    assert f"More than {SEARCH_CANDIDATES} stories match “kindness”" in html
    assert len(response.context["results"]) == 10
    assert response.context["results"].paginator.num_pages == SEARCH_CANDIDATES // 10
    # No query counted the matches; the one that found them stopped at a bound.
    assert not [query for query in queries if '"__count"' in query["sql"]]
    shown = set()
    for number in range(1, SEARCH_CANDIDATES // 10 + 1):
        page = client.get("/search/", {"q": "kindness", "page": number})
        shown |= {story.pk for story in page.context["results"]}
    assert shown == set(newest_first[:SEARCH_CANDIDATES])


def test_a_search_ranks_the_stories_it_found_best_first(client, many_matches):
    newest_first, _newest = many_matches
    oldest, older, newer = (StoryPage.objects.get(pk=newest_first[n]) for n in (-1, -2, 5))
    # A word of a few stories only, however old: all found, counted, best first
    # (the title is worth more than the text).
    oldest.title = "The harpist of ward nine"
    for story, text in ((oldest, " Music."), (older, " A harpist."), (newer, " A harpist.")):
        story.body += text
        story.save_revision().publish()
    response = client.get("/search/", {"q": "harpist"})
    assert [story.pk for story in response.context["results"]][0] == oldest.pk
    assert {story.pk for story in response.context["results"]} == {oldest.pk, older.pk, newer.pk}
    assert "3 results for “harpist”" in response.content.decode()


@postgresql_only
def test_a_statement_over_the_fuzzy_searchs_time_limit_is_cancelled_and_the_limit_undone(db):
    from django.db import OperationalError

    from stories.views import statement_timeout

    def current():
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            return cursor.fetchone()[0]

    before = current()
    with pytest.raises(OperationalError), statement_timeout(20):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(1)")
    assert current() == before  # the savepoint took the limit with it
    with statement_timeout(2000):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(0.01)")
    assert current() == before


@postgresql_only
def test_on_postgresql_the_trigram_indexes_serve_the_misspelling_search(many_matches):
    """The forgiving try asks the trigram indexes of the search entries' texts
    (migration 0017) first: its query is written with the operator they serve."""
    from stories.views import fuzzy_candidates

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailsearch_indexentry")
        cursor.execute("SET LOCAL enable_seqscan = off")  # as on a table of 100,000
    plan = fuzzy_candidates("rehabilitaton").explain()

    assert "stories_search_title_trigrams" in plan
    assert "stories_search_body_trigrams" in plan


@postgresql_only
def test_on_postgresql_a_word_like_nothing_compares_no_story(client, heart_story):
    """A word like no story's ("zzzqqq") read every story at 100,000 (18 s): the
    trigram indexes find nothing like it, and no story is compared with it."""
    with CaptureQueriesContext(connection) as queries:
        assert titles(client, "zzzqqq") == []

    assert not [query for query in queries if "WORD_SIMILARITY" in query["sql"]]


@postgresql_only
def test_on_postgresql_a_misspelt_common_word_ranks_the_newest_stories_like_it(
    client, many_matches
):
    newest_first, _newest = many_matches

    response = client.get("/search/", {"q": "kindnes"})

    assert f"More than {SEARCH_CANDIDATES} stories match “kindnes”" in response.content.decode()
    shown = set()
    for number in range(1, SEARCH_CANDIDATES // 10 + 1):
        page = client.get("/search/", {"q": "kindnes", "page": number})
        shown |= {story.pk for story in page.context["results"]}
    assert shown == set(newest_first[:SEARCH_CANDIDATES])
