"""Screen texts from the command line: JSON Lines in, JSON Lines out.

    python manage.py screen --input texts.jsonl --output findings.jsonl
    cat texts.jsonl | python manage.py screen > findings.jsonl

Each input line is an object with "id" and "text" (and optionally "kind" and
"role"); each output line is {"id": ..., "findings": [...]}, in input order.
"""

from __future__ import annotations

import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from screening import screen


class Command(BaseCommand):
    help = "Screen JSON Lines texts for privacy, professionalism and safety findings."

    def add_arguments(self, parser):
        parser.add_argument("--input", help="JSON Lines file to read (default: standard input)")
        parser.add_argument("--output", help="JSON Lines file to write (default: standard output)")

    def handle(self, *args, **options):
        input_path, output_path = options["input"], options["output"]
        try:
            source = open(input_path, encoding="utf-8") if input_path else sys.stdin
        except OSError as exc:
            raise CommandError(f"Cannot read {input_path}: {exc.strerror}") from exc
        try:
            results = [_screen_line(line, number) for number, line in _lines(source)]
        finally:
            if input_path:
                source.close()
        lines = "".join(json.dumps(result, ensure_ascii=False) + "\n" for result in results)
        if output_path:
            try:
                with open(output_path, "w", encoding="utf-8") as sink:
                    sink.write(lines)
            except OSError as exc:
                raise CommandError(f"Cannot write {output_path}: {exc.strerror}") from exc
        else:
            self.stdout.write(lines, ending="")


def _lines(source):
    for number, line in enumerate(source, start=1):
        if line.strip():
            yield number, line


def _screen_line(line: str, number: int) -> dict:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CommandError(f"Line {number}: not valid JSON ({exc.msg}).") from exc
    if not isinstance(item, dict):
        raise CommandError(f"Line {number}: expected a JSON object.")
    text = item.get("text")
    if not isinstance(text, str):
        raise CommandError(f'Line {number}: missing "text" (a string).')
    findings = screen(
        text,
        kind=item.get("kind") or "story",
        role=item.get("role"),
        learned=settings.SCREEN_LEARNED,
    )
    return {"id": item.get("id"), "findings": [f.to_dict() for f in findings]}
