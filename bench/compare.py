"""Two versions of the site side by side: every page measured in alternation on both, on the
same database, so a drift of the machine's speed during the run falls on both alike.

    git worktree add /tmp/before <commit> && ln -s "$PWD/.venv" /tmp/before/.venv
    .venv/bin/python bench/compare.py /tmp/before --rounds 3 --duration 4

Both run under gunicorn with the bench server's settings (bench/run.py), one port apart. Each
page gets a second of uncounted load on both, then `--rounds` turns of `--duration` seconds
on each, the order swapped every turn; the table gives each side's median requests/s and p99.
"""

import argparse
import copy
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import (  # noqa: E402
    VENV_BIN,
    add_server_arguments,
    large_pages_if_loaded,
    run_wrk,
    server_environment,
    sessions_and_query_counts,
    wait_until_up,
)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="checkout of the version to compare with")
    add_server_arguments(parser)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--duration", type=int, default=4, help="seconds per turn")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pages", default="", help="only pages whose label contains this")
    return parser.parse_args()


def start(checkout: Path, port: int, workers: int, env: dict) -> subprocess.Popen:
    subprocess.run(  # noqa: S603 - the checkout's own manage.py, fixed arguments
        [str(VENV_BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=checkout,
        env=env,
        check=True,
    )
    return subprocess.Popen(  # noqa: S603 - our own server, fixed arguments
        [
            str(VENV_BIN / "gunicorn"),
            "portals.wsgi",
            *("--workers", str(workers), "--bind", f"127.0.0.1:{port}"),
            *("--log-level", "warning"),
        ],
        cwd=checkout,
        env=env,
    )


def main() -> None:
    args = parse_args()
    from bench.pages import BARE, LARGE_PAGES, PAGES

    env = server_environment(args)
    pages = [p for p in PAGES + large_pages_if_loaded(env, LARGE_PAGES) if args.pages in p.label]
    cookies, query_counts = sessions_and_query_counts(env, pages)
    sides = {"before": copy.copy(args), "after": copy.copy(args)}
    sides["after"].port = args.port + 1
    servers = [
        start(args.before.resolve(), sides["before"].port, args.workers, env),
        start(ROOT, sides["after"].port, args.workers, env),
    ]
    rows = []
    try:
        for side in sides.values():
            wait_until_up(side.port)
        for page in [BARE, *pages]:
            cookie = cookies.get(page.email)
            for side in sides.values():
                run_wrk(side, page.path, cookie, seconds=1)
            runs = {name: [] for name in sides}
            for turn in range(args.rounds):
                order = list(sides) if turn % 2 == 0 else list(reversed(sides))
                for name in order:
                    runs[name].append(run_wrk(sides[name], page.path, cookie))
            rows.append((page, runs))
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)

    print(f"\n{args.rounds} turns of {args.duration}s a page on each side, medians\n")
    print("| page | before req/s | after req/s | change | before p99 ms | after p99 ms | queries |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for page, runs in rows:
        before, after = (statistics.median(r[0] for r in runs[n]) for n in ("before", "after"))
        p99s = (statistics.median(r[2] for r in runs[n]) for n in ("before", "after"))
        print(
            f"| {page.label} | {before:,.0f} | {after:,.0f} | {100 * (after / before - 1):+.0f}% "
            f"| {' | '.join(f'{p:.1f}' for p in p99s)} | {query_counts.get(page.label, 0)} |"
        )


if __name__ == "__main__":
    main()
