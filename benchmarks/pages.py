"""Response times of the public pages and the moderators' queue at scale.

    python benchmarks/pages.py [--stories N] [--queued N] [--comments N] [--requests N]

Builds a throwaway SQLite database with N published stories (and some
submissions waiting in the story queue, and one story with many comments),
then times each page with Django's test client: median and p95 in
milliseconds, the size of the page in bytes and the number of SQL queries.
The figures are for comparing changes on one machine, not promises.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "sharing.settings.test"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--queued", type=int, default=50)
    parser.add_argument("--comments", type=int, default=1200)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    from benchmarks.harness import test_database, time_page

    with test_database():  # a fresh test database, as the tests use
        build(args.stories, args.queued)
        discussed = build_comments(args.comments)
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
            (f"a story, {args.comments:,} comments", public, discussed.url),
            (
                f"a story, {args.comments:,} comments, newest",
                public,
                discussed.url + "?comments=newest",
            ),
            ("search", public, "/search/?q=nurses"),
            ("Atom feed", public, "/feed/"),
            ("story queue (moderators)", moderator, "/admin/story-queue/"),
        ]
        print(
            f"{args.stories} published stories, {args.queued} waiting for review, "
            f"{args.comments} comments on one story, {args.requests} requests each\n"
        )
        print(f"{'page':40} {'median ms':>10} {'p95 ms':>8} {'bytes':>8} {'queries':>8}")
        for label, client, url in pages:
            median, p95, response, queries = time_page(client, url, args.requests)
            print(f"{label:40} {median:10.1f} {p95:8.1f} {len(response.content):8d} {queries:8d}")


def build(story_count, queued_count):
    import random
    import secrets

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from benchmarks.fill import submit_waiting
    from home.demo_stories import STORIES
    from home.services import load_demo_content
    from moderation.permissions import MODERATORS_GROUP
    from stories.models import StoryIndexPage, StoryPage, Topic

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
    submit_waiting(queued_count, rng)
    user = get_user_model().objects.create_user("bench-moderator")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))


def build_comments(count):
    """A published story with ``count`` published comments: every third a reply,
    every ninth a reply to a reply (as tests/comments/test_comment_thread_queries.py)."""
    from django.contrib.contenttypes.models import ContentType
    from django_comments_xtd.models import XtdComment

    from stories.models import StoryIndexPage, StoryPage

    index = StoryIndexPage.objects.get()
    story = StoryPage(
        title="A much discussed story",
        slug="bench-discussed",
        author_display_name="Ada",
        author_role=StoryPage.objects.live().first().author_role,
        summary="Everyone had something to say.",
        body="The night shift, and what came after.",
    )
    index.add_child(instance=story)
    story.save_revision().publish()
    content_type = ContentType.objects.get_for_model(StoryPage)
    last = None
    for number in range(count):
        parent = 0
        if number % 3 and last is not None:
            parent = last.pk if last.level < 2 else last.parent_id
        last = XtdComment.objects.create(
            content_type=content_type,
            object_pk=str(story.pk),
            site_id=1,
            user_name=f"Reader {number}",
            user_email=f"reader{number}@example.org",
            comment=f"Comment number {number}. Thank you for telling this; it helped me.",
            parent_id=parent,
        )
    return story


if __name__ == "__main__":
    main()
