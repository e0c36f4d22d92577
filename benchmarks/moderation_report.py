"""Response time of the moderation figures at scale.

    python benchmarks/moderation_report.py [--submissions N] [--requests N]

Builds a throwaway test database (SQLite, or the PostgreSQL server of
DATABASE_URL, in a database named ``<name>_bench``) with N submitted stories
spread over the last year, each screened, decided (approved, sent back or
declined), one in ten approved over a blocking finding and a comment or so
for one in five, then times the report page for 4, 12 and 52 weeks and its CSV export with
Django's test client: median and p95 in milliseconds, the median CPU time of
this process (on SQLite, the database's work is in it; on PostgreSQL it is not),
and the number of SQL queries. The figures are for comparing changes on one machine, not promises.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "sharing.settings.test"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=10)
    args = parser.parse_args()

    from benchmarks.harness import test_database

    def bench_database(database):
        database.setdefault("TEST", {})["NAME"] = (
            f"{database['NAME']}_bench" if database["ENGINE"].endswith("postgresql") else None
        )

    with test_database(bench_database):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        started = time.perf_counter()
        build(args.submissions)
        if connection.vendor == "postgresql":
            # Planner statistics, as autovacuum gathers them soon after a bulk load.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(
            f"{args.submissions:,} submissions built in {time.perf_counter() - started:.0f} s "
            f"({connection.vendor})\n"
        )
        from django.contrib.auth import get_user_model
        from django.test import Client

        client = Client()
        client.force_login(get_user_model().objects.get(username="bench-moderator"))
        urls = [
            ("last 4 weeks", "/admin/reports/moderation/?weeks=4"),
            ("last 12 weeks", "/admin/reports/moderation/"),
            ("last 52 weeks", "/admin/reports/moderation/?weeks=52"),
            ("last 52 weeks, CSV", "/admin/reports/moderation/?weeks=52&export=csv"),
        ]
        from moderation.figures import ModerationFigures

        print(f"{'report':24} {'median ms':>10} {'p95 ms':>8} {'cpu ms':>8} {'queries':>8}")
        for weeks in (12, 52):
            times, cpu = [], []
            for _ in range(args.requests):
                start, start_cpu = time.perf_counter(), time.process_time()
                ModerationFigures(weeks).rows()
                times.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
            with CaptureQueriesContext(connection) as queries:
                ModerationFigures(weeks).rows()
            times.sort()
            print(
                f"{f'figures only, {weeks} weeks':24} {statistics.median(times):10.1f} "
                f"{times[-1]:8.1f} {statistics.median(cpu):8.1f} {len(queries.captured_queries):8d}"
            )
        for label, url in urls:
            read(client, url)  # warm caches, as a running server would be
            times, cpu = [], []
            for _ in range(args.requests):
                start, start_cpu = time.perf_counter(), time.process_time()
                read(client, url)
                times.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
            with CaptureQueriesContext(connection) as queries:
                read(client, url)
            times.sort()
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            print(
                f"{label:24} {statistics.median(times):10.1f} {p95:8.1f} "
                f"{statistics.median(cpu):8.1f} {len(queries.captured_queries):8d}"
            )


def read(client, url):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    if response.streaming:
        b"".join(response.streaming_content)


def add_story_pages(index, count, page_type):
    """``count`` draft stories under ``index``, inserted in bulk: the tree paths made
    as treebeard makes them, the base rows by ``bulk_create``, the story rows by the
    ORM's own batch insert (``bulk_create`` refuses a model with a parent table)."""
    from wagtail.models import Page

    from stories.models import StoryPage

    first = index.numchild + 1
    stories = [
        StoryPage(
            title=f"Story {i}",
            draft_title=f"Story {i}",
            slug=f"bench-{i}",
            path=Page._get_path(index.path, index.depth + 1, first + i),
            depth=index.depth + 1,
            numchild=0,
            url_path=f"{index.url_path}bench-{i}/",
            locale_id=index.locale_id,
            content_type=page_type,
            author_role="patient",
            body="The nurses were kind.",
            live=False,
        )
        for i in range(count)
    ]
    bases = Page.objects.bulk_create(
        [
            Page(**{f.attname: getattr(story, f.attname) for f in Page._meta.concrete_fields})
            for story in stories
        ],
        batch_size=500,
    )
    for story, base in zip(stories, bases, strict=True):
        story.id = story.page_ptr_id = base.pk
    fields = StoryPage._meta.local_concrete_fields
    for batch in range(0, count, 500):
        StoryPage.objects._insert(stories[batch : batch + 500], fields=fields, raw=True)
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
    return stories


