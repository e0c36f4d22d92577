"""`manage.py screen`: JSON Lines in, JSON Lines out, per the eval contract."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

ITEMS = [
    {"id": "s1", "kind": "story", "role": "patient", "text": "Call me on (312) 555-0199."},
    {"id": "s2", "text": "A quiet day on the ward."},
    {"id": "s3", "kind": "comment", "role": "reader", "text": "DM me for 20% off, link in bio."},
]


def jsonl(items):
    return "".join(json.dumps(item) + "\n" for item in items)


def test_command_reads_a_file_and_writes_a_file_in_input_order(tmp_path):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(jsonl(ITEMS), encoding="utf-8")

    call_command("screen", "--input", str(source), "--output", str(target))

    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["s1", "s2", "s3"]
    (phone,) = lines[0]["findings"]
    assert phone["category"] == "phone"
    assert ITEMS[0]["text"][phone["start"] : phone["end"]] == "(312) 555-0199"
    assert {"category", "start", "end", "severity", "rule", "message"} <= set(phone)
    assert lines[1]["findings"] == []


def test_command_uses_stdin_and_stdout_when_no_flags_are_given(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(jsonl(ITEMS)))
    out = io.StringIO()

    call_command("screen", stdout=out)

    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["id"] for line in lines] == ["s1", "s2", "s3"]


def test_command_passes_kind_to_the_engine(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(jsonl(ITEMS[2:])))
    out = io.StringIO()

    call_command("screen", stdout=out)

    (line,) = [json.loads(line) for line in out.getvalue().splitlines()]
    (promotion,) = [f for f in line["findings"] if f["category"] == "promotion"]
    assert promotion["severity"] == "block"  # raised because it is a comment


def test_command_skips_blank_lines(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("\n" + jsonl(ITEMS[:1]) + "\n  \n"))
    out = io.StringIO()

    call_command("screen", stdout=out)

    assert len(out.getvalue().splitlines()) == 1


def test_malformed_json_is_an_error_naming_the_line_number(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(jsonl(ITEMS[:2]) + "{not json\n"))

    with pytest.raises(CommandError, match=r"Line 3\b"):
        call_command("screen", stdout=io.StringIO())


def test_a_line_without_text_is_an_error_naming_the_line_number(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(jsonl([{"id": "x"}])))

    with pytest.raises(CommandError, match=r'Line 1: missing "text"'):
        call_command("screen", stdout=io.StringIO())


def test_a_missing_input_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("screen", "--input", str(tmp_path / "nope.jsonl"))
