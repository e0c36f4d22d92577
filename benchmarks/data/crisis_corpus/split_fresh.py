"""Split a new batch of crisis texts into ``fresh_train.jsonl`` and ``fresh_sealed.jsonl``.

    python benchmarks/data/crisis_corpus/split_fresh.py DIR

``DIR`` holds ``comments.jsonl`` and ``stories.jsonl`` as the writer made them
(``{"id", "kind", "role", "text", "crisis", "evidence"}``). Each kind and tier
is shuffled with a fixed seed and cut 70/30, so the split is random but both
halves keep the batch's proportions. The script checks every item (a tier it
knows, evidence that occurs in its text, no id twice) and prints counts only:
it never shows an item, so the sealed half can stay unread.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 70
TRAIN_SHARE = 0.7
TIERS = ("urgent", "possible", "none")
FIELDS = ("id", "kind", "role", "text", "crisis", "evidence")


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def problems(items: list[dict]) -> Counter:
    """What is wrong with the items, counted by kind of problem (never shown)."""
    found: Counter = Counter()
    seen: set[str] = set()
    for item in items:
        if item.get("crisis") not in TIERS:
            found["unknown tier"] += 1
        if item.get("kind") not in ("comment", "story"):
            found["unknown kind"] += 1
        evidence = item.get("evidence") or []
        if any(piece not in item.get("text", "") for piece in evidence):
            found["evidence not in its text"] += 1
        if item.get("crisis") in ("urgent", "possible") and not evidence:
            found["crisis without evidence"] += 1
        if item.get("id") in seen:
            found["id twice"] += 1
        seen.add(item.get("id"))
    return found


def split(items: list[dict]) -> tuple[list[dict], list[dict]]:
    rng = random.Random(SEED)
    train, sealed = [], []
    groups: dict[tuple[str, str], list[dict]] = {}
    for item in items:
        groups.setdefault((item["kind"], item["crisis"]), []).append(item)
    for key in sorted(groups):
        group = sorted(groups[key], key=lambda item: item["id"])
        rng.shuffle(group)
        cut = round(len(group) * TRAIN_SHARE)
        train += group[:cut]
        sealed += group[cut:]
    return sorted(train, key=lambda i: i["id"]), sorted(sealed, key=lambda i: i["id"])


def write(path: Path, items: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps({k: item.get(k) for k in FIELDS}, ensure_ascii=False) + "\n")


def say(*parts) -> None:
    print(*parts)  # noqa: T201 - a command-line tool's report, counts only


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path)
    args = ap.parse_args()
    items = []
    for name in ("comments.jsonl", "stories.jsonl"):
        items += read(args.source / name)
    wrong = problems(items)
    if wrong:
        say("not split:", dict(wrong))
        sys.exit(1)
    train, sealed = split(items)
    write(HERE / "fresh_train.jsonl", train)
    write(HERE / "fresh_sealed.jsonl", sealed)
    for name, part in (("fresh_train", train), ("fresh_sealed", sealed)):
        counts = Counter((i["kind"], i["crisis"]) for i in part)
        say(name, len(part), dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