def build(count):
    """``count`` submissions over the last 365 days, in bulk where Wagtail allows it."""
    import random
    import secrets

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from django_comments_xtd.models import XtdComment
    from wagtail.models import PageLogEntry, Revision

    from comments.models import CommentReport
    from home.services import set_up_site
    from moderation.models import ScreeningReport
    from moderation.permissions import MODERATORS_GROUP
    from stories.models import StoryPage, Submission

    rng = random.Random(7)
    # The search index is not what is measured: no entry per page built.
    for backend in settings.WAGTAILSEARCH_BACKENDS.values():
        backend["AUTO_UPDATE"] = False
    index = set_up_site()
    moderators = []
    for name in ["Moira", "Omar", "Priya"]:
        user = get_user_model().objects.create_user(f"bench-{name.lower()}", first_name=name)
        user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
        moderators.append(user)
    get_user_model().objects.create_user("bench-moderator").groups.add(
        Group.objects.get(name=MODERATORS_GROUP)
    )
    page_type = ContentType.objects.get_for_model(StoryPage)
    now = timezone.now()
    created = [now - timedelta(minutes=rng.randrange(365 * 24 * 60)) for _ in range(count)]
    stories = add_story_pages(index, count, page_type)
    # Bulk inserts: auto_now_add would stamp every row with now.
    for model in (Submission, ScreeningReport, CommentReport):
        model._meta.get_field("created_at").auto_now_add = False
    Submission.objects.bulk_create(
        Submission(
            reference=f"S-B{i:06d}",
            status_token=secrets.token_urlsafe(32),
            story=story,
            role="patient",
            naming="anonymous",
            consent_version="1",
            consent_given_at=created[i],
            created_at=created[i],
            state=rng.choice(["published", "changes_requested", "declined", "in_review"]),
        )
        for i, story in enumerate(stories)
    )
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=page_type,
            base_content_type=page_type,
            object_id=str(story.pk),
            object_str=story.title,
            content={},
            created_at=created[i],
        )
        for i, story in enumerate(stories)
    )
    categories = ["name", "phone", "email", "date", "medical_advice", "crisis"]
    ScreeningReport.objects.bulk_create(
        ScreeningReport(
            revision=revision,
            page_id=int(revision.object_id),
            counts={rng.choice(categories): rng.randint(1, 3)} if rng.random() < 0.4 else {},
            blocking=0,
            engine_version="bench",
            created_at=created[i],
        )
        for i, revision in enumerate(revisions)
    )
    actions = ["wagtail.workflow.approve", "wagtail.workflow.reject", "sharing.story.decline"]
    entries = []
    for i, story in enumerate(stories):
        decided = created[i] + timedelta(minutes=rng.randrange(10, 7 * 24 * 60))
        if decided > now:
            continue
        action = rng.choice(actions)
        moderator = rng.choice(moderators)
        entries.append((story, action, decided, moderator))
        if action == "wagtail.workflow.approve":
            if rng.random() < 0.1:
                entries.append((story, "sharing.story.override", decided, moderator))
            entries.append((story, "wagtail.publish", decided, moderator))
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            page=story,
            content_type=page_type,
            label=story.title,
            action=action,
            timestamp=when,
            user=moderator,
            data={"reason": "The author asked for it."} if action.endswith("override") else {},
        )
        for story, action, when, moderator in entries
    )
    published = [story.pk for story, action, _when, _user in entries if action == "wagtail.publish"]
    for story, action, when, _user in entries:
        if action == "wagtail.publish":
            StoryPage.objects.filter(pk=story.pk).update(first_published_at=when)
    StoryPage.objects.filter(pk__in=published).update(live=True)
    # Comments one by one (a comment is a two-table row), each screened as it is saved.
    comments = [
        XtdComment.objects.create(
            content_type=page_type,
            object_pk=str(rng.choice(published)),
            site_id=1,
            user_name=f"Reader {n}",
            user_email=f"reader{n}@example.org",
            comment=f"Comment number {n}." + (" Call me on 612-555-0143." if n % 7 == 0 else ""),
            submit_date=created[n],
        )
        for n in range(count // 5)
    ]
    CommentReport.objects.bulk_create(
        CommentReport(comment=comment, reporter=f"r{n}", reason="abusive", created_at=created[n])
        for n, comment in enumerate(comments)
        if n % 20 == 0
    )


if __name__ == "__main__":
    main()
