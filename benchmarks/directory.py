"""Response times of the Health Care Social Media List at scale.

    python benchmarks/directory.py [--organisations N] [--requests N]

Builds a throwaway test database with N organisations (three accounts each, in
twelve countries), then times the directory's pages with Django's test client:
median and p95 in milliseconds, the size of the page in bytes and the number of
SQL queries. The figures are for comparing changes on one machine, not promises.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "sharing.settings.test"

COUNTRIES = ["US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "JP", "ZA", "IN", "BR"]
TYPES = ["hospital", "health_system", "clinic", "medical_school", "public_health", "association"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()

    from benchmarks.harness import test_database, time_page

    with test_database():
        from django.test import Client

        directory = build(args.organisations)
        client = Client()
        base = directory.url
        pages = [
            ("directory, page 1", base),
            ("directory, country filter", base + "?country=CA"),
            ("directory, country + platform", base + "?country=GB&platform=youtube&sort=place"),
            ("directory, search", base + "?q=clinic+42"),
            ("directory, last page", base + "?page=9999"),
            ("an organisation", base + "organisations/organisation-00042/"),
            ("export, JSON", "/directory/export.json"),
        ]
        print(f"{args.organisations:,} organisations, {args.requests} requests each\n")
        print(f"{'page':36} {'median ms':>10} {'p95 ms':>8} {'bytes':>9} {'queries':>8}")
        for label, url in pages:
            median, p95, response, queries = time_page(client, url, args.requests)
            print(f"{label:36} {median:10.1f} {p95:8.1f} {len(response.content):9d} {queries:8d}")


def build(count):
    from directory.models import Account, DirectoryPage, Organisation
    from home.services import set_up_site

    home = set_up_site().get_parent()
    directory = DirectoryPage(title="Health Care Social Media List", slug="social-media-list")
    home.add_child(instance=directory)
    directory.save_revision().publish()
    Organisation.objects.bulk_create(
        Organisation(
            name=f"{TYPES[n % len(TYPES)].replace('_', ' ').title()} {n:05d}",
            slug=f"organisation-{n:05d}",
            type=TYPES[n % len(TYPES)],
            country=COUNTRIES[n % len(COUNTRIES)],
            region=f"Region {n % 7}",
            city=f"City {n % 31}",
            website=f"https://org{n:05d}.example.org/",
        )
        for n in range(count)
    )
    accounts = []
    for organisation in Organisation.objects.only("pk", "slug"):
        handle = organisation.slug.replace("-", "")[:15]
        accounts += [
            Account(
                organisation=organisation,
                platform="x",
                url=f"https://x.com/{organisation.slug}",
                handle=f"@{handle}",
            ),
            Account(
                organisation=organisation,
                platform="facebook",
                url=f"https://www.facebook.com/{organisation.slug}",
                handle=handle,
            ),
            Account(
                organisation=organisation,
                platform="youtube",
                url=f"https://www.youtube.com/@{organisation.slug}",
                handle=f"@{handle}",
            ),
        ]
    Account.objects.bulk_create(accounts, batch_size=2000)
    return directory


if __name__ == "__main__":
    main()
