"""Side-by-side benchmark: the site under gunicorn (production settings, 2 workers) against a
bare Django view in the same server and the same run, driven by wrk on loopback.

    .venv/bin/python bench/run.py --prepare            # migrate + seed_demo into the bench DB
    .venv/bin/python bench/run.py --prepare --large full   # ... and the large data set
    .venv/bin/python bench/run.py --duration 15        # measure every page in bench/pages.py
    .venv/bin/python bench/run.py --pages "customer"   # only pages whose label contains this

Prints requests/s, p50 and p99 latency, the share of the bare view's requests/s (measured for
two seconds just before each page), and the queries each page makes. Not a test: numbers go
to bench/RESULTS.md by hand, with the command.
"""

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VENV_BIN = ROOT / ".venv" / "bin"


def add_server_arguments(parser) -> None:
    """The bench database and cache, for every script that runs the site's code on them."""
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/portals_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_server_arguments(parser)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--duration", type=int, default=10, help="seconds per page")
    parser.add_argument("--pages", default="", help="only pages whose label contains this")
    parser.add_argument("--prepare", action="store_true", help="migrate and load the demo first")
    parser.add_argument(
        "--large",
        choices=["small", "full"],
        help="with --prepare: also load the large data set at this preset (generate_large_data)",
    )
    return parser.parse_args()


def server_environment(args) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portals.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "CONN_MAX_AGE": "60",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict, *command: str) -> None:
    subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [str(VENV_BIN / "python"), "manage.py", *command], cwd=ROOT, env=env, check=True
    )


def ensure_database(database_url: str) -> None:
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    server = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def session_key(email: str) -> str:
    """A signed-in session for this person (a session row, as a real sign-in makes)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cached_db import SessionStore

    from core.people.models import Person

    person = Person.objects.get(email=email)
    session = SessionStore()
    session[SESSION_KEY] = str(person.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = person.get_session_auth_hash()
    session.create()
    return session.session_key


def sessions_and_query_counts(env: dict, pages) -> tuple[dict[str, str], dict[str, int]]:
    """Log each bench person in (a session row, as a real sign-in makes) and count the
    queries of each page once, in this process, with the same settings as the server."""
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    cookies = {email: session_key(email) for email in {page.email for page in pages if page.email}}

    counts: dict[str, int] = {}
    for page in pages:
        client = Client()
        if page.email:
            client.cookies["sessionid"] = cookies[page.email]
        client.get(page.path)  # warm caches, as a running server has them
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.path)
        if response.status_code != 200:
            raise SystemExit(f"{page.label}: {page.path} answered {response.status_code}")
        counts[page.label] = len(queries)
    return cookies, counts


def large_pages_if_loaded(env: dict, large_pages) -> list:
    """The pages that need the large data set, when the bench database holds it."""
    import psycopg

    url = env["DATABASE_URL"]
    with psycopg.connect(url) as connection:
        loaded = connection.execute(
            "SELECT 1 FROM people_person WHERE email = %s", [large_pages[0].email]
        ).fetchone()
    return list(large_pages) if loaded else []


def wait_until_up(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=1):  # noqa: S310
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not start")


def run_wrk(
    args, path: str, session_key: str | None, *, seconds: int | None = None
) -> tuple[float, float, float]:
    command = [
        shutil.which("wrk") or "wrk",
        f"-t{min(2, args.connections)}",
        f"-c{args.connections}",
        f"-d{seconds or args.duration}s",
        "--latency",
        "--timeout",
        "5s",
    ]
    if session_key:
        command += ["-H", f"Cookie: sessionid={session_key}"]
    command.append(f"http://127.0.0.1:{args.port}{path}")
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    if "Non-2xx or 3xx responses" in out:
        raise SystemExit(f"{path}: errors under load\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return rps, _latency_ms(out, "50%"), _latency_ms(out, "99%")


def measure(args, path: str, session_key: str | None) -> tuple[float, float, float]:
    """A page's figures in steady state: a second of load first, not counted, lets both
    workers compile its templates and fill their caches, as a running site has them."""
    run_wrk(args, path, session_key, seconds=1)
    return run_wrk(args, path, session_key)


def _latency_ms(wrk_output: str, percentile: str) -> float:
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", wrk_output).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def main() -> None:
    args = parse_args()
    from bench.pages import BARE, LARGE_PAGES, PAGES

    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    env = server_environment(args)
    ensure_database(args.database_url)
    if args.prepare:
        manage(env, "migrate", "--noinput")
        manage(env, "seed_demo")
        if args.large:
            manage(env, "generate_large_data", "--preset", args.large)
    manage(env, "collectstatic", "--noinput", "-v0")
    pages = [p for p in PAGES + large_pages_if_loaded(env, LARGE_PAGES) if args.pages in p.label]
    cookies, query_counts = sessions_and_query_counts(env, pages)

    server = subprocess.Popen(  # noqa: S603 - our own server, fixed arguments
        [
            str(VENV_BIN / "gunicorn"),
            "portals.wsgi",
            "--workers",
            str(args.workers),
            "--bind",
            f"127.0.0.1:{args.port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_until_up(args.port)
        # The bare view runs first and last, and for two seconds just before each page: a
        # page's share is of the bare view beside it, so a drift of the machine's speed
        # during the run (seen here: a fifth either way within minutes) cannot flatter or
        # wrong the pages measured late.
        first_bare = measure(args, BARE.path, None)
        rows = [(f"{BARE.label}, first", *first_bare, 100.0, first_bare[0], 0)]
        for page in pages:
            beside = run_wrk(args, BARE.path, None, seconds=2)[0]
            rps, p50, p99 = measure(args, page.path, cookies.get(page.email))
            share = 100 * rps / beside
            rows.append((page.label, rps, p50, p99, share, beside, query_counts[page.label]))
        last_bare = run_wrk(args, BARE.path, None)
        rows.append((f"{BARE.label}, last", *last_bare, 100.0, last_bare[0], 0))
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(
        f"\n{args.workers} gunicorn workers, {args.connections} connections, "
        f"{args.duration}s per page, {os.cpu_count()} cores\n"
    )
    print("| page | req/s | p50 ms | p99 ms | % of bare | bare req/s beside | queries |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, rps, p50, p99, share, beside, queries in rows:
        print(
            f"| {label} | {rps:,.0f} | {p50:.1f} | {p99:.1f} | {share:.1f}% | {beside:,.0f} "
            f"| {queries} |"
        )


if __name__ == "__main__":
    main()
