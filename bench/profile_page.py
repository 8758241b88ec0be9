"""Where one page's time goes: its queries (slowest first) and a cProfile of the request, in
this process, with the bench server's settings and database.

    .venv/bin/python bench/profile_page.py --pages "course catalogue"
    .venv/bin/python bench/profile_page.py --path /employee/ --email joko.susilo@samudra.example

Each page is requested once to warm the caches a running server would have, once counting
its queries, then --repeat times plain and --repeat times under the profiler; the figures
are per request.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import add_server_arguments, server_environment, session_key  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_server_arguments(parser)
    parser.add_argument("--pages", default="", help="pages of bench/pages.py whose label has this")
    parser.add_argument("--path", help="profile this path instead")
    parser.add_argument("--email", help="... signed in as this person")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--functions", type=int, default=25, help="rows of the profile")
    parser.add_argument("--sort", default="cumulative", help="cumulative, tottime, ...")
    return parser.parse_args()


def signed_in_client(email: str | None):
    from django.test import Client

    client = Client()
    if email:
        client.cookies["sessionid"] = session_key(email)
    return client


def profile(label, path, email, *, repeat: int, functions: int, sort: str) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = signed_in_client(email)
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{label}: {path} answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        client.get(path)
        once = time.perf_counter() - started
    print(f"\n## {label}: {path}  ({once * 1000:.1f} ms, {len(queries)} queries)\n")
    for query in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:8]:
        print(f"  {float(query['time']) * 1000:7.2f} ms  {query['sql'][:160]}")
    started = time.perf_counter()
    for _ in range(repeat):
        client.get(path)
    print(f"\n  {(time.perf_counter() - started) * 1000 / repeat:.1f} ms a request, unprofiled")
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for _ in range(repeat):
        client.get(path)
    profiler.disable()
    print(f"  {(time.perf_counter() - started) * 1000 / repeat:.1f} ms a request, profiled\n")
    stats = pstats.Stats(profiler)
    stats.sort_stats(sort).print_stats(functions)


def main() -> None:
    args = parse_args()
    os.environ.update(server_environment(args))
    import django

    django.setup()
    from bench.pages import LARGE_PAGES, PAGES

    if args.path:
        targets = [(args.path, args.path, args.email)]
    else:
        targets = [(p.label, p.path, p.email) for p in PAGES + LARGE_PAGES if args.pages in p.label]
    for label, path, email in targets:
        profile(label, path, email, repeat=args.repeat, functions=args.functions, sort=args.sort)


if __name__ == "__main__":
    main()
