"""The moderation figures: a Wagtail report of what the moderators did, with its export."""

import csv
import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from comments.models import CommentReport
from moderation.figures import percentile, period_start
from stories.models import StoryPage, Submission
from stories.services import withdraw_submission
from tests.factories import (
    PHONE_STORY,
    CommentFactory,
    ModeratorFactory,
    StoryPageFactory,
    SubmissionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/moderation/"


def decide(client, submission, action, capture, **data):
    with capture(execute=True):
        return client.post(
            f"/admin/story-queue/{submission.story_id}/decide/", {"action": action, **data}
        )


def set_times(submission, submitted_at, decided_after):
    """Move a submission, its decisions and its publication back to known times."""
    decided_at = submitted_at + decided_after
    Submission.objects.filter(pk=submission.pk).update(created_at=submitted_at)
    PageLogEntry.objects.filter(page_id=submission.story_id).update(timestamp=decided_at)
    StoryPage.objects.filter(pk=submission.story_id, first_published_at__isnull=False).update(
        first_published_at=decided_at
    )


def table(html, table_id):
    """A table of the page as [[cell text, ...], ...], its body rows only."""
    soup = BeautifulSoup(html, "html.parser")
    rows = soup.select(f"#{table_id} tbody tr")
    return [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])] for row in rows]


@pytest.fixture
def decided(submit, moderator, moderator_client, django_capture_on_commit_callbacks):
    """Three stories with known times: approved after 4 hours, approved over a
    blocking phone number after 10 hours by Omar Haddad, sent back after 30 hours."""
    omar = ModeratorFactory(username="omar", first_name="Omar", last_name="Haddad")
    start = period_start(12, timezone.now())
    week_2 = start + timedelta(weeks=2, days=1, hours=9)
    week_5 = start + timedelta(weeks=5, days=2, hours=9)

    first = submit(title="Approved quickly")
    decide(moderator_client, first, "approve", django_capture_on_commit_callbacks)
    set_times(first, week_2, timedelta(hours=4))

    second = submit(title="Approved over a phone number", body=PHONE_STORY)
    moderator_client.force_login(omar)
    decide(
        moderator_client,
        second,
        "approve",
        django_capture_on_commit_callbacks,
        override_reason="The number is the hospital's switchboard.",
    )
    set_times(second, week_5, timedelta(hours=10))

    third = submit(title="Sent back")
    moderator_client.force_login(moderator)
    decide(
        moderator_client,
        third,
        "request_changes",
        django_capture_on_commit_callbacks,
        comment="Please leave out the ward's name.",
    )
    set_times(third, week_5 + timedelta(hours=1), timedelta(hours=30))
    return {"start": start, "first": first, "second": second, "third": third}


def test_percentile_interpolates_between_ranks_as_postgresql_does():
    assert percentile([4, 10, 30], 0.5) == 10
    assert percentile([4, 10, 30], 0.9) == 26
    assert percentile([5], 0.9) == 5
    assert percentile([], 0.5) is None


def test_moderator_reads_submissions_per_week_times_decisions_and_overrides(
    decided, moderator_client
):
    assert Submission.objects.get(pk=decided["second"].pk).state == "published"

    html = moderator_client.get(REPORT).content.decode()

    weeks = table(html, "weekly-table")
    assert len(weeks) == 12
    start = timezone.localtime(decided["start"]).date()
    week_2, week_5 = start + timedelta(weeks=2), start + timedelta(weeks=5)
    assert [week_2.strftime("%-d %b %Y"), "1"] in weeks
    assert [week_5.strftime("%-d %b %Y"), "2"] in weeks
    assert sum(int(count) for _week, count in weeks) == 3
    assert table(html, "times-table") == [
        ["Submission to first decision", "10 hours", "1 day 2 hours", "3", "0"],
        ["Submission to publication", "7 hours", "9 hours 24 minutes", "2", "1"],
    ]
    decisions = dict(table(html, "decisions-table"))
    assert decisions["Approved and published"] == "2"
    assert decisions["Changes requested"] == "1"
    assert decisions["Declined"] == "0"
    assert table(html, "overrides-table") == [["Omar Haddad", "1"]]
    latest = table(html, "latest-overrides-table")
    assert latest[0][1:] == [
        "Omar Haddad",
        decided["second"].reference,
        "The number is the hospital's switchboard.",
    ]
    assert ["Phone number", "1", "1"] in table(html, "findings-table")


