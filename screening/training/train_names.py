"""Train the learned name reader and write ``screening/data/name_model.json``.

    python screening/training/train_names.py [--corpus PATH] [--threshold T] [--out PATH]

Needs scikit-learn (requirements-train.txt); the model it writes is read at run
time without it (``screening/learned_names.py``). Trains on training and tuning
sets only (never on a sealed split):

- the names corpus, ``benchmarks/data/names_corpus/names_train.jsonl`` (or
  ``--corpus``): names in context written for the reader by someone who had not
  seen the rules; its sealed split is never read here;
- the names labelled in the dev set, ``screen_tune.jsonl``,
  ``screen_tune_intl.jsonl``, ``screen_holdout.jsonl`` (now a regression set),
  ``screen_tune_fresh.jsonl`` and ``screen_tune_g.jsonl``: every word the model
  reads (``learned_names.eligible``) is a positive when it is inside a
  labelled name, else a negative;
- sentences made from templates written here, filled with names from the
  screen's lists (the Census and Faker names, the curated cultures, the
  English words that are names) and with the same words used as words,
  places, months, brands and kin words.

It prints, by cross-validation over the labelled texts (folds by text, the
made sentences always in training), for each threshold: the labelled names
(spans, as ``score.py`` counts them) the rules find and those the model adds,
the words it flags inside no labelled span of any kind, and the clean texts it
flags that the rules left alone, over all labelled texts and over the corpus
alone. It proposes the lowest threshold at which the model's cross-validated
additions are at least 75% right (``--precision``) and flag at most 0.5% more of
the clean texts (``--clean``); ``--threshold`` sets the one written (the proposed
one when not given).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from screening import screen  # noqa: E402
from screening.base import Document  # noqa: E402
from screening.learned_names import _elsewhere, eligible, token_features, tokens  # noqa: E402
from screening.lexicons import (  # noqa: E402
    GIVEN_NAME_CULTURES,  # noqa: E402
    GIVEN_WORD_NAMES,
    KINSHIP_TITLES,
    MONTHS,
    NOT_NAME_PHRASES,
    first_names,
    last_names,
    place_names,
    word_list,
)

CORPUS = ROOT / "benchmarks/data/names_corpus/names_train.jsonl"
LABELLED = [
    Path("/work/shared/eval/dev.jsonl"),
    ROOT / "benchmarks/data/screen_tune.jsonl",
    ROOT / "benchmarks/data/screen_tune_intl.jsonl",
    ROOT / "benchmarks/data/screen_holdout.jsonl",
    ROOT / "benchmarks/data/screen_tune_fresh.jsonl",
    ROOT / "benchmarks/data/screen_tune_g.jsonl",
]
PRIVACY = ("name", "phone", "email", "address", "date", "id_number", "url", "age")
THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97)

# Names (labelled): {N} a given name, {S} a surname, {W} an English word that is a
# given name, {n}/{n2} given names in lower case, {K} a nickname, {Z}/{z} a made-up
# name, {s} a surname in lower case. Not names: {w}/{l} an English word that is a
# name, used as a word, {P} a place, {M} a month, {X} a song, brand or greeting,
# {Q} a kin word, {Y}/{y} a made-up brand or place, slang.
PERSON_TEMPLATES = [
    "{N} said the scans looked clear.",
    "{N} stayed with me all night.",
    "Thank you, {N}, for everything.",
    "My nurse {N} held my hand.",
    "My daughter {N} drove me home.",
    "{N} {S} sat with my father every evening.",
    "I asked {N} whether it would hurt.",
    "{N} and I walked the ward twice a day.",
    "Our neighbour {N} fed the cat.",
    "Love you {N}!",
    "Sending hugs to {N} and the kids.",
    "{N} brought soup and stayed to talk.",
    "When {N} came in she was crying.",
    "A nurse called {N} explained every step.",
    "{N} laughed and told me to rest.",
    "Big thanks to {N} on the night shift.",
    "- {N}",
    "xx {N}",
    "{N} from physio got me walking again.",
    "We named her {N} after my grandmother.",
    "I told {N} I was scared.",
    "{N} wept when the doctor left.",
    "Later {N} rang to check on me.",
    "{N}'s husband waited outside.",
    "Ask for {N}, she is the best.",
    "My brother {N} flew in from abroad.",
    "{N}, if you read this, thank you.",
    "{N} {S} was the surgeon that day.",
    "Mr {S} was in the next bed.",
    "Dr {S} came by before rounds.",
    "{W} said I was doing well.",
    "{W} held the basin while I was sick.",
    "My granddaughter {W} painted me a card.",
    "{W} and I shared a room for a week.",
    "Thank you {W}, you made it bearable.",
    "{W} hugged me at the door.",
    "{W} rang every morning.",
    "My friend {W} drove four hours to see me.",
    "Nurse {W} sang to the babies.",
    "Hi {n}, thank you so much",
    "tell {n} i said thanks",
    "my son {n} was there too",
    "{n} and {n2} were amazing",
    "Cheers from {P}, {N}",
    "Cheers from {P}, {K}",
    "xx {K}",
    "Love, {K}",
    "Take care, {K}.",
    "Thanks all. {K}",
    "Hang in there. {K} x",
    "{Z} came to us last winter very unwell.",
    "{Z} told me not to give up.",
    "A young nurse called {W} sat with me.",
    "A physio called {Z} got me walking.",
    "My friend {Z} came every day.",
    "{Z} and I were in the same bay.",
    "congrats {z}!!! so happy for you",
    "had dr {s} for my follow up too",
    "thanks {z} you were amazing",
    "love this {z}, well done",
    "omg {z} this made me cry",
    "{Z} {S} was my key worker.",
]

WORD_TEMPLATES = [
    "{w} is what kept me going.",
    "There was no {l} left in me that week.",
    "{w} came slowly after the operation.",
    "We went to {P} for the second opinion.",
    "The hospital in {P} has a good unit.",
    "I was born in {P}.",
    "{M} was the worst month.",
    "By {M} I could walk again.",
    "We sang {X} at the service.",
    "The kids ate {X} in the waiting room.",
    "{Q} made me soup.",
    "Will it hurt?",
    "Will you come back tomorrow?",
    "April showers and hospital windows.",
    "Joy is hard to find on a cancer ward.",
    "Hope is a strange thing.",
    "Grace under pressure, they call it.",
    "Faith got me through the nights.",
    "Mark the date in your calendar.",
    "Bill the insurer, they said.",
    "Sue them if they lose your file.",
    "Rose petals on the bed.",
    "Summer was long and hot.",
    "Dawn came and I was still awake.",
    "Rain lashed the windows.",
    "Sky was grey all week.",
    "Honey in tea helped my throat.",
    "Patience is not my strength.",
    "Frank talk from the surgeon helped.",
    "Cliff edges scare me.",
    "Daisy chains with my niece in the garden.",
    "Amber lights on the monitor blinked.",
    "Ruby slippers for the Halloween party.",
    "Jack up the bed, the nurse said.",
    "Mercy Hospital was full.",
    "Christmas on the ward was quiet.",
    "Tylenol and rest, that was the plan.",
    "The Mayo Clinic sent my records.",
    "Parkinson disease runs in the family.",
    "Crohn's flared again in spring.",
    "Lola made pancit for the whole ward.",
    "Nana sat by my bed.",
    "Tito drove us to the clinic.",
    "Dear God, let it be benign.",
    "Allah gave me strength.",
    "Jesus, that hurt.",
    "Kia ora from Aotearoa.",
    "Sat Sri Akal to everyone.",
    "Dia dhuit, a chairde.",
    "Salamat po sa lahat.",
    "Namaste and thank you.",
    "Friday was surgery day.",
    "The Beatles played on the radio.",
    "Google told me to panic.",
    "Thank you Mayo for everything.",
    "Physio was brutal but worth it.",
    "Oncology is on the fourth floor.",
    "Radiology called about the scan.",
    "Lovely staff, lovely food.",
    "Bless you all.",
    "Cheers, everyone.",
    "Sincerely, a grateful patient",
    "Sorry, I cried reading this.",
    "Cheers from {P}.",
    "{Y} on the ward was awful.",
    "I got a {Y} from the vending machine.",
    "We drove over the {Y} bridge.",
    "She was at the {Y} in {P}.",
    "honestly {y} this made me cry",
    "{y} that was so hard to read",
    "ngl i {y} cried",
    "tbh it was {y} awful",
    "Thank you {P} for everything.",
]


# Made-up names and words, for what no list knows: names in person contexts,
# brands, places and slang in others, so the model learns the context, not the word.
_ONSETS = "b d f g h j k l m n p r s t v w y z ch sh th kh ng mb nd".split()
_VOWELS = "a e i o u a e i o ai ee oo ia".split()
_CODAS = ["", "", "", "n", "r", "l", "s", "m", "z", "h", "k"]
_SLANG = (
    "tbh ngl lol omg pls plz ya gonna wanna kinda sorta didnt cant wont im ive idk imo irl smh fr"
).split()


def nonce(rng: random.Random) -> str:
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.randint(1, 3))
    ) + rng.choice(_CODAS)


def nickname(rng: random.Random, name: str) -> str:
    cut = name[: rng.randint(2, min(4, len(name)))]
    return cut + rng.choice(["", "", "z", "y", "o", "ie", "a"])


def _given_names(rng: random.Random) -> list[str]:
    firsts = sorted(first_names())
    picked = rng.sample(firsts, 500)
    for culture in GIVEN_NAME_CULTURES:
        names = list(word_list(f"given_names_{culture}"))
        picked += rng.sample(names, min(15, len(names)))
    return picked


def synthetic(rng: random.Random) -> list[tuple[str, list[tuple[int, int]]]]:
    """(text, name spans) made from the templates."""
    names = _given_names(rng)
    surnames = rng.sample(sorted(last_names()), 300)
    word_names = sorted(set(word_list("word_names")) | GIVEN_WORD_NAMES)
    people_words = sorted(set(word_list("word_names_people")) | GIVEN_WORD_NAMES)
    places = rng.sample(sorted(place_names()), 200)
    phrases = list(NOT_NAME_PHRASES)
    kin = sorted(KINSHIP_TITLES)
    months = sorted(MONTHS)
    out = []

    def fill(template, values):
        text, spans, pos = "", [], 0
        for part in _split(template):
            if part.startswith("{") and part.endswith("}"):
                key = part[1:-1]
                value = values[key]
                if key in ("N", "S", "W", "n", "n2", "K", "Z", "z", "s"):
                    spans.append((len(text), len(text) + len(value)))
                text += value
            else:
                text += part
            pos += 1
        return text, spans

    person = PERSON_TEMPLATES + [f"{{W}} {verb} {rest}" for verb, rest in PERSON_VERBS]
    word = WORD_TEMPLATES + [f"{{w}} {rest}" for rest in WORD_PREDICATES]
    for _ in range(1200):
        values = {
            "N": rng.choice(names),
            "S": rng.choice(surnames),
            "W": rng.choice(people_words + word_names),
            "n": rng.choice(names).lower(),
            "n2": rng.choice(names).lower(),
            "K": nickname(rng, rng.choice(names)),
            "Z": nonce(rng).title(),
            "z": rng.choice([nonce(rng), rng.choice(names).lower()]),
            "s": rng.choice(surnames).lower(),
            "P": rng.choice(places),
        }
        pieces = [fill(t, values) for t in rng.sample(person, rng.randint(1, 3))]
        out.append(_join(pieces))
    for _ in range(1200):
        w = rng.choice(word_names)
        values = {
            "w": w,
            "l": w.lower(),
            "P": rng.choice(places),
            "M": rng.choice(months),
            "X": rng.choice(phrases),
            "Q": rng.choice(kin),
            "Y": nonce(rng).title(),
            "y": rng.choice(_SLANG),
        }
        pieces = [fill(t, values) for t in rng.sample(word, rng.randint(1, 3))]
        out.append(_join(pieces))
    return out


def _join(pieces):
    text, spans = "", []
    for piece, piece_spans in pieces:
        if text:
            text += " "
        spans.extend((s + len(text), e + len(text)) for s, e in piece_spans)
        text += piece
    return text, spans


# What people do (after an English word that is a name, at a sentence start).
PERSON_VERBS = [
    (v, r)
    for v in (
        "said",
        "told me",
        "cried",
        "laughed",
        "smiled",
        "whispered",
        "hugged me",
        "called",
        "texted",
        "visited",
        "asked",
        "answered",
        "sang",
        "prayed",
        "drove",
        "brought",
        "cooked",
        "promised",
        "insisted",
        "admitted",
        "nodded",
        "shrugged",
        "sobbed",
        "joked",
        "waved",
        "explained",
        "apologised",
        "apologized",
        "phoned",
        "wrote",
        "married",
        "decided",
        "sat",
        "slept",
        "woke",
        "kissed",
        "held",
        "wanted",
        "knew",
        "thinks",
        "says",
        "keeps",
        "was born",
        "was diagnosed",
        "is my",
        "has been",
        "turned",
        "died",
        "passed",
    )
    for r in ("at the end.", "that we would be fine.", "again the next day.", "and then left.")
]
# What words do (an English word that is a name, used as a word).
WORD_PREDICATES = [
    "filled the room.",
    "faded by the evening.",
    "is everything.",
    "was in the air.",
    "matters more than you think.",
    "comes and goes.",
    "is hard to hold onto.",
    "was all I had left.",
    "returned slowly.",
    "is overrated.",
    "never lasts.",
    "helps, a little.",
    "was the theme of the service.",
    "seemed far away.",
]


def _split(template: str) -> list[str]:
    parts, buf = [], ""
    for ch in template:
        if ch == "{":
            parts.append(buf)
            buf = ch
        elif ch == "}":
            parts.append(buf + ch)
            buf = ""
        else:
            buf += ch
    parts.append(buf)
    return [p for p in parts if p]


def rows(text: str, spans: list[tuple[int, int]]):
    """(features, label, start, end) for each word the model reads."""
    toks = tokens(text)
    elsewhere = _elsewhere(toks)
    for i in eligible(text, toks, Document(text).word_set):
        _tok, start, end = toks[i]
        label = any(s < end and start < e for s, e in spans)
        yield token_features(toks, i, elsewhere), label, start, end


def labelled(paths, without=()):
    """(item, name spans, source file name) of every labelled text in ``paths``."""
    items = []
    for path in paths:
        if not path.exists() or path.name in without:
            continue
        for line in path.open(encoding="utf-8"):
            if not line.strip():
                continue
            item = json.loads(line)
            spans = [(p["start"], p["end"]) for p in item.get("phi", []) if p["category"] == "name"]
            items.append((item, spans, path.name))
    return items


def fit(samples, c=0.5):
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f, _y, _w in samples])
    y = [y for _f, y, _w in samples]
    w = [w for _f, _y, w in samples]
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, y, sample_weight=w)
    return vec, model


def say(*parts) -> None:
    print(*parts)  # noqa: T201 - a command-line tool's report


def _overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class Tally:
    """Cross-validated counts for one group of texts, at every threshold."""

    def __init__(self) -> None:
        self.names = self.ruled = self.texts = self.clean = self.clean_ruled = 0
        self.added = dict.fromkeys(THRESHOLDS, 0)
        self.false = dict.fromkeys(THRESHOLDS, 0)
        self.clean_added = dict.fromkeys(THRESHOLDS, 0)
        self.shown: list[str] = []  # with --show T: what the model flags at T

    def line(self, t: float) -> str:
        right = self.added[t]
        wrong = self.false[t]
        share = f"{right / (right + wrong):.2f}" if right + wrong else "-"
        return (
            f"names {self.ruled}+{right}/{self.names}"
            f" = {(self.ruled + right) / max(self.names, 1):.3f},"
            f" words flagged outside any labelled span {wrong} (additions right {share}),"
            f" clean texts flagged {self.clean_ruled}+{self.clean_added[t]}/{self.clean}"
        )


def score_fold(vec, model, test, ruled_by_id, tallies, show=None):
    for item, spans, source in test:
        text = item["text"]
        gold = [(p["start"], p["end"]) for p in item.get("phi", [])]
        ruled, any_finding = ruled_by_id[item["id"], source]
        clean = not item.get("phi") and not item.get("labels")
        probs = []  # (probability, start, end) of the words the rules leave
        rows_ = [r for r in rows(text, spans) if not any(_overlaps(r[2:], s) for s in ruled)]
        if rows_:
            x = vec.transform([dict.fromkeys(f, 1) for f, _y, _s, _e in rows_])
            probs = [
                (p, s, e)
                for p, (_f, _y, s, e) in zip(model.predict_proba(x)[:, 1], rows_, strict=True)
            ]
        for tally in tallies:
            tally.texts += 1
            tally.names += len(spans)
            tally.ruled += sum(any(_overlaps(s, r) for r in ruled) for s in spans)
            if clean:
                tally.clean += 1
                tally.clean_ruled += any_finding
            for t in THRESHOLDS:
                flagged = [(s, e) for p, s, e in probs if p >= t]
                tally.added[t] += sum(
                    1
                    for span in spans
                    if not any(_overlaps(span, r) for r in ruled)
                    and any(_overlaps(span, f) for f in flagged)
                )
                tally.false[t] += sum(1 for f in flagged if not any(_overlaps(f, g) for g in gold))
                if clean and not any_finding and flagged:
                    tally.clean_added[t] += 1
            if show is not None:
                for p, s, e in probs:
                    if p >= show:
                        right = any(_overlaps((s, e), g) for g in gold)
                        tally.shown.append(
                            f"{'name' if right else 'FALSE'} {p:.2f} {source} {item['id']}:"
                            f" {text[max(0, s - 40) : s]!r} [{text[s:e]}] {text[e : e + 30]!r}"
                        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS, help="the names corpus' training split"
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--threshold", type=float, help="the threshold written (default: proposed)")
    parser.add_argument("--precision", type=float, default=0.75, help="additions' share right")
    parser.add_argument(
        "--clean", type=float, default=0.005, help="share of clean texts it may flag more"
    )
    parser.add_argument("-C", type=float, default=0.5, help="inverse regularisation strength")
    parser.add_argument("--made-weight", type=float, default=0.5, help="weight of the made rows")
    parser.add_argument("--show", type=float, help="print what the model flags at this threshold")
    parser.add_argument("--without", nargs="*", default=[], help="labelled files to leave out")
    parser.add_argument("--out", default=str(ROOT / "screening/data/name_model.json"))
    args = parser.parse_args()
    rng = random.Random(16)  # noqa: S311 - reproducible made texts, not secrets
    made = [
        (f, y, args.made_weight)
        for text, spans in synthetic(rng)
        for f, y, _s, _e in rows(text, spans)
    ]
    sources = [args.corpus, *LABELLED]
    items = labelled(sources, args.without)
    rng.shuffle(items)
    corpus_name = args.corpus.name
    from_corpus = sum(source == corpus_name for *_rest, source in items)
    say(f"labelled texts {len(items)} ({from_corpus} from the corpus), made rows {len(made)}")

    # What the rules find, once a text: the privacy spans, and whether there is any finding.
    ruled_by_id = {}
    for item, _spans, source in items:
        findings = screen(
            item["text"], kind=item.get("kind") or "story", role=item.get("role"), learned=False
        )
        privacy = [(f.start, f.end) for f in findings if f.category in PRIVACY]
        ruled_by_id[item["id"], source] = (privacy, bool(findings))

    # Cross-validation: what the model adds over the rules, by threshold.
    everything, corpus = Tally(), Tally()
    for fold in range(args.folds):
        train = [it for k, it in enumerate(items) if k % args.folds != fold]
        test = [it for k, it in enumerate(items) if k % args.folds == fold]
        samples = made + [
            (f, y, 1.0) for item, spans, _src in train for f, y, _s, _e in rows(item["text"], spans)
        ]
        vec, model = fit(samples, args.C)
        for one in test:
            tallies = [everything, corpus] if one[2] == corpus_name else [everything]
            score_fold(vec, model, [one], ruled_by_id, tallies[:1], args.show)
            if len(tallies) > 1:
                score_fold(vec, model, [one], ruled_by_id, tallies[1:])
    proposed = None
    for t in THRESHOLDS:
        right, wrong = everything.added[t], everything.false[t]
        clean = everything.clean_added[t] / max(everything.clean, 1)
        if proposed is None and right + wrong and right / (right + wrong) >= args.precision:
            if clean <= args.clean:
                proposed = t
    say(f"cross-validated ({args.folds} folds by text), the rules + the model at each threshold:")
    for t in THRESHOLDS:
        say(f"  {t}: all {everything.line(t)}")
        say(f"  {' ' * len(str(t))}  corpus {corpus.line(t)}")
    for shown in sorted(everything.shown):
        say("   ", shown)
    say(
        f"proposed threshold (additions at least {args.precision:.0%} right, at most"
        f" {args.clean:.1%} more clean texts flagged): {proposed}"
    )
    threshold = args.threshold if args.threshold is not None else proposed or 0.95

    samples = made + [
        (f, y, 1.0) for item, spans, _src in items for f, y, _s, _e in rows(item["text"], spans)
    ]
    vec, model = fit(samples, args.C)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 0.01
    }
    data = {
        "version": 2,
        "trained_on": [p.name for p in sources if p.exists() and p.name not in args.without]
        + ["templates"],
        "C": args.C,
        "made_weight": args.made_weight,
        "bias": round(float(model.intercept_[0]), 4),
        "threshold": threshold,
        "weights": dict(sorted(weights.items())),
    }
    Path(args.out).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    say(f"wrote {args.out}: {len(weights)} weights, threshold {threshold}")


if __name__ == "__main__":
    main()
