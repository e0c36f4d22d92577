"""Speed and memory of the screening engine, on one core.

    python benchmarks/screening.py [--dev PATH] [--stories N] [--words N]

Prints a table for each path, the rules alone (``learned=False``) and the
rules with the learned crisis reader: throughput and latency on the dev set,
on generated 100-word comments and on generated 1,000-word stories; then
start-up (import + first screen, in a fresh interpreter) and the resident
memory of that interpreter, both ways.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess  # noqa: S404 - runs this same interpreter for a cold start
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"

# Material for generated stories: sentences with what the screen looks for and
# its look-alikes (doses, vitals, rooms, years, drugs), in two of five sentences,
# and plain narrative in the rest.
SENTENCES = [
    "My husband {first} drove me to the clinic every Tuesday.",
    "Dr. {first} {last} explained the scan with a drawing on the whiteboard.",
    "The pain was about 6/10 most nights and my BP ran 128/84.",
    "They moved me to room {n3} on the fourth floor, bed {n1}.",
    "I was on {n2} mg of prednisone for a month before the taper.",
    "We came home on March {n1} with a bag of gauze and a folder.",
    "Hope is a strange thing to hold on to in a waiting room.",
    "Call me at (312) 555-01{n2} if you want to talk about it.",
    "My daughter flew in from Denver and stayed for the week.",
    "The nurses at Grace Memorial Hospital were kind to all of us.",
    "I was diagnosed with Crohn's disease in 2016 and it changed everything.",
    "Some days I walked the hallway twice, some days not at all.",
    "My A1C came down from 9.1 to 6.7 over eighteen months.",
    "Our support group meets on the first Saturday of the month at the library.",
    "Write to me at someone{n2}@example.org and I will answer.",
    "She turned 94 last spring and still does the crossword in pen.",
    "The bill was $14,200 before the appeal went through.",
    "Nobody tells you how much the compression stockings itch.",
]
# Plain narrative, which most of any story is.
PLAIN = [
    "The first night was the longest, and I watched the clock on the wall until dawn.",
    "Nobody warned me how tired I would feel for weeks after coming home.",
    "I learned to ask for help, which was harder than any of the treatments.",
    "The waiting room had the same three magazines every single visit.",
    "Some mornings getting dressed took the whole of my energy.",
    "My kids made a chart on the fridge and gave me a sticker for every walk.",
    "The night staff checked on me quietly so they would not wake me.",
    "I kept a notebook of questions because I always forgot them in the room.",
    "Friends brought food until the freezer could not hold any more.",
    "It was a long year, and I am still learning what recovery means.",
    "We laughed more than I expected, even on the bad days.",
    "The physical therapist made me climb the practice stairs twice.",
    "I cried in the car park more than once, and that was all right.",
    "Going back to work felt strange, as if I had been away for years.",
    "If you are at the start of this, be patient with yourself.",
    "The hardest part was not knowing what the next scan would show.",
]


def story(rng: random.Random, words: int) -> str:
    firsts = ["Maya", "Tomas", "Ines", "Kwame", "Lena", "Rahul", "Grace", "Owen"]
    lasts = ["Okafor", "Lindqvist", "Moreau", "Castillo", "Nguyen", "Hartley"]
    out: list[str] = []
    count = 0
    while count < words:
        pool = SENTENCES if rng.random() < 0.4 else PLAIN
        sentence = rng.choice(pool).format(
            first=rng.choice(firsts),
            last=rng.choice(lasts),
            n1=rng.randint(1, 28),
            n2=rng.randint(10, 99),
            n3=rng.randint(100, 999),
        )
        out.append(sentence)
        count += len(sentence.split())
        if rng.random() < 0.2:
            out.append("\n\n")
    return " ".join(out)


def comment(rng: random.Random, words: int) -> str:
    out: list[str] = []
    while sum(len(s.split()) for s in out) < words:
        out.append(rng.choice(PLAIN + COMMENT_LINES))
    return " ".join(out)


# Comment lines, some of them what the crisis reader looks for.
COMMENT_LINES = [
    "thank you for writing this, it made me cry on the bus",
    "honestly some nights i just want it all to stop",
    "my mum went through the same thing and she is fine now",
    "i looked up how many it would take, but i won't",
    "Sending love to you and your family.",
    "lol my kid said he'd die if we made him eat sprouts",
]


def measure(screen, items) -> dict:
    """Wall-clock and CPU time per text. On a busy machine the CPU time is the
    fairer figure for "one core": it leaves out time spent waiting for the core."""
    wall, cpu = [], []
    start, start_cpu = time.perf_counter(), time.thread_time()
    for item in items:
        t0, c0 = time.perf_counter(), time.thread_time()
        screen(item["text"], kind=item.get("kind", "story"), role=item.get("role"))
        cpu.append((time.thread_time() - c0) * 1000)
        wall.append((time.perf_counter() - t0) * 1000)
    total, total_cpu = time.perf_counter() - start, time.thread_time() - start_cpu
    wall.sort()
    cpu.sort()
    p95 = max(0, int(len(items) * 0.95) - 1)
    return {
        "texts": len(items),
        "per_second": len(items) / total,
        "per_cpu_second": len(items) / total_cpu,
        "median_ms": statistics.median(wall),
        "p95_ms": wall[p95],
        "cpu_median_ms": statistics.median(cpu),
        "cpu_p95_ms": cpu[p95],
    }


def best_of(rounds: int, screen, items) -> dict:
    """The round with the lowest median CPU time: other work on a shared machine
    only ever slows a round down."""
    return min(
        (measure(screen, items) for _ in range(max(1, rounds))), key=lambda r: r["cpu_median_ms"]
    )


def cold_start(learned: bool) -> tuple[float, float, float]:
    """(wall s, CPU s, resident MB) of a fresh interpreter's import and first screen."""
    code = (
        "import time; t = time.perf_counter(); c = time.process_time();"
        "from screening import screen;"
        f"screen('Dr. Ana Ruiz called (312) 555-0199 on May 4.', learned={learned});"
        "w, p = time.perf_counter() - t, time.process_time() - c;"
        "import os; f = '/proc/self/status';"
        "rss = [x for x in open(f) if x.startswith('VmRSS:')] if os.path.exists(f) else [];"
        "import resource;"
        "m = int(rss[0].split()[1]) / 1024 if rss else "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024;"
        "print(w, p, m)"
    )
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    wall, cpu, rss = result.stdout.split()
    return float(wall), float(cpu), float(rss)


def pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="dev set (JSON Lines)")
    parser.add_argument("--stories", type=int, default=200, help="generated stories to screen")
    parser.add_argument("--words", type=int, default=1000, help="words per generated story")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the dev set")
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds per corpus; the fastest is reported"
    )
    args = parser.parse_args()

    pin_to_one_core()
    startup = {
        learned: min((cold_start(learned) for _ in range(max(1, args.rounds))), key=lambda t: t[1])
        for learned in (False, True)
    }

    from screening import ENGINE_VERSION, screen

    screen("Warm up: Dr. Ana Ruiz, (312) 555-0199.", learned=True)
    dev = []
    if args.dev.exists():
        with args.dev.open(encoding="utf-8") as source:
            dev = [json.loads(line) for line in source if line.strip()]
    rng = random.Random(20240501)
    stories = [{"text": story(rng, args.words)} for _ in range(args.stories)]
    comments = [{"text": comment(rng, 100), "kind": "comment"} for _ in range(args.stories)]
    rows = []
    for learned, path in ((False, "rules"), (True, "rules+learned")):
        run = partial(screen, learned=learned)
        if dev:
            rows.append((f"{path}: dev set", best_of(args.rounds, run, dev * args.repeat)))
        rows.append((f"{path}: 100-word comments", best_of(args.rounds, run, comments)))
        rows.append((f"{path}: {args.words}-word stories", best_of(args.rounds, run, stories)))

    write = sys.stdout.write
    write(f"screening engine {ENGINE_VERSION}, one core, Python {sys.version.split()[0]}\n\n")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    write(
        f"(load average {load:.1f}; best of {args.rounds} rounds; CPU columns leave out"
        " time waiting for the core)\n\n"
    )
    write(
        f"{'corpus':<34} {'texts':>6} {'texts/s':>8} {'median ms':>10} {'p95 ms':>7}"
        f" {'CPU texts/s':>12} {'CPU median':>11} {'CPU p95':>8}\n"
    )
    for name, row in rows:
        write(
            f"{name:<34} {row['texts']:>6} {row['per_second']:>8.0f} "
            f"{row['median_ms']:>10.2f} {row['p95_ms']:>7.2f} {row['per_cpu_second']:>12.0f}"
            f" {row['cpu_median_ms']:>11.2f} {row['cpu_p95_ms']:>8.2f}\n"
        )
    write("\n")
    for learned, path in ((False, "rules"), (True, "rules+learned")):
        wall, cpu, rss = startup[learned]
        write(
            f"{path:<14} start-up (import + first screen): {wall * 1000:.0f} ms"
            f" (CPU {cpu * 1000:.0f} ms); resident memory then: {rss:.0f} MB\n"
        )


if __name__ == "__main__":
    main()
