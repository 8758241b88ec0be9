"""Every periodic job once, on the bench database (demo + the large data set), timed against a
bare primary-key lookup in the same run.

    .venv/bin/python bench/run.py --prepare --large full   # once: the bench database
    .venv/bin/python bench/jobs.py                         # every job
    .venv/bin/python bench/jobs.py --only "Learning"       # the jobs whose name has this

Each job runs in this process with the server's settings, inside a transaction that is rolled
back, so the bench database stays as it was and every run finds the same work. With no broker
configured tasks run eagerly: e-mails a job sends through the outbox at once are in its time
(to Django's in-memory mail backend); work queued for after commit is not (it never commits).
Prints the time, the queries, the e-mails and the return value (what it did) of each job.
Not a test: nothing here asserts a time.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import add_server_arguments, server_environment  # noqa: E402


class RolledBack(Exception):
    """Raised to leave the job's transaction without committing it."""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_server_arguments(parser)
    parser.add_argument("--only", default="", help="only jobs whose name contains this")
    return parser.parse_args()


def bare_lookup_ms() -> float:
    from core.people.models import Person

    first = Person.objects.order_by("pk").values_list("pk", flat=True).first()
    best = float("inf")
    for _ in range(20):
        started = time.perf_counter()
        Person.objects.get(pk=first)
        best = min(best, time.perf_counter() - started)
    return best * 1000


def run_job(task_name: str) -> tuple[float, int, int, object]:
    """(seconds, queries, e-mails, what it returned) of one run of the task, rolled back."""
    from celery import current_app
    from django.core import mail
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    task = current_app.tasks[task_name]
    mail.outbox = []
    started = time.perf_counter()
    try:
        with CaptureQueriesContext(connection) as queries, transaction.atomic():
            result = task()
            elapsed = time.perf_counter() - started
            raise RolledBack
    except RolledBack:
        pass
    return elapsed, len(queries), len(mail.outbox), result


def main() -> None:
    args = parse_args()
    os.environ.update(server_environment(args))
    os.environ["EMAIL_URL"] = "memorymail://"
    import django

    django.setup()
    from core.scheduling.defaults import default_periodic_tasks
    from portals.celery import app

    app.loader.import_default_modules()  # registers every app's tasks
    print(f"bare primary-key lookup: {bare_lookup_ms():.2f} ms\n")
    print("| job | schedule | time | queries | e-mails | it returned |")
    print("|---|---|---:|---:|---:|---|")
    for name, (task_name, every) in sorted(default_periodic_tasks().items()):
        if args.only not in name:
            continue
        seconds, queries, emails, result = run_job(task_name)
        schedule = f"every {every} s" if isinstance(every, int) else f"`{every}`"
        returned = repr(result)[:60]
        print(f"| {name} | {schedule} | {seconds:.2f} s | {queries:,} | {emails:,} | {returned} |")


if __name__ == "__main__":
    main()