def test_each_chart_has_a_title_a_description_and_its_figures_in_a_table(decided, moderator_client):
    soup = BeautifulSoup(moderator_client.get(REPORT).content.decode(), "html.parser")

    charts = soup.select("svg[role=img]")
    assert len(charts) == 6  # weekly, times, decisions, findings, overrides, comments
    for chart in charts:
        title = soup.find(id=chart["aria-labelledby"])
        description = soup.find(id=chart["aria-describedby"])
        assert title.name == "title" and title.get_text(strip=True)
        assert description.get_text(strip=True)
        section = chart.find_parent("section")
        assert section.find("table") is not None
        assert section.find("h2").get_text(strip=True)
    weekly = soup.find(id="chart-weekly-description").get_text()
    assert "3 submissions in the 12 weeks from" in weekly
    assert len(soup.select("#chart-weekly-title ~ rect")) == 12
    decisions = soup.find(id="chart-decisions-description").get_text()
    assert "Approved and published: 2; Changes requested: 1" in decisions
    assert not [script for script in soup.find_all("script") if "chart" in (script.string or "")]


def test_the_times_chart_writes_minutes_when_moderation_takes_minutes(
    submit, moderator_client, django_capture_on_commit_callbacks
):
    """In hours to one decimal, stories decided within minutes were a chart of zeros."""
    quick = submit(title="Decided within the quarter hour")
    decide(moderator_client, quick, "approve", django_capture_on_commit_callbacks)
    set_times(quick, timezone.now() - timedelta(hours=1), timedelta(minutes=12))

    soup = BeautifulSoup(moderator_client.get(REPORT).content.decode(), "html.parser")

    chart = soup.find(id="chart-times-title").find_parent("svg")
    values = [text.get_text() for text in chart.select("text.moderation-chart__value")]
    assert values == ["12 minutes"] * 4
    assert all(float(bar["width"]) > 0 for bar in chart.select("rect.moderation-chart__bar"))
    description = soup.find(id="chart-times-description").get_text()
    assert "First decision, median: 12 minutes" in description


def test_declines_withdrawals_and_comments_are_counted(
    submit, moderator_client, django_capture_on_commit_callbacks, story_index
):
    declined = submit(title="Declined")
    decide(
        moderator_client,
        declined,
        "decline",
        django_capture_on_commit_callbacks,
        comment="This is an advertisement.",
    )
    withdrawn = submit(title="Withdrawn")
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_submission(withdrawn)
    story = StoryPageFactory(parent=story_index, title="A published story")
    CommentFactory(target=story, comment="Thank you for sharing this.")
    held = CommentFactory(target=story, comment="Call me on 612-555-0187 to talk.")
    kind = CommentFactory(target=story, comment="Same ward for me, years ago.")
    for reader, reason in [("a", "abusive"), ("b", "abusive"), ("c", "spam")]:
        CommentReport.objects.create(comment=kind, reporter=reader, reason=reason)

    html = moderator_client.get(REPORT).content.decode()

    decisions = dict(table(html, "decisions-table"))
    assert decisions["Declined"] == "1"
    assert decisions["Withdrawn by the author"] == "1"
    comments = dict(table(html, "comments-table"))
    assert comments["Comments posted"] == "3"
    assert comments["Held by the screen"] == "1", held.review.held_for
    assert comments["Comments reported by readers"] == "1"
    assert comments["Readers' reports"] == "3"
    reasons = dict(table(html, "reasons-table"))
    assert reasons["It is abusive or unkind"] == "2"
    assert reasons["It is advertising or spam"] == "1"


