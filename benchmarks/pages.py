"""Response times of the public pages and the moderators' queue at scale.

    python benchmarks/pages.py [--stories N] [--queued N] [--requests N]

Builds a throwaway SQLite database with N published stories (and some
submissions waiting in the story queue), then times each page with Django's
test client: median and p95 in milliseconds, and the number of SQL queries.
The figures are for comparing changes on one machine, not promises.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "sharing.settings.test"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--queued", type=int, default=50)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    import logging
    import warnings

    import django

    django.setup()
    logging.disable(logging.INFO)
    warnings.filterwarnings("ignore", message="No directory at")
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    from django.test.utils import get_runner

    runner = get_runner(settings)(verbosity=0)
    old_config = runner.setup_databases()  # a fresh test database, as the tests use
    try:
        build(args.stories, args.queued)
        from django.contrib.auth import get_user_model
        from django.test import Client

        from stories.models import StoryPage

        public = Client()
        moderator = Client()
        moderator.force_login(get_user_model().objects.get(username="bench-moderator"))
        story = StoryPage.objects.live().order_by("-date").first()
        pages = [
            ("home page", public, "/"),
            ("story index, page 1", public, "/stories/"),
            ("story index, topic filter", public, "/stories/?topic=caregiving"),
            ("story index, last page", public, "/stories/?page=9999"),
            ("a story", public, story.url),
            ("search", public, "/search/?q=nurses"),
            ("Atom feed", public, "/feed/"),
            ("story queue (moderators)", moderator, "/admin/story-queue/"),
        ]
        print(
            f"{args.stories} published stories, {args.queued} waiting for review, "
            f"{args.requests} requests each\n"
        )
        print(f"{'page':32} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for label, client, url in pages:
            client.get(url)  # warm caches, as a running server would be
            times = []
            for _ in range(args.requests):
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{url} answered {response.status_code}")
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            times.sort()
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            print(
                f"{label:32} {statistics.median(times):10.1f} {p95:8.1f} "
                f"{len(queries.captured_queries):8d}"
            )
    finally:
        runner.teardown_databases(old_config)


def build(story_count, queued_count):
    import random
    import secrets

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from home.demo_stories import STORIES
    from home.services import load_demo_content
    from moderation.permissions import MODERATORS_GROUP
    from stories.models import StoryIndexPage, StoryPage, Topic
    from stories.services import submit_story

    rng = random.Random(7)
    load_demo_content(admin_password=secrets.token_urlsafe())
    index = StoryIndexPage.objects.get()
    topics = list(Topic.objects.all())
    for i in range(story_count - len(STORIES)):
        data = rng.choice(STORIES)
        story = StoryPage(
            title=f"{data['title']} ({i})",
            slug=f"bench-story-{i}",
            author_display_name=data["name"],
            author_role=data["role"],
            summary=data["summary"],
            body=data["body"],
        )
        story.topics.set(rng.sample(topics, 2))
        index.add_child(instance=story)
        story.save_revision().publish()
    for i in range(queued_count):
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
    user = get_user_model().objects.create_user("bench-moderator")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))


if __name__ == "__main__":
    main()
