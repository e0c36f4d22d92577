"""The site served the way production serves it, for the browser tests.

A PostgreSQL database of its own, migrated and filled by ``load_demo``; static
files collected into a temporary STATIC_ROOT and served by whitenoise; and the
processes of the Procfile, started from its lines as ``make production`` starts
them: gunicorn with ``sharing.settings.production`` (DEBUG off, the Redis cache,
every security setting as deployed, JSON logs), django-tasks' database worker,
which sends the mail, and the clock, which runs the scheduled jobs.

TLS: production runs behind a TLS-terminating proxy. Here gunicorn terminates
TLS itself, with a certificate made for the session, so that the browser sees
what a visitor sees: an https origin, Secure cookies that it keeps, CSRF checks
against that origin, HSTS and the redirect from http left on. Sending
``X-Forwarded-Proto`` from a browser on plain http would instead make Django
build https addresses the browser cannot open and set cookies it must refuse.
The proxy header itself is checked by a plain HTTP request
(``test_production_site.py``).

Mail goes to files (django-environ's ``filemail://``): the tests read a
person's mail as they would, from their inbox.
"""

import email
import email.policy
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import environ
from honcho.environ import parse_procfile

ROOT = Path(__file__).resolve().parents[2]
PROCFILE = ROOT / "Procfile"
ADMIN_PASSWORD = "a-demo-admin-password-1"  # noqa: S105
TASKS_TABLE = "django_tasks_database_dbtaskresult"  # django-tasks-db's results
IDLE_TIMEOUT = 240
MAIL_SEPARATOR = "\n" + "-" * 79 + "\n"
START_TIMEOUT = 60


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_certificate(directory):
    """A self-signed certificate for 127.0.0.1, made with the openssl command."""
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(  # noqa: S603
        [  # noqa: S607
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@dataclass
class Mail:
    to: list
    subject: str
    body: str


@dataclass
class ProductionSite:
    url: str
    database_url: str
    root: Path
    env: dict
    processes: list = field(default_factory=list)
    commands: dict = field(default_factory=dict)  # name: (command, environment)
    first_env: dict = field(default_factory=dict)  # name: the environment it first had

    @property
    def mail_dir(self):
        return self.root / "mail"

    @property
    def media_root(self):
        return self.root / "media"

    @property
    def private_media_root(self):
        return self.root / "private_media"

    # Mail

    def mails(self, to=None):
        """Every message sent so far (to ``to``, if given), oldest first."""
        messages = []
        for path in sorted(self.mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime_ns):
            for chunk in path.read_bytes().decode().split(MAIL_SEPARATOR):
                if not chunk.strip():
                    continue
                message = email.message_from_string(chunk, policy=email.policy.default)
                recipients = [address.strip() for address in message.get("To", "").split(",")]
                if to is not None and to not in recipients:
                    continue
                messages.append(
                    Mail(
                        to=recipients,
                        subject=str(message["Subject"]),
                        body=message.get_body(("plain",)).get_content(),
                    )
                )
        return messages

    def wait_for_mail(self, to, containing="", count=1, timeout=20):
        """The ``count``-th message to ``to`` whose body contains ``containing``.

        Mail is sent by the task worker, a moment after the request.
        """
        deadline = time.monotonic() + timeout
        while True:
            found = [m for m in self.mails(to) if containing in m.body]
            if len(found) >= count:
                return found[count - 1]
            if time.monotonic() > deadline:
                subjects = [m.subject for m in self.mails(to)]
                raise AssertionError(
                    f"No mail to {to} containing {containing!r} after {timeout}s; "
                    f"mail to them: {subjects}"
                )
            self.check_alive()
            time.sleep(0.2)

    def link_in(self, mail, path_prefix):
        """The path of the first link in ``mail`` to this site under ``path_prefix``."""
        for word in mail.body.split():
            if word.startswith(self.url + path_prefix):
                return word[len(self.url) :].rstrip(".,;)")
        raise AssertionError(f"No link to {path_prefix} in: {mail.body}")

    # The database, for what a person cannot see

    def query(self, sql, params=()):
        import psycopg

        with psycopg.connect(self.database_url, autocommit=True) as connection:
            return connection.execute(sql, params).fetchall()

    def tables_containing(self, text):
        """Every table with a row whose text holds ``text`` (case-insensitive)."""
        import psycopg
        from psycopg import sql

        found = []
        with psycopg.connect(self.database_url, autocommit=True) as connection:
            tables = connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            ).fetchall()
            for (table,) in tables:
                statement = sql.SQL("SELECT count(*) FROM {} AS t WHERE t::text ILIKE %s").format(
                    sql.Identifier(table)
                )
                pattern = "%" + text.replace("%", r"\%").replace("_", r"\_") + "%"
                if connection.execute(statement, (pattern,)).fetchone()[0]:
                    found.append(table)
        return found

    def task_rows(self, task_path, *args):
        """(attempt, status, return value) of each run of ``task_path`` with ``args``
        queued so far, first attempt first (a mail task's retry carries ``attempt``)."""
        import json

        rows = self.query(
            f"SELECT COALESCE((args_kwargs->'kwargs'->>'attempt')::int, 1), status, return_value"  # noqa: S608
            f" FROM {TASKS_TABLE} WHERE task_path = %s AND args_kwargs->'args' = %s::jsonb"
            " ORDER BY 1",
            (task_path, json.dumps(list(args))),
        )
        return [tuple(row) for row in rows]

    def wait_until_idle(self, timeout=IDLE_TIMEOUT):
        """Until the worker has run every task that is due (load_demo queues hundreds:
        the search index, the reference index)."""
        deadline = time.monotonic() + timeout
        while True:
            (due,) = self.query(
                f"SELECT count(*) FROM {TASKS_TABLE} WHERE status IN ('READY', 'RUNNING')"  # noqa: S608
                " AND (run_after <= now() OR run_after >= '9999-01-01')"
            )[0]
            if not due:
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"{due} tasks still due after {timeout}s")
            self.check_alive()
            time.sleep(0.5)

    # Processes

    def check_alive(self):
        for name, process, log in self.processes:
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited with {process.returncode}:\n{tail(log)}")

    def kill(self, name, *, gracefully=False):
        """Kill one process outright (SIGKILL), as a crash or the OOM killer would;
        ``gracefully``, stop it with SIGTERM (gunicorn's master then takes its
        workers with it, which SIGKILL would leave serving on its port)."""
        for index, (process_name, process, _log) in enumerate(self.processes):
            if process_name == name:
                if gracefully:
                    process.terminate()
                else:
                    process.kill()
                process.wait(timeout=30)
                del self.processes[index]
                return
        raise LookupError(name)

    def restart(self, name):
        command, env = self.commands[name]
        start_process(self, name, command, env)

    def stop(self):
        for _name, process, _log in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for _name, process, _log in reversed(self.processes):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def tail(path, lines=60):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def server_database(database_url):
    """The PostgreSQL server of ``database_url`` and a database name for the site."""
    config = environ.Env.db_url_config(database_url)
    if "postgresql" not in config["ENGINE"]:
        return None
    # Each pytest-xdist worker serves a site of its own.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    name = f"test_{config['NAME']}_site{'_' + worker if worker else ''}"
    return config, name


