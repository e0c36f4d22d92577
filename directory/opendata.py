"""The directory as open data: the published organisations and their accounts, and
nothing of the people who proposed them.

The CSV has one row per account (an organisation without accounts has one row with the
account columns empty), with these columns, in this order; the schema is stable:
a new column is only ever added at the end, and ``SCHEMA_VERSION`` says which:

    organisation_slug   the organisation's key in the directory (its page's address)
    organisation_name   its name
    organisation_type   one of hospital, health_system, clinic, medical_school,
                        public_health, association, research, other
    country             ISO 3166-1 alpha-2 code (US, GB, CA...)
    region              state, province or region, may be empty
    city                may be empty
    website             the organisation's web site, may be empty
    platform            one of x, facebook, youtube, instagram, linkedin, tiktok,
                        blog, podcast, other
    account_url         the account's address, written one way (``directory.platforms``)
    handle              the handle read from the address

The JSON holds the same, nested: ``{"schema_version", "organisations": [{"slug",
"name", "type", "country", "region", "city", "website", "accounts": [{"platform",
"url", "handle"}]}]}``.

``import_csv`` reads the same CSV (``manage.py import_directory FILE.csv``).
"""

import csv
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from django_countries import countries

from sharing.text import normalise_plain_text

from .models import (
    NAME_MAX_CHARS,
    PLACE_MAX_CHARS,
    PLATFORM_ORDER,
    Account,
    Organisation,
    OrganisationType,
    Platform,
)
from .platforms import AccountUrlError, normalise_website, parse_account

SCHEMA_VERSION = 1
COLUMNS = [
    "organisation_slug",
    "organisation_name",
    "organisation_type",
    "country",
    "region",
    "city",
    "website",
    "platform",
    "account_url",
    "handle",
]
REQUIRED_COLUMNS = ["organisation_name", "organisation_type", "country"]
CHUNK = 500


ORGANISATION_FIELDS = ["pk", "slug", "name", "type", "country", "region", "city", "website"]


def organisation_records():
    """Each published organisation as a dict, with its accounts, in slug order: plain
    rows, a chunk of organisations and their accounts two queries at a time."""
    organisations = Organisation.objects.order_by("slug").values_list(*ORGANISATION_FIELDS)
    chunk = []
    for row in organisations.iterator(chunk_size=CHUNK):
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield from _with_accounts(chunk)
            chunk = []
    if chunk:
        yield from _with_accounts(chunk)


def _with_accounts(rows):
    accounts = {}
    for organisation_id, platform, url, handle in Account.objects.filter(
        organisation_id__in=[row[0] for row in rows]
    ).values_list("organisation_id", "platform", "url", "handle"):
        accounts.setdefault(organisation_id, []).append(
            {"platform": platform, "url": url, "handle": handle}
        )
    for pk, *values in rows:
        record = dict(zip(ORGANISATION_FIELDS[1:], values, strict=True))
        record["accounts"] = sorted(
            accounts.get(pk, []),
            key=lambda account: (PLATFORM_ORDER.get(account["platform"], 99), account["url"]),
        )
        yield record


def csv_rows():
    """The header, then one list of values per account."""
    yield COLUMNS
    for record in organisation_records():
        head = [
            record["slug"],
            record["name"],
            record["type"],
            record["country"],
            record["region"],
            record["city"],
            record["website"],
        ]
        if not record["accounts"]:
            yield [*head, "", "", ""]
        for account in record["accounts"]:
            yield [*head, account["platform"], account["url"], account["handle"]]


def json_document():
    return {"schema_version": SCHEMA_VERSION, "organisations": list(organisation_records())}


# Import


@dataclass
class ImportReport:
    organisations: int = 0
    accounts: int = 0
    already_there: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


class RowError(ValueError):
    pass


def _text(row, name, limit, *, required=False):
    value = normalise_plain_text(row.get(name) or "", single_line=True)
    if required and not value:
        raise RowError(f"{name} is empty")
    if len(value) > limit:
        raise RowError(f"{name} is longer than {limit} characters")
    return value


def _read_row(row):
    """The organisation's fields and the account (or None) of one CSV row."""
    name = _text(row, "organisation_name", NAME_MAX_CHARS, required=True)
    slug_given = (row.get("organisation_slug") or "").strip()
    slug = slugify(slug_given or name)[:80]
    if slug_given and slug != slug_given:
        raise RowError(f"organisation_slug {slug_given!r} is not a slug (try {slug!r})")
    if not slug:
        raise RowError("organisation_name gives no slug: add an organisation_slug")
    kind = (row.get("organisation_type") or "").strip()
    if kind not in OrganisationType.values:
        raise RowError(
            f"organisation_type {kind!r} is not one of {', '.join(OrganisationType.values)}"
        )
    country = (row.get("country") or "").strip().upper()
    if country not in dict(countries):
        raise RowError(f"country {country!r} is not an ISO 3166 country code")
    website = (row.get("website") or "").strip()
    if website:
        try:
            website = normalise_website(website)
        except AccountUrlError as error:
            raise RowError(f"website: {error}") from None
    fields = {
        "slug": slug,
        "name": name,
        "type": kind,
        "country": country,
        "region": _text(row, "region", PLACE_MAX_CHARS),
        "city": _text(row, "city", PLACE_MAX_CHARS),
        "website": website,
    }
    platform = (row.get("platform") or "").strip()
    url = (row.get("account_url") or "").strip()
    if not platform and not url:
        return fields, None
    if platform not in Platform.values:
        raise RowError(f"platform {platform!r} is not one of {', '.join(Platform.values)}")
    try:
        account = parse_account(platform, url)
    except AccountUrlError as error:
        raise RowError(f"account_url: {error}") from None
    return fields, {"platform": account.platform, "url": account.url, "handle": account.handle}


def import_csv(lines):
    """Load the organisations and accounts of a CSV (``lines``: an iterable of str) that
    are not in the directory yet; every row is checked, and a bad one reported by its
    line and left out. Running it twice loads nothing twice."""
    report = ImportReport()
    reader = csv.DictReader(lines)
    missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        report.errors.append((1, f"the header has no {', '.join(missing)} column"))
        return report
    existing = {}
    with transaction.atomic():
        for row in reader:
            line = reader.line_num
            try:
                if None in row:
                    raise RowError("the row has more values than the header has columns")
                fields, account = _read_row(row)
                organisation = existing.get(fields["slug"])
                if organisation is None:
                    organisation = Organisation.objects.filter(slug=fields["slug"]).first()
                    if organisation is None:
                        organisation = Organisation.objects.create(**fields)
                        report.organisations += 1
                    existing[fields["slug"]] = organisation
                elif organisation.name != fields["name"]:
                    raise RowError(
                        f"organisation_slug {fields['slug']!r} is {organisation.name!r} "
                        f"on an earlier line, not {fields['name']!r}"
                    )
                if account is None:
                    continue
                listed = Account.objects.filter(url=account["url"]).first()
                if listed is None:
                    Account.objects.create(organisation=organisation, **account)
                    report.accounts += 1
                elif listed.organisation_id == organisation.pk:
                    report.already_there += 1
                else:
                    raise RowError(
                        f"account_url {account['url']} is listed for another organisation "
                        f"({listed.organisation.slug})"
                    )
            except RowError as error:
                report.errors.append((line, str(error)))
    return report
