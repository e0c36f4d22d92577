"""Fill a database with N live stories and M comments, fast, and time every page.

    python benchmarks/fill.py [--stories N] [--comments M] [--queued Q] [--rounds R]
                              [--name DATABASE] [--keep] [--no-measure]
                              [--no-thread-cache] [--read-only]

Builds a throwaway database (the PostgreSQL server of DATABASE_URL, in a database
named ``--name``, ``<name>_fill`` by default; or SQLite) with N live stories under
the story index and M published comments on them, in bulk: the tree paths computed
as treebeard makes them, comments-xtd's thread fields (``thread_id``,
``parent_id``, ``level``, ``order``, ``nested_count``) computed; on PostgreSQL
the rows written by COPY and the search index computed in SQL as the search
backend computes it (``index_in_sql``), elsewhere the rows by ``bulk_create`` and
the index by the backend, in batches. One story has 50 comments, one 500 and one
1,000 (when M allows). Q stories are submitted for review through the real path
(``submit_story``), for the queues.

Then, unless ``--no-measure``, it times each page with Django's test client, as
``pages.py`` does: the median of R warm rounds, interleaved (each round asks for
every page once), the median CPU time of this process (the database's own time is
the difference on PostgreSQL), the size of the page and its number of queries.
``--keep`` leaves the database for EXPLAIN ANALYZE (and reuses one that exists:
run again with ``--stories 0`` to measure it only); drop it when done.
``--no-thread-cache`` makes story pages' threads afresh on every request, as the
first reader after a change to a story's comments gets them. ``--read-only
--name DATABASE`` times the public pages of an existing database without writing
to it (another's, kept for measuring): no migration, read-only transactions.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sharing.settings.test")

BATCH = 2_000
WORDS = (
    "nurse nurses doctor ward night shift visit surgery recovery family waiting room "
    "kindness care hospital heart walk garden therapy pain sleep morning coffee tea "
    "daughter son mother father friend volunteer chaplain porter bike appointment"
).split()


def fill(stories, comments, *, queued=0, seed=7, report=print):
    """``stories`` live stories and ``comments`` published comments (in threads up to
    comments-xtd's deepest level), ``queued`` stories waiting for review; returns
    ``{"fifty": story, "five_hundred": story, "thousand": story}``, the stories with
    exactly 50, 500 and 1,000 comments (None when ``comments`` is too small)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection

    from home.services import set_up_site
    from moderation.permissions import MODERATORS_GROUP

    rng = random.Random(seed)
    started = time.perf_counter()
    index = set_up_site()
    if not get_user_model().objects.filter(username="bench-moderator").exists():
        user = get_user_model().objects.create_user("bench-moderator")
        user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    auto_update = {
        name: backend.get("AUTO_UPDATE", True)
        for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    for backend in settings.WAGTAILSEARCH_BACKENDS.values():
        backend["AUTO_UPDATE"] = False  # the index is written in batches below
    try:
        story_ids = add_stories(index, stories, rng)
        report(f"{stories:,} stories in {time.perf_counter() - started:.0f} s")
        special = add_comments(story_ids, comments, rng, report=report)
        report(f"{comments:,} comments in {time.perf_counter() - started:.0f} s")
        index_stories(story_ids)
        report(f"search index in {time.perf_counter() - started:.0f} s")
    finally:
        for name, value in auto_update.items():
            settings.WAGTAILSEARCH_BACKENDS[name]["AUTO_UPDATE"] = value
    submit_waiting(queued, rng)
    if queued:
        report(f"{queued:,} submissions in {time.perf_counter() - started:.0f} s")
    # The rows went in without the signals publishing sends: the counts the
    # listings keep are counted again.
    from stories.listing import forget_story_counts

    forget_story_counts()
    if connection.vendor == "postgresql":
        # Planner statistics, as autovacuum gathers them soon after a bulk load.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return special


def add_stories(index, count, rng):
    """``count`` live stories under ``index``, oldest first; returns their ids."""
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Page

    from home.demo_stories import STORIES, TOPICS
    from stories.models import StoryPage, StoryTopic, Topic

    for name in TOPICS:
        Topic.objects.get_or_create(name=name)
    topics = list(Topic.objects.values_list("pk", flat=True))
    page_type = ContentType.objects.get_for_model(StoryPage)
    index.refresh_from_db()
    first = index.numchild + 1
    now = timezone.now()
    # Ten years of stories, a few a day; the same day's in the order they went live.
    offsets = sorted(rng.randrange(10 * 365 * 24 * 60) for _ in range(count))
    ids = []
    fast = connection.vendor == "postgresql"
    for start in range(0, count, BATCH * (25 if fast else 1)):
        pages, stories, tags = [], [], []
        for i in range(start, min(start + BATCH * (25 if fast else 1), count)):
            data = rng.choice(STORIES)
            published = now - timedelta(minutes=offsets[count - 1 - i])
            words = " ".join(rng.choices(WORDS, k=40))
            slug = f"fill-{first + i}"
            title = f"{data['title']} ({first + i})"
            pages.append(
                {
                    "title": title,
                    "draft_title": title,
                    "slug": slug,
                    "path": Page._get_path(index.path, index.depth + 1, first + i),
                    "depth": index.depth + 1,
                    "numchild": 0,
                    "url_path": f"{index.url_path}{slug}/",
                    "translation_key": uuid.UUID(int=rng.getrandbits(128), version=4),
                    "live": True,
                    "has_unpublished_changes": False,
                    "first_published_at": published,
                    "last_published_at": published,
                }
            )
            stories.append(
                {
                    "date": published.date(),
                    "author_display_name": data["name"],
                    "author_role": data["role"],
                    "summary": data["summary"],
                    "body": f"{data['body']}\n\n{words}.",
                }
            )
            tags.append(rng.sample(topics, 2))
        fixed = {"locale_id": index.locale_id, "content_type_id": page_type.pk}
        if fast:
            pks = reserve_ids(Page, len(pages))
            copy_rows(Page, [{"id": pk, **row} for pk, row in zip(pks, pages, strict=True)], fixed)
            copy_rows(
                StoryPage,
                [{"page_ptr_id": pk, **row} for pk, row in zip(pks, stories, strict=True)],
                {},
            )
            copy_rows(
                StoryTopic,
                [
                    {"content_object_id": pk, "tag_id": tag}
                    for pk, pair in zip(pks, tags, strict=True)
                    for tag in pair
                ],
                {},
            )
        else:
            batch = [
                StoryPage(**page, **story, **fixed)
                for page, story in zip(pages, stories, strict=True)
            ]
            page_fields = Page._meta.concrete_fields
            bases = Page.objects.bulk_create(
                [Page(**{f.attname: getattr(s, f.attname) for f in page_fields}) for s in batch]
            )
            pks = [base.pk for base in bases]
            for story, pk in zip(batch, pks, strict=True):
                story.id = story.page_ptr_id = pk
            # bulk_create refuses a model with a parent table: the ORM's own batch insert.
            StoryPage.objects._insert(batch, fields=StoryPage._meta.local_concrete_fields, raw=True)
            StoryTopic.objects.bulk_create(
                StoryTopic(content_object_id=pk, tag_id=tag)
                for pk, pair in zip(pks, tags, strict=True)
                for tag in pair
            )
        ids.extend(pks)
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
    return ids


def reserve_ids(model, count):
    """``count`` new ids of ``model`` from its table's id sequence (PostgreSQL), so
    that the rows written with them by COPY leave the sequence past them."""
    from django.db import connection

    if not count:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence(%s, %s), nextval(pg_get_serial_sequence(%s, %s))"
            " + %s - 1)",
            [table, model._meta.pk.column, table, model._meta.pk.column, count],
        )
        last = cursor.fetchone()[0]
    return range(last - count + 1, last + 1)


def copy_rows(model, rows, fixed):
    """``rows`` (dicts of attribute names to values, the same keys in each) into
    ``model``'s own table by PostgreSQL's COPY, the columns they do not name from
    ``fixed`` or else the field's default, as the ORM would save a new object; an
    auto id left out is the sequence's."""
    from django.db import connection
    from django.db.models import AutoField

    if not rows:
        return
    varying = list(rows[0])
    template = model(**fixed)
    constant = []
    for field in model._meta.local_concrete_fields:
        if field.attname in varying or (
            isinstance(field, AutoField) and field.attname not in fixed
        ):
            continue
        value = field.pre_save(template, add=True)
        constant.append((field.column, field.get_db_prep_save(value, connection)))
    columns = [model._meta.get_field(name).column for name in varying]
    columns += [column for column, _value in constant]
    tail = tuple(value for _column, value in constant)
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({quoted}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(tuple(row[name] for name in varying) + tail)


def thread_shapes(count, rng):
    """``count`` comments as threads: for each comment, (index of its thread's first
    comment, index of its parent, level), parents before their replies, each thread
    in comments-xtd's order (a reply to a reply right under its parent)."""
    shapes = []
    while len(shapes) < count:
        root = len(shapes)
        shapes.append((root, root, 0))
        last_reply = None
        for _ in range(min(int(rng.expovariate(0.5)), count - len(shapes))):
            if last_reply is not None and rng.random() < 0.4:
                shapes.append((root, last_reply, 2))
            else:
                last_reply = len(shapes)
                shapes.append((root, root, 1))
    return shapes


# The much discussed stories: (name, comments, place from the last story filled).
DISCUSSED = (("five_hundred", 500, 1), ("fifty", 50, 2), ("thousand", 1_000, 3))


def add_comments(story_ids, count, rng, report=print):
    """``count`` published comments on the stories ``story_ids``, with their reviews:
    one story 50, one 500, one 1,000, the rest spread unevenly (some stories much
    discussed)."""
    from django.contrib.contenttypes.models import ContentType

    from stories.models import StoryPage

    page_type = ContentType.objects.get_for_model(StoryPage)
    special = {"fifty": None, "five_hundred": None, "thousand": None}
    per_story = {}
    remaining = count
    for name, size, position in DISCUSSED:
        if position < len(story_ids) and remaining >= size:
            special[name] = story_ids[-position]
            per_story[story_ids[-position]] = size
            remaining -= size
    others = [pk for pk in story_ids if pk not in per_story]
    if others:
        weights = [rng.paretovariate(1.5) for _ in others]
        for pk in rng.choices(others, weights=weights, k=remaining):
            per_story[pk] = per_story.get(pk, 0) + 1
    pending = []
    written = 0
    for pk, size in per_story.items():
        pending.append((pk, size))
        if sum(size for _, size in pending) >= BATCH * 5:
            written += write_comments(pending, page_type, rng, written)
            pending = []
            if written % 100_000 < BATCH * 5:
                report(f"  {written:,} comments")
    if pending:
        write_comments(pending, page_type, rng, written)
    specials = StoryPage.objects.in_bulk([pk for pk in special.values() if pk])
    return {name: specials.get(pk) for name, pk in special.items()}


def write_comments(stories, page_type, rng, numbered_from):
    """The comments of ``stories`` (``(story id, number of comments)``): the base rows,
    comments-xtd's rows with their thread fields, and a review for each."""
    from django.db import connection
    from django_comments.models import Comment
    from django_comments_xtd.models import XtdComment

    from comments.models import CommentReview, ReviewState

    rows, shapes = [], []
    start = datetime(2020, 1, 1, tzinfo=UTC)
    for pk, size in stories:
        offset = len(rows)
        for root, parent, level in thread_shapes(size, rng):
            n = numbered_from + len(rows)
            shapes.append((offset + root, offset + parent, level))
            rows.append(
                {
                    "object_pk": str(pk),
                    "user_name": f"Reader {n}",
                    "user_email": f"reader{n}@example.org",
                    "comment": f"Comment number {n}. " + " ".join(rng.choices(WORDS, k=12)),
                    "submit_date": start + timedelta(minutes=n),
                }
            )
    fixed = {"content_type_id": page_type.pk, "site_id": 1, "is_public": True}
    fast = connection.vendor == "postgresql"
    if fast:
        pks = reserve_ids(Comment, len(rows))
        copy_rows(Comment, [{"id": pk, **row} for pk, row in zip(pks, rows, strict=True)], fixed)
    else:
        bases = Comment.objects.bulk_create(
            [Comment(**row, **fixed) for row in rows], batch_size=BATCH
        )
        pks = [base.pk for base in bases]
    # comments-xtd's thread fields: ``order`` counts down each thread as it is shown,
    # ``nested_count`` is the number of a comment's replies at any depth.
    order, replies = {}, {}
    threads = []
    for i, (root, parent, level) in enumerate(shapes):
        order[root] = order.get(root, 0) + 1
        if root != i:
            replies[root] = replies.get(root, 0) + 1
            if parent != root:
                replies[parent] = replies.get(parent, 0) + 1
        threads.append(
            {
                "comment_ptr_id": pks[i],
                "thread_id": pks[root],
                "parent_id": pks[parent],
                "level": level,
                "order": order[root],
                "followup": False,
            }
        )
    for i, row in enumerate(threads):
        row["nested_count"] = replies.get(i, 0)
    reviews = [
        {"comment_id": pk, "key": f"fill-{pk}", "object_pk": row["object_pk"]}
        for pk, row in zip(pks, rows, strict=True)
    ]
    review_fixed = {
        "content_type_id": page_type.pk,
        "state": ReviewState.PUBLISHED,
        "engine_version": "fill",
    }
    if fast:
        copy_rows(XtdComment, threads, {})
        copy_rows(CommentReview, reviews, review_fixed)
        return len(rows)
    xtd = []
    for row, base in zip(threads, rows, strict=True):
        comment = XtdComment(**row)
        comment.pk = row["comment_ptr_id"]
        comment.content_type_id, comment.object_pk = page_type.pk, base["object_pk"]
        xtd.append(comment)
    for batch in range(0, len(xtd), BATCH):
        XtdComment.objects._insert(
            xtd[batch : batch + BATCH], fields=XtdComment._meta.local_concrete_fields, raw=True
        )
    CommentReview.objects.bulk_create(
        (CommentReview(**row, **review_fixed) for row in reviews), batch_size=BATCH
    )
    return len(rows)


def index_stories(story_ids):
    """The search index's entries of the stories, as the search backend writes them:
    on PostgreSQL computed by the database in one statement (``index_in_sql``), on
    another database written by the backend in batches, as
    ``rebuild_modelsearch_index`` writes them."""
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    from stories.models import StoryPage

    if connection.vendor == "postgresql":
        index_in_sql(story_ids)
        return
    backend = get_search_backend()
    for start in range(0, len(story_ids), BATCH // 4):
        batch = story_ids[start : start + BATCH // 4]
        backend.add_bulk(StoryPage, list(StoryPage.get_indexed_objects().filter(pk__in=batch)))


def index_in_sql(story_ids):
    """The entries Wagtail's PostgreSQL database search backend (django-modelsearch's
    ``PostgresIndex.add_items``) writes for the stories, computed in SQL: each of a
    story's search fields a ``setweight(to_tsvector(config, text), weight)``, joined
    with ``||`` in the order of ``StoryPage.search_fields`` (the title; the summary,
    the body and the topics' names, in the order they were given; the autocomplete
    fields in the "simple" configuration), the plain texts for trigram matching, and
    ``title_norm`` as the backend refreshes it (the average title length over this
    one's).
    ``tests/benchmarks/test_fill.py`` checks the rows against the backend's own."""
    from django.db import connection
    from modelsearch.backends.database.postgres.weights import get_weight
    from modelsearch.index import AutocompleteField, RelatedFields, SearchField
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    from stories.models import StoryPage, StoryTopic

    if not story_ids:
        return
    fields = StoryPage.get_search_fields()
    expected = [
        (type(field).__name__, field.field_name)
        for field in fields
        if isinstance(field, (SearchField, AutocompleteField, RelatedFields))
    ]
    # What the SQL below writes; a change of the search fields must change it too.
    if expected != [
        ("SearchField", "title"),
        ("AutocompleteField", "title"),
        ("SearchField", "summary"),
        ("SearchField", "body"),
        ("AutocompleteField", "body"),
        ("RelatedFields", "topics"),
    ]:
        raise NotImplementedError(f"index_in_sql writes other search fields than {expected}")
    boost = {field.field_name: field.boost for field in fields if isinstance(field, SearchField)}
    topic_boost = next(f for f in fields if isinstance(f, RelatedFields)).fields[0].boost
    config = get_search_backend().config
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT max(n) FROM (SELECT count(*) AS n FROM {StoryTopic._meta.db_table} "  # noqa: S608 - names only
            "WHERE content_object_id = ANY(%s) GROUP BY content_object_id) AS counts",
            [list(story_ids)],
        )
        most_topics = cursor.fetchone()[0] or 0

        def vector(text, weight, search_config="%(config)s::regconfig"):
            return f"COALESCE(setweight(to_tsvector({search_config}, {text}), '{weight}'), '')"

        topics = [
            vector(f"topics.names[{i}]", get_weight(topic_boost)) for i in range(1, most_topics + 1)
        ]
        body = " || ".join(
            [
                vector("story.summary", get_weight(boost["summary"])),
                vector("story.body", get_weight(boost["body"])),
                *topics,
            ]
        )
        texts = ", ".join(
            ["NULLIF(btrim(story.summary), '')", "NULLIF(btrim(story.body), '')"]
            + [f"NULLIF(btrim(topics.names[{i}]), '')" for i in range(1, most_topics + 1)]
        )
        cursor.execute(
            f"""
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm,
                 title_text, body_text)
            SELECT %(content_type)s, page.id::text,
                {vector("page.title", get_weight(boost["title"]))},
                {vector("page.title", "D", "'simple'")} || {vector("story.body", "D", "'simple'")},
                {body},
                1.0, btrim(page.title), concat_ws(' ', {texts})
            FROM stories_storypage AS story
            JOIN wagtailcore_page AS page ON page.id = story.page_ptr_id
            LEFT JOIN LATERAL (
                SELECT array_agg(topic.name ORDER BY tagged.id) AS names
                FROM stories_storytopic AS tagged JOIN stories_topic AS topic
                    ON topic.id = tagged.tag_id
                WHERE tagged.content_object_id = story.page_ptr_id
            ) AS topics ON true
            WHERE story.page_ptr_id = ANY(%(ids)s)
            ON CONFLICT (content_type_id, object_id) DO NOTHING
            """,  # noqa: S608 - names and SQL of this module only
            {
                "content_type": content_type_of(StoryPage),
                "ids": list(story_ids),
                "config": config,
            },
        )
        # The backend's refresh of title_norm: average title length / this title's.
        cursor.execute(
            f"""
            UPDATE {IndexEntry._meta.db_table}
            SET title_norm = (
                SELECT avg(length(title)) FROM {IndexEntry._meta.db_table}
                WHERE length(title) > 0
            ) / length(title)
            WHERE title_norm = 1.0 AND length(title) > 0
            """  # noqa: S608 - names only
        )


def content_type_of(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model).pk


def submit_waiting(count, rng):
    """``count`` stories sent in through the form's own path, screened, in the workflow."""
    from home.demo_stories import STORIES
    from stories.services import submit_story

    for i in range(count):
        data = rng.choice(STORIES)
        submit_story(
            {
                "title": f"Waiting story {i}",
                "body": data["body"] + "\n\nCall me on 612-555-0143 if you want to talk.",
                "role": data["role"],
                "naming": "anonymous",
                "name": "",
                "email": f"author{i}@example.org",
            }
        )


def pages_to_time(special):
    from stories.listing import NEWEST_FIRST
    from stories.models import STORIES_PER_PAGE, StoryIndexPage

    index = StoryIndexPage.objects.get()
    listing = index.published_stories().order_by(*NEWEST_FIRST).values_list("pk", flat=True)
    count = listing.count()
    last = max(1, -(-count // STORIES_PER_PAGE))
    middle = max(1, last // 2)
    pages = [("home", "public", "/"), ("story index, page 1", "public", index.url)]
    for label, number in (("middle", middle), ("last", last)):
        # Older than the last story of the page before: the page's own link.
        if number > 1:
            before = listing[(number - 1) * STORIES_PER_PAGE - 1]
            pages.append(
                (f"story index, page {number} ({label})", "public", f"{index.url}?before={before}")
            )
    for name, size, _position in sorted(DISCUSSED, key=lambda discussed: discussed[1]):
        if special.get(name):
            pages.append((f"story with {size:,} comments", "public", special[name].url))
    pages += [
        ('search "nurses"', "public", "/search/?q=nurses"),
        ("feed", "public", "/feed/"),
        ("admin dashboard", "moderator", "/admin/"),
        ("admin story queue", "moderator", "/admin/story-queue/"),
        ("admin comment queue", "moderator", "/admin/comments/"),
    ]
    return pages


def measure(pages, rounds, report=print):
    """The pages as they are made: the page cache (which would serve the public
    pages from the second round on with no query) is off. "sql ms" is the time the
    queries took as this process waited for them (Django's query log), the
    database's share of the page, less noisy than the wall time on a shared machine;
    its spread over the rounds (min-max) with it."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_SECONDS = 0
    clients = {"public": Client(), "moderator": Client()}
    if any(client == "moderator" for _label, client, _url in pages):
        clients["moderator"].force_login(get_user_model().objects.get(username="bench-moderator"))
    times = {label: [] for label, _client, _url in pages}
    cpu = {label: [] for label, _client, _url in pages}
    sql = {label: [] for label, _client, _url in pages}
    sizes, queries = {}, {}
    for label, client, url in pages:  # warm caches, as a running server would be
        response = clients[client].get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        with CaptureQueriesContext(connection) as captured:
            response = clients[client].get(url)
        sizes[label] = len(response.content)
        queries[label] = len(captured.captured_queries)
    for _ in range(rounds):
        for label, client, url in pages:
            with CaptureQueriesContext(connection) as captured:
                start, start_cpu = time.perf_counter(), time.process_time()
                clients[client].get(url)
                times[label].append((time.perf_counter() - start) * 1000)
                cpu[label].append((time.process_time() - start_cpu) * 1000)
            sql[label].append(sum(float(q["time"]) for q in captured.captured_queries) * 1000)
    report(
        f"{'page':36} {'median ms':>10} {'cpu ms':>8} {'sql ms':>8} {'(min-max)':>13} "
        f"{'KB':>6} {'queries':>8}"
    )
    for label, _client, _url in pages:
        spread = f"({min(sql[label]):.0f}-{max(sql[label]):.0f})"
        report(
            f"{label:36} {statistics.median(times[label]):10.1f} "
            f"{statistics.median(cpu[label]):8.1f} {statistics.median(sql[label]):8.1f} "
            f"{spread:>13} {sizes[label] / 1024:6.0f} {queries[label]:8d}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1_000)
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--queued", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--name", help="the database's name (default: DATABASE_URL's + _fill)")
    parser.add_argument("--keep", action="store_true", help="keep (or reuse) the database")
    parser.add_argument("--no-measure", action="store_true")
    parser.add_argument(
        "--no-thread-cache",
        action="store_true",
        help="make story pages' threads afresh on every request (COMMENT_LIST_CACHE_SECONDS = 0)",
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="time the public pages of the existing database --name, in read-only transactions",
    )
    args = parser.parse_args()
    if args.read_only:
        if not args.name:
            parser.error("--read-only needs --name")
        measure_read_only(args.name, args.rounds, thread_cache=not args.no_thread_cache)
        return

    from benchmarks.harness import test_database

    def fill_database(database):
        if database["ENGINE"].endswith("postgresql"):
            database.setdefault("TEST", {})["NAME"] = args.name or f"{database['NAME']}_fill"

    with test_database(fill_database, keepdb=args.keep):
        started = time.perf_counter()
        special = fill(args.stories, args.comments, queued=args.queued)
        from django.db import connection

        print(f"built in {time.perf_counter() - started:.0f} s ({connection.vendor})\n")
        if args.no_thread_cache:
            from django.conf import settings

            settings.COMMENT_LIST_CACHE_SECONDS = 0
        if not args.no_measure:
            if not any(special.values()):
                special = find_discussed()
            measure(pages_to_time(special), args.rounds)


def measure_read_only(name, rounds, *, thread_cache=True):
    """The public pages of the PostgreSQL database ``name`` as it is, another's to
    keep: no test database made, no migration, no login, and every transaction
    read-only (``default_transaction_read_only``), so that any write fails rather
    than changes it. A site setting the database has no row for yet (Wagtail's
    ``for_site`` would create it on the first page) is read as its defaults."""
    import logging

    os.environ["PGOPTIONS"] = (
        os.environ.get("PGOPTIONS", "") + " -c default_transaction_read_only=on"
    ).strip()
    import django

    django.setup()
    logging.disable(logging.INFO)
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment
    from wagtail.contrib.settings.models import BaseSiteSetting

    setup_test_environment()
    settings.DATABASES["default"]["NAME"] = name
    if not thread_cache:
        settings.COMMENT_LIST_CACHE_SECONDS = 0
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_database(), current_setting('default_transaction_read_only')"
        )
        if cursor.fetchone() != (name, "on"):
            raise SystemExit(f"not a read-only connection to {name}")

    def for_site(cls, site):
        found = cls.base_queryset().filter(site=site).first()
        return found if found is not None else cls(site=site)

    BaseSiteSetting.for_site = classmethod(for_site)
    pages = [page for page in pages_to_time(find_discussed()) if page[1] == "public"]
    measure(pages, rounds)


def find_discussed():
    """In a kept database, the stories with 50, 500 and 1,000 comments."""
    from django.db.models import Count

    from comments.models import public_comments
    from stories.models import StoryPage

    found = {}
    for name, size, _position in DISCUSSED:
        pk = (
            public_comments()
            .values("object_pk")
            .annotate(n=Count("pk"))
            .filter(n=size)
            .order_by("-n")
            .values_list("object_pk", flat=True)
            .first()
        )
        found[name] = StoryPage.objects.filter(pk=pk).first() if pk else None
    return found


if __name__ == "__main__":
    main()
