"""Split a written set into a tuning split and a sealed split, printing counts only.

    python benchmarks/split_set.py --built B.jsonl --source S.jsonl \
        --tune benchmarks/data/screen_tune_i.jsonl --sealed benchmarks/data/screen_sealed_i.jsonl \
        --seed 1609 --share 0.6

Items are split at random with a fixed seed, within each of two strata (texts with
no identifier and no label, and the rest), so both splits hold the same share of
clean texts. The sources (inline markup) go beside each split as ``*_source.jsonl``.
Nothing of an item is printed: the sealed split must stay unread.
"""

import argparse
import json
import random
from pathlib import Path


def load(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write(path, rows):
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--built", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--tune", required=True)
    parser.add_argument("--sealed", required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--share", type=float, default=0.6)
    args = parser.parse_args()
    built = load(args.built)
    sources = {row["id"]: row for row in load(args.source)}
    if {row["id"] for row in built} != set(sources) or len(sources) != len(built):
        raise SystemExit("the built file and the source file do not hold the same ids")
    rng = random.Random(args.seed)
    tune_ids = set()
    for clean in (True, False):
        ids = sorted(r["id"] for r in built if (not r["phi"] and not r["labels"]) == clean)
        rng.shuffle(ids)
        tune_ids.update(ids[: round(len(ids) * args.share)])
    for path, keep in ((args.tune, True), (args.sealed, False)):
        rows = [r for r in built if (r["id"] in tune_ids) == keep]
        write(path, rows)
        source_path = Path(path).with_name(Path(path).stem + "_source.jsonl")
        write(source_path, [sources[r["id"]] for r in rows])
        clean = sum(1 for r in rows if not r["phi"] and not r["labels"])
        spans = sum(len(r["phi"]) for r in rows)
        names = sum(1 for r in rows for s in r["phi"] if s["category"] == "name")
        stories = sum(1 for r in rows if r.get("kind") == "story")
        print(f"{path}: {len(rows)} items ({stories} stories), {clean} clean, "
              f"{spans} PHI spans ({names} names)")  # fmt: skip


if __name__ == "__main__":
    main()
