"""Crisis figures of the screen, rules alone and rules + learned reader.

    python benchmarks/crisis.py [--no-cv] [--no-sealed] [--json]

For each set, at text level: crisis recall (either tier counts), the urgent
tier's precision (texts with a blocked crisis finding that are labelled urgent;
on sets without tiers, labelled crisis at all), and the share of texts without
crisis language that get a crisis finding ("clean flagged"). On sets in the
dev set's format, the figures of ``../shared/eval/score.py`` too.

The training corpora are scored by cross-validation (the model is refitted
without each fold; needs scikit-learn, from requirements-dev.txt). Sealed
sets are scored in aggregate only: this script never prints an item of them;
``--no-sealed`` leaves them out (a sealed set is scored at most twice: before a
change and at its end).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screening import screen  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
CORPUS = DATA / "crisis_corpus"
EVAL = ROOT.parent / "shared" / "eval"


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def tier_of(item: dict) -> str:
    """ "urgent", "possible", "none", or "crisis" for a set without tiers."""
    if isinstance(item.get("crisis"), str):
        return item["crisis"]
    if "crisis" in item:
        return "crisis" if item["crisis"] else "none"
    return "crisis" if "crisis" in item.get("labels", []) else "none"


def verdict(item: dict, learned: bool) -> tuple[bool, bool]:
    """(any crisis finding, any blocked crisis finding)."""
    found = [
        f
        for f in screen(
            item["text"], kind=item.get("kind") or "story", role=item.get("role"), learned=learned
        )
        if f.category == "crisis"
    ]
    return bool(found), any(f.severity == "block" for f in found)


def figures(rows: list[tuple[str, tuple[bool, bool]]]) -> dict:
    positives = [v for tier, v in rows if tier != "none"]
    clean = [v for tier, v in rows if tier == "none"]
    tiered = any(tier in ("urgent", "possible") for tier, _ in rows)
    blocked = [tier for tier, v in rows if v[1]]
    right = [t for t in blocked if (t == "urgent" if tiered else t != "none")]
    return {
        "texts": len(rows),
        "crisis": len(positives),
        "recall": ratio(sum(v[0] for v in positives), len(positives)),
        "urgent_precision": ratio(len(right), len(blocked)),
        "clean_flagged": ratio(sum(v[0] for v in clean), len(clean)),
    }


def ratio(n: int, d: int) -> float | None:
    return round(n / d, 3) if d else None


def score_module():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def contract_figures(items: list[dict], learned: bool) -> dict:
    """score.py's aggregate figures, on predictions made as ``manage.py screen`` makes them."""
    pred = []
    for item in items:
        findings = screen(
            item["text"], kind=item.get("kind") or "story", role=item.get("role"), learned=learned
        )
        pred.append({"id": item["id"], "findings": [f.to_dict() for f in findings]})
    result = score_module().score(items, pred)
    crisis = result["labels"]["crisis"]
    return {
        "phi_recall": result["phi_recall"],
        "phi_precision": result["phi_precision"],
        "crisis_recall": crisis["recall"],
        "crisis_precision": crisis["precision"],
        "labels_macro_f1": result["labels_macro_f1"],
        "clean_items_flagged": result["clean_items_flagged"],
    }


def cross_validated() -> dict[str, dict]:
    """Rules + model on the training texts, each scored by a model fitted without it."""
    sys.path.insert(0, str(ROOT / "screening" / "training"))
    import train_crisis  # noqa: PLC0415 - needs scikit-learn, which only this part uses

    texts, negatives = train_crisis.labelled_texts(), train_crisis.extra_negatives()
    rows, sources = train_crisis.cross_validate(texts, negatives, 5)
    model = train_crisis.load_thresholds()
    out = {}
    for source in sorted(set(sources)):
        by_kind, u = model
        part = [
            (
                tier,
                (
                    r_any or p >= by_kind[kind],
                    r_block or (not r_any and p >= by_kind[kind] and q >= u),
                ),
            )
            for (tier, (r_any, r_block), (p, q), kind), s in zip(rows, sources, strict=True)
            if s == source
        ]
        out[source] = figures(part)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validated rows")
    ap.add_argument("--no-sealed", action="store_true", help="leave the sealed sets out")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    sets = {
        "crisis_tune": (read(DATA / "crisis_tune.jsonl"), False),
        "dev": (read(EVAL / "dev.jsonl"), True),
        "screen_holdout": (read(DATA / "screen_holdout.jsonl"), True),
    }
    for path in sorted(CORPUS.glob("*_train.jsonl")):
        sets[path.stem + " (in-sample)"] = (read(path), False)
    if not args.no_sealed:
        for path in sorted(CORPUS.glob("*_sealed.jsonl")):
            sets[path.stem + " [sealed]"] = (read(path), False)
        sets["screen_sealed [sealed]"] = (read(DATA / "screen_sealed.jsonl"), True)

    report: dict[str, dict] = {}
    for name, (items, contract) in sets.items():
        for learned in (False, True):
            rows = [(tier_of(i), verdict(i, learned)) for i in items]
            entry = figures(rows)
            if contract:
                entry["score.py"] = contract_figures(items, learned)
            report.setdefault(name, {})["rules + learned" if learned else "rules"] = entry
    if not args.no_cv:
        for source, entry in cross_validated().items():
            report.setdefault(f"{source} (5-fold cv)", {})["rules + learned"] = entry

    if args.json:
        print(json.dumps(report, indent=2))
        return
    head = (
        f"{'set':34} {'screen':16} {'texts':>5} {'crisis':>6} {'recall':>6} {'urg.P':>6}"
        f" {'clean':>6}"
    )
    print(head)
    print("-" * len(head))
    for name, by in report.items():
        for screen_name, e in by.items():
            print(
                f"{name:34} {screen_name:16} {e['texts']:>5} {e['crisis']:>6} {fmt(e['recall'])}"
                f" {fmt(e['urgent_precision'])} {fmt(e['clean_flagged'])}"
            )
            if "score.py" in e:
                s = e["score.py"]
                print(
                    f"{'':34} {'  score.py':16} crisis R {fmt(s['crisis_recall'])} P"
                    f" {fmt(s['crisis_precision'])}  labels macro F1 {fmt(s['labels_macro_f1'])}"
                    f"  clean flagged {fmt(s['clean_items_flagged'])}  PHI R {fmt(s['phi_recall'])}"
                    f" P {fmt(s['phi_precision'])}"
                )


def fmt(value) -> str:
    return f"{value:>6.3f}" if isinstance(value, float | int) else f"{'-':>6}"


if __name__ == "__main__":
    main()
