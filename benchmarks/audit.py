"""The public site through the W3C Nu validator and Lighthouse, served as production serves it.

    make audit                      # installs the two tools (npm), then runs this
    python benchmarks/audit.py [--database-url URL] [--pages N] [--json PATH]

The site is started as the production-served browser tests start it
(``tests/e2e/production.py``: gunicorn with the production settings over TLS,
whitenoise, Redis, the task worker, a PostgreSQL database of its own filled by
``load_demo``). Then:

- **vnu** (the ``vnu-jar`` npm package, run on Java): every public page found by
  following the site's own links from the home page (no ``/admin/``, no feed or
  sitemap, at most ``--pages``), plus the share form after a submission with
  errors. Errors only: the validator's warnings are listed but not counted.
- **Lighthouse** (npm, headless on Debian's ``chromium``): the home page, a story
  and the share form; accessibility, best practices and SEO.

Exit status 1 if vnu finds an error or a Lighthouse score is under its target
(accessibility 100, best practices 100, SEO 95).
"""

from __future__ import annotations

import argparse
import html.parser
import json
import os
import shutil
import subprocess  # noqa: S404 - runs the two tools
import sys
import tempfile
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e import production  # noqa: E402 - after the path above

TOOLS = ROOT / "benchmarks" / "audit" / "node_modules"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = TOOLS / ".bin" / "lighthouse"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TARGETS = {"accessibility": 100, "best-practices": 100, "seo": 95}
SKIP_PREFIXES = ("/admin/", "/django-admin/", "/static/", "/media/", "/feed", "/sitemap")


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def crawl(site, limit):
    """Paths of the public pages reachable from the home page: {path: html}."""
    pages, queue = {}, ["/"]
    while queue and len(pages) < limit:
        path = queue.pop(0)
        if path in pages:
            continue
        status, headers, body = production.request(site, path)
        if status != 200 or "text/html" not in headers.get("Content-Type", ""):
            continue
        pages[path] = body
        parser = Links()
        parser.feed(body.decode())
        for href in parser.hrefs:
            url = urllib.parse.urljoin(site.url + path, href)
            parts = urllib.parse.urlsplit(url)
            if f"{parts.scheme}://{parts.netloc}" != site.url:
                continue
            found = parts.path + (f"?{parts.query}" if parts.query else "")
            if not found.startswith(SKIP_PREFIXES) and found not in pages:
                queue.append(found)
    return pages


def share_form_with_errors(site):
    """The share form as a person sees it after sending it empty (CSRF token and cookie kept)."""
    import http.cookiejar
    import re
    import urllib.request

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(jar),
        urllib.request.HTTPSHandler(context=production.unverified_context()),
    )
    with opener.open(site.url + "/share/", timeout=15) as response:  # noqa: S310
        form = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode()
    request = urllib.request.Request(  # noqa: S310
        site.url + "/share/", data=data, headers={"Referer": site.url + "/share/"}
    )
    try:
        with opener.open(request, timeout=15) as response:  # noqa: S310
            return response.read()
    except urllib.error.HTTPError as error:  # the form answers 400 with its errors
        return error.read()


def validate(pages, directory):
    """vnu's messages for each page: {path: [message, ...]}."""
    files = {}
    for index, (path, body) in enumerate(pages.items()):
        file = directory / f"page-{index:03d}.html"
        file.write_bytes(body)
        files[str(file)] = path
    result = subprocess.run(  # noqa: S603
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *files],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    )
    messages = {path: [] for path in pages}
    for message in json.loads(result.stderr or result.stdout)["messages"]:
        path = files.get(urllib.parse.unquote(message.get("url", "").removeprefix("file:")))
        messages.setdefault(path, []).append(message)
    return messages


def lighthouse(site, path, directory):
    """Lighthouse's scores (0-100) for one page."""
    report = directory / "lighthouse.json"
    subprocess.run(  # noqa: S603
        [
            str(LIGHTHOUSE),
            site.url + path,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--only-categories=accessibility,best-practices,seo",
            "--chrome-flags=--headless=new --no-sandbox --ignore-certificate-errors",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
        capture_output=True,
    )
    data = json.loads(report.read_text())
    scores = {name: round(category["score"] * 100) for name, category in data["categories"].items()}
    failing = [
        f"{audit['id']}: {audit['title']}"
        for audit in data["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric")
    ]
    return scores, failing


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sharing"),
        help="a PostgreSQL server; the site gets a database of its own on it, dropped after",
    )
    parser.add_argument("--pages", type=int, default=60, help="at most this many pages to crawl")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    if not VNU.exists() or not LIGHTHOUSE.exists():
        sys.exit("The tools are missing: run `make audit` (npm ci in benchmarks/audit).")

    config, name = production.server_database(args.database_url)
    name = name.replace("_site", "_audit")
    root = Path(tempfile.mkdtemp(prefix="sharing-audit-"))
    production.recreate_database(config, name)
    site = production.start(root, config, name)
    failed = False
    figures = {"vnu": {}, "lighthouse": {}}
    try:
        pages = crawl(site, args.pages)
        story = next(
            (p for p in pages if p.startswith("/stories/") and p.count("/") == 3 and "?" not in p),
            None,
        )
        print("pages:", *pages, sep="\n    ")
        pages["/share/ (with errors)"] = share_form_with_errors(site)
        messages = validate(pages, root)
        errors = 0
        for path, found in sorted(messages.items(), key=lambda item: str(item[0])):
            page_errors = [m for m in found if m.get("type") == "error"]
            errors += len(page_errors)
            figures["vnu"][str(path)] = len(page_errors)
            for message in found:
                kind = message.get("subType") or message.get("type")
                extract = message.get("extract", "")
                print(f"vnu {kind}: {path}: {message.get('message')} {extract!r}")
        print(f"\nvnu: {len(pages)} pages, {errors} errors")
        failed |= errors > 0

        for path in ("/", story, "/share/"):
            if path is None:
                continue
            scores, failing = lighthouse(site, path, root)
            figures["lighthouse"][path] = scores
            print(f"lighthouse {path}: {scores}")
            for line in failing:
                print(f"    {line}")
            failed |= any(scores.get(key, 0) < target for key, target in TARGETS.items())
    finally:
        site.stop()
        production.drop_database(config, name)
        production.cleanup(root)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