def test_the_period_is_chosen_and_older_submissions_leave_it(decided, moderator_client):
    # The first story was submitted in the third of the 12 weeks: not in the last 4.
    html = moderator_client.get(f"{REPORT}?weeks=4").content.decode()
    assert len(table(html, "weekly-table")) == 4
    assert sum(int(count) for _week, count in table(html, "weekly-table")) == 0
    assert dict(table(html, "decisions-table"))["Approved and published"] == "0"
    assert BeautifulSoup(html, "html.parser").select_one("option[selected]")["value"] == "4"

    year = moderator_client.get(f"{REPORT}?weeks=52").content.decode()
    assert len(table(year, "weekly-table")) == 52
    assert sum(int(count) for _week, count in table(year, "weekly-table")) == 3


def test_an_unknown_period_says_so_and_shows_the_default(moderator_client, story_index):
    response = moderator_client.get(f"{REPORT}?weeks=7")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    select = soup.select_one("select[name=weeks]")
    error = soup.find(id=select["aria-describedby"])
    assert "Choose a period of 4, 12 or 52 weeks." in error.get_text()
    assert "Showing the last 12 weeks." in error.get_text()
    assert len(table(str(soup), "weekly-table")) == 12


def test_csv_export_has_the_figures_of_the_page(decided, moderator_client):
    response = moderator_client.get(f"{REPORT}?weeks=12&export=csv")

    assert response["Content-Type"] == "text/csv"
    assert "moderation-figures-12-weeks-" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Figure", "Item", "Value"]
    week_5 = (timezone.localtime(decided["start"]).date() + timedelta(weeks=5)).isoformat()
    assert ["Submissions per week", week_5, "2"] in rows
    assert ["Submission to first decision", "Median, hours", "10.0"] in rows
    assert ["Submission to first decision", "90th percentile, hours", "26.0"] in rows
    assert ["Submission to publication", "Median, hours", "7.0"] in rows
    assert ["Decisions", "Approved and published", "2"] in rows
    assert ["Decisions", "Changes requested", "1"] in rows
    assert ["Overrides of blocking findings", "Omar Haddad", "1"] in rows
    assert ["Findings", "Phone number", "1"] in rows
    assert ["Period", "Weeks", "12"] in rows


def test_xlsx_export_downloads(decided, moderator_client):
    response = moderator_client.get(f"{REPORT}?export=xlsx")
    assert response["Content-Disposition"].endswith('.xlsx"')


def test_the_report_is_in_the_reports_menu_of_moderators_only(client, moderator_client):
    html = moderator_client.get("/admin/").content.decode()
    assert REPORT in html

    editor = UserFactory(username="eddie")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert REPORT not in client.get("/admin/").content.decode()


def test_a_user_without_the_moderation_permission_gets_no_figures(client, story_index):
    editor = UserFactory(username="eddie")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    response = client.get(REPORT, follow=True)
    export = client.get(f"{REPORT}?export=csv")

    # Wagtail's admin turns the refusal into its message on the dashboard.
    assert response.redirect_chain == [("/admin/", 302)]
    html = response.content.decode()
    assert "Sorry, you do not have permission to access this area." in html
    assert "Submissions per week" not in html
    assert export.status_code == 302 and export["Content-Type"] != "text/csv"
    client.logout()
    assert client.get(REPORT)["Location"].startswith("/admin/login/")


def fill(story_index, moderator, count):
    """``count`` submissions, each decided and one in three overridden, made quickly."""
    for _ in range(count):
        submission = SubmissionFactory(story__parent=story_index)
        log(instance=submission.story, action="wagtail.workflow.reject", user=moderator)
        log(instance=submission.story, action="sharing.story.override", user=moderator)


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(REPORT)
    assert response.status_code == 200
    return len(queries)


def test_the_report_runs_the_same_queries_for_3_or_30_submissions(
    story_index, moderator, moderator_client, django_assert_max_num_queries
):
    fill(story_index, moderator, 3)
    few = count_queries(moderator_client)
    fill(story_index, moderator, 27)
    with django_assert_max_num_queries(few):
        html = moderator_client.get(REPORT).content.decode()
    assert dict(table(html, "decisions-table"))["Changes requested"] == "30"
    assert count_queries(moderator_client) == few
    with django_assert_max_num_queries(30):
        moderator_client.get(REPORT)
