"""Throughput of the page cache under wrk, against gunicorn as production runs it.

    python benchmarks/page_cache.py [--database-url URL] [--workers 2]
        [--connections 16] [--duration 10] [--rounds 3] [--skip-setup]

The site is served from the Procfile's ``web`` line (gunicorn, production
settings, whitenoise, the Redis cache, PostgreSQL), on a database that this
script migrates and fills with ``load_demo`` (``--skip-setup`` when it already
is). In the same run, round after round, wrk asks for:

- a static file served by whitenoise (the site's stylesheet, by its hashed name);
- a story page as an anonymous reader gets it: from the page cache;
- the same story page made afresh, as for a reader with a session (the request
  carries a ``sessionid`` cookie; the session does not exist);

and the median of the rounds' requests per second is reported. gunicorn is
started twice, without and with ``--preload`` (the Procfile's line as it is, and
without that flag), and the memory of its processes (PSS: shared pages counted
once) is read just after start-up and again after the run.

Needs ``wrk`` (``apt-get install wrk``), PostgreSQL and Redis.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shlex
import statistics
import subprocess  # noqa: S404 - runs manage.py, gunicorn and wrk
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROCFILE = ROOT / "Procfile"
STYLESHEET = re.compile(r'href="(/static/css/sharing\.[0-9a-f]+\.css)"')
STORY_LINK = re.compile(r'class="story-card__title"><a href="(/stories/[^"]+/)"')


def environment(args, static_root):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="sharing.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=args.database_url,
        CACHE_URL=f"redis://127.0.0.1:6379/0?key_prefix=bench-{secrets.token_hex(4)}",
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=f"http://127.0.0.1:{args.port}",
        SECURE_SSL_REDIRECT="False",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(static_root.parent / "media"),
        PRIVATE_MEDIA_ROOT=str(static_root.parent / "private_media"),
        EMAIL_URL="consolemail://",
        HOST="127.0.0.1",
        PORT=str(args.port),
        WEB_CONCURRENCY=str(args.workers),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    return env


def manage(env, *command):
    subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), *command],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def web_command(preload):
    line = next(line for line in PROCFILE.read_text().splitlines() if line.startswith("web:"))
    command = line.split(":", 1)[1].strip()
    if not preload:
        command = command.replace(" --preload", "")
    elif "--preload" not in command:
        command += " --preload"
    return command


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - our own server
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.read().decode()


def start(env, preload):
    process = subprocess.Popen(  # noqa: S602 - the Procfile's line, as honcho runs it
        f"exec {web_command(preload)}",
        shell=True,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{env['PORT']}"
    began = time.monotonic()
    while time.monotonic() - began < 120:
        try:
            get(f"{url}/robots.txt")  # not /health/: no task worker runs here
            return process, time.monotonic() - began
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("gunicorn did not start")


def children(pid):
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


def memory(pid):
    """PSS and RSS of gunicorn's master and workers, in MB."""
    pss = rss = 0
    for process in [pid, *children(pid)]:
        try:
            lines = Path(f"/proc/{process}/smaps_rollup").read_text().splitlines()
        except OSError:  # a worker that ended between the two reads
            continue
        for line in lines:
            name, _, value = line.partition(":")
            if name == "Pss":
                pss += int(value.split()[0])
            elif name == "Rss":
                rss += int(value.split()[0])
    return pss / 1024, rss / 1024


def wrk(url, args, headers=()):
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s"]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(  # noqa: S603
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses\n{output}")
    return rate


def measure(env, args, preload):
    process, started_in = start(env, preload)
    try:
        time.sleep(1)
        at_start = memory(process.pid)
        base = f"http://127.0.0.1:{env['PORT']}"
        index = get(f"{base}/stories/")
        story = STORY_LINK.search(index).group(1)
        static = STYLESHEET.search(index).group(1)
        targets = {
            "static file (whitenoise)": (f"{base}{static}", ()),
            "story page, cached": (f"{base}{story}", ()),
            "story page, uncached": (f"{base}{story}", ("Cookie: sessionid=benchmark",)),
        }
        for url, headers in targets.values():  # warm: the cache filled, every worker going
            wrk(url, argparse.Namespace(**{**vars(args), "duration": 2}), headers)
        rates = {name: [] for name in targets}
        for _round in range(args.rounds):
            for name, (url, headers) in targets.items():
                rates[name].append(wrk(url, args, headers))
        after = memory(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)
    return {
        "story": story,
        "started_in": started_in,
        "at_start": at_start,
        "after": after,
        "rates": {name: statistics.median(values) for name, values in rates.items()},
        "all": rates,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/sharing_cache"
    )
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-setup", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as directory:
        static_root = Path(directory) / "static"
        env = environment(args, static_root)
        manage(env, "collectstatic", "--no-input")
        if not args.skip_setup:
            manage(env, "migrate", "--no-input")
            manage(env, "load_demo")
        results = {preload: measure(env, args, preload) for preload in (False, True)}

    print(f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s, median of {args.rounds}")  # noqa: T201
    print(f"gunicorn {args.workers} workers: {shlex.join(['web:', web_command(True)])[:60]}...")  # noqa: T201
    print(f"story page: {results[True]['story']}\n")  # noqa: T201
    print("| | without --preload | with --preload |")  # noqa: T201
    print("|---|---|---|")  # noqa: T201
    for name in results[True]["rates"]:
        print(  # noqa: T201
            f"| {name}, req/s | {results[False]['rates'][name]:,.0f} "
            f"| {results[True]['rates'][name]:,.0f} |"
        )
    for preload in (False, True):
        rates = results[preload]["rates"]
        share = rates["story page, cached"] / rates["static file (whitenoise)"]
        results[preload]["share"] = share
    print(  # noqa: T201
        f"| cached story / static file | {results[False]['share']:.0%} "
        f"| {results[True]['share']:.0%} |"
    )
    print(  # noqa: T201
        f"| start-up to first answer, s | {results[False]['started_in']:.1f} "
        f"| {results[True]['started_in']:.1f} |"
    )
    for key, label in (("at_start", "after start-up"), ("after", "after the run")):
        before, after = results[False][key], results[True][key]
        print(  # noqa: T201
            f"| memory {label}, PSS (RSS) MB | {before[0]:.0f} ({before[1]:.0f}) "
            f"| {after[0]:.0f} ({after[1]:.0f}) |"
        )
    print("\nEvery round, req/s:", {str(k): v["all"] for k, v in results.items()})  # noqa: T201


if __name__ == "__main__":
    main()
