"""Open data: the published directory as CSV and JSON, without contact details, and
the import of the same CSV (bad rows reported by line, nothing loaded twice)."""

import csv
import io
import json

import pytest
from django.core.management import call_command

from directory.models import Account, Organisation, Proposal
from directory.opendata import COLUMNS
from tests.directory.factories import AccountFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(db):
    lakeside = OrganisationFactory(
        name="Lakeside Health", slug="lakeside-health", country="US", region="Minnesota"
    )
    AccountFactory(
        organisation=lakeside, platform="x", handle="@lakeside", url="https://x.com/lakeside"
    )
    AccountFactory(
        organisation=lakeside,
        platform="youtube",
        handle="@lakesidetv",
        url="https://www.youtube.com/@lakesidetv",
    )
    OrganisationFactory(name="Quiet Clinic", slug="quiet-clinic", country="GB", region="", city="")
    return lakeside


def read_csv(client):
    response = client.get("/directory/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def test_csv_export_has_the_documented_columns_one_row_per_account(client, listed):
    rows = read_csv(client)
    quiet = Organisation.objects.get(slug="quiet-clinic")

    assert rows[0] == COLUMNS
    assert rows[1:] == [
        [
            "lakeside-health",
            "Lakeside Health",
            "clinic",
            "US",
            "Minnesota",
            "Rochester",
            listed.website,
            "x",
            "https://x.com/lakeside",
            "@lakeside",
        ],
        [
            "lakeside-health",
            "Lakeside Health",
            "clinic",
            "US",
            "Minnesota",
            "Rochester",
            listed.website,
            "youtube",
            "https://www.youtube.com/@lakesidetv",
            "@lakesidetv",
        ],
        ["quiet-clinic", "Quiet Clinic", "clinic", "GB", "", "", quiet.website, "", "", ""],
    ]


def test_json_export_nests_the_accounts(client, listed):
    data = json.loads(client.get("/directory/export.json").content)

    assert data["schema_version"] == 1
    assert [o["slug"] for o in data["organisations"]] == ["lakeside-health", "quiet-clinic"]
    assert data["organisations"][0]["accounts"][1] == {
        "platform": "youtube",
        "url": "https://www.youtube.com/@lakesidetv",
        "handle": "@lakesidetv",
    }


def test_exports_hold_no_contact_details_and_no_unapproved_proposal(client, listed, propose):
    propose()  # waiting for a moderator
    proposal = Proposal.objects.get()

    for url in ["/directory/export.csv", "/directory/export.json"]:
        response = client.get(url)
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode()
        assert "Bayview" not in body
        for secret in [proposal.representative_name, proposal.representative_email, "Social media"]:
            assert secret not in body


def test_exports_take_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    for number in range(30):
        AccountFactory(organisation=OrganisationFactory(), handle=f"@clinic{number}")

    with django_assert_max_num_queries(4):
        assert len(read_csv(client)) == 31
    with django_assert_max_num_queries(4):
        assert len(json.loads(client.get("/directory/export.json").content)["organisations"]) == 30


FJORD = "fjord-hospital,Fjord Hospital,hospital,NO,Vestland,Bergen,fjord.example.no"
CSV_FILE = f"""{",".join(COLUMNS)}
{FJORD},x,https://twitter.com/FjordHospital,
{FJORD},instagram,@fjordhospital,
,Sakura Clinic,clinic,JP,Tokyo,Tokyo,https://sakura.example.jp/,,,
bad-type,Bad Type,casino,US,,,,,,
bad-country,Bad Country,clinic,XX,,,,,,
bad-url,Bad Url,clinic,US,,,,facebook,https://x.com/badurl,
bad-platform,Bad Platform,clinic,US,,,,myspace,https://myspace.com/bad,
,,clinic,US,,,,,,
Not A Slug!,Odd,clinic,US,,,,,,
too-many,Too Many,clinic,US,,,,,,,extra
"""


def run_import(tmp_path, text=CSV_FILE):
    path = tmp_path / "directory.csv"
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("import_directory", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_loads_the_good_rows_and_lists_the_bad_ones_by_line(tmp_path):
    out, err = run_import(tmp_path)

    assert set(Organisation.objects.values_list("slug", flat=True)) == {
        "fjord-hospital",
        "sakura-clinic",
    }
    fjord = Organisation.objects.get(slug="fjord-hospital")
    assert fjord.website == "https://fjord.example.no/"
    assert sorted(fjord.accounts.values_list("url", "handle")) == [
        ("https://www.instagram.com/fjordhospital/", "@fjordhospital"),
        ("https://x.com/fjordhospital", "@FjordHospital"),
    ]
    lines = err.splitlines()
    assert lines[0].startswith("Line 5: organisation_type 'casino' is not one of hospital")
    assert lines[1] == "Line 6: country 'XX' is not an ISO 3166 country code"
    assert lines[2].startswith("Line 7: account_url: This is an address on X (Twitter)")
    assert lines[3].startswith("Line 8: platform 'myspace' is not one of x, facebook")
    assert lines[4] == "Line 9: organisation_name is empty"
    assert lines[5].startswith("Line 10: organisation_slug 'Not A Slug!' is not a slug")
    assert lines[6] == "Line 11: the row has more values than the header has columns"
    assert "Loaded 2 organisations and 2 accounts" in out
    assert "7 bad rows left out" in out


def test_import_run_twice_loads_nothing_twice(tmp_path):
    run_import(tmp_path)
    out, _err = run_import(tmp_path)

    assert "Loaded 0 organisations and 0 accounts; 2 accounts were already" in out
    assert Organisation.objects.count() == 2 and Account.objects.count() == 2


def test_an_export_imports_into_an_empty_directory(client, listed, tmp_path):
    exported = b"".join(client.get("/directory/export.csv").streaming_content).decode()
    before = json.loads(client.get("/directory/export.json").content)
    Organisation.objects.all().delete()

    run_import(tmp_path, exported)

    assert json.loads(client.get("/directory/export.json").content) == before


def test_import_without_the_columns_says_so(tmp_path):
    _out, err = run_import(tmp_path, "name,city\nX,Y\n")

    assert "Line 1: the header has no organisation_name, organisation_type, country column" in err
    assert not Organisation.objects.exists()


def test_import_of_a_missing_or_binary_file_is_a_clear_error(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_directory", str(tmp_path / "nope.csv"))
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("import_directory", str(binary))