def postgres_url(config, name):
    from urllib.parse import quote

    auth = quote(config.get("USER") or "postgres")
    if config.get("PASSWORD"):
        auth += ":" + quote(config["PASSWORD"])
    host = config.get("HOST") or "127.0.0.1"
    port = config.get("PORT") or 5432
    return f"postgres://{auth}@{host}:{port}/{name}"


def recreate_database(config, name):
    import psycopg
    from psycopg import sql

    with psycopg.connect(postgres_url(config, "postgres"), autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(config, name):
    import psycopg
    from psycopg import sql

    with psycopg.connect(postgres_url(config, "postgres"), autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def start(root, database_config, database_name):
    """Set up and start the site in ``root``; returns a running ProductionSite."""
    port = free_port()
    url = f"https://127.0.0.1:{port}"
    database_url = postgres_url(database_config, database_name)
    for directory in ("mail", "media", "private_media", "static", "logs"):
        (root / directory).mkdir(parents=True, exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_")) and key != "DATABASE_URL"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="sharing.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=url,
        DATABASE_URL=database_url,
        # A key prefix of its own: the Redis server may be shared.
        CACHE_URL=f"redis://127.0.0.1:6379/0?key_prefix=e2e-{secrets.token_hex(6)}",
        # django-environ drops the path's first slash: filemail:// + "/" + /abs/path.
        EMAIL_URL=f"filemail:///{root / 'mail'}",
        MEDIA_ROOT=str(root / "media"),
        PRIVATE_MEDIA_ROOT=str(root / "private_media"),
        STATIC_ROOT=str(root / "static"),
        DJANGO_ADMIN_PASSWORD=ADMIN_PASSWORD,
        MODERATORS_EMAIL="moderators@example.org",
        # Every test browses from 127.0.0.1: the limits are configuration, and
        # the rate limits themselves are tested in tests/stories and tests/comments.
        SUBMISSION_RATE="200/h",
        COMMENT_RATE="200/10m",
        PYTHONUNBUFFERED="1",
    )
    site = ProductionSite(url=url, database_url=database_url, root=root, env=env)
    manage = [sys.executable, str(ROOT / "manage.py")]
    # collectstatic needs no database: it runs while migrate does.
    collectstatic = subprocess.Popen(  # noqa: S603
        [*manage, "collectstatic", "--no-input"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for command in (["migrate", "--no-input"], ["load_demo"]):
            result = subprocess.run(  # noqa: S603
                manage + command, cwd=ROOT, env=env, capture_output=True, text=True
            )
            if result.returncode:
                raise RuntimeError(f"manage.py {command[0]} failed:\n{result.stderr[-4000:]}")
    finally:
        _out, errors = collectstatic.communicate()
    if collectstatic.returncode:
        raise RuntimeError(f"manage.py collectstatic failed:\n{errors[-4000:]}")

    cert, key = make_certificate(root)
    # The processes of the Procfile, as `make production` starts them with honcho,
    # each given what the tests need after its own command: TLS and two gunicorn
    # workers, a worker that polls often; the clock runs its jobs at start, then hourly.
    extra = {
        "web": f"--workers 2 --certfile {cert} --keyfile {key}",
        "worker": "--no-startup-delay --interval 0.2",
    }
    process_env = {
        **env,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "SCHEDULE_INTERVAL": "3600",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
    }
    procfile = parse_procfile(PROCFILE.read_text()).processes
    for name in ("web", "worker"):
        start_process(site, name, f"exec {procfile[name]} {extra[name]}", process_env)
    try:
        wait_until_serving(site)
        # Once the site serves: its start-up does not wait for the clock's.
        start_process(site, "clock", f"exec {procfile['clock']}", process_env)
        # A test starts with no backlog: its own tasks are not queued behind load_demo's.
        site.wait_until_idle()
    except BaseException:
        site.stop()
        raise
    return site


def start_process(site, name, command, env):
    """Run ``command`` through the shell, as honcho does, logging to logs/<name>.log."""
    site.commands[name] = (command, env)
    site.first_env.setdefault(name, env)
    log = site.root / "logs" / f"{name}.log"
    site.processes.append(
        (
            name,
            subprocess.Popen(  # noqa: S602 (a line of the Procfile, as honcho runs it)
                command,
                shell=True,
                cwd=ROOT,
                env=env,
                stdout=log.open("a"),
                stderr=subprocess.STDOUT,
            ),
            log,
        )
    )


def unverified_context():
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def request(site, path, headers=None, method="GET"):
    """A plain HTTPS request to the site, redirects not followed: (status, headers, body)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(
        NoRedirect, urllib.request.HTTPSHandler(context=unverified_context())
    )
    req = urllib.request.Request(site.url + path, headers=headers or {}, method=method)  # noqa: S310
    try:
        with opener.open(req, timeout=15) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_until_serving(site):
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        site.check_alive()
        try:
            status, _headers, _body = request(site, "/robots.txt")
            if status == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"The site did not answer within {START_TIMEOUT}s:\n" + tail(site.processes[0][2])
            )
        time.sleep(0.2)


def cleanup(root):
    shutil.rmtree(root, ignore_errors=True)
