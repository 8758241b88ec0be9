"""How the ticket sweep and list queries behave with many tickets (PostgreSQL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portals \
        .venv/bin/python bench/tickets_at_scale.py --tickets 1000000

Creates a throw-away database (test_portals_bench_tickets), loads N tickets with one
INSERT … SELECT generate_series, then times, against a bare primary-key lookup in the same run:
the SLA breach sweep (flag + history rows), an agent's queue page query and a customer's
"my tickets" page query, and prints their plans. Not a test: nothing here asserts a time.
"""

import argparse
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portals.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402


def timed(label, fn, repeat=5):
    """The best of `repeat` runs of fn(), printed in milliseconds; returns its last result."""
    best = float("inf")
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    print(f"{label:<52} {best * 1000:9.2f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--overdue", type=int, default=1000)
    args = parser.parse_args()
    with throwaway_database("test_portals_bench_tickets"):
        run(args)


@contextmanager
def throwaway_database(name: str):
    """A fresh, migrated PostgreSQL database for one benchmark, dropped afterwards."""
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL server.")
    connection.settings_dict["TEST"]["NAME"] = name
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)


def load_tickets(*, count: int, overdue: int, open_count: int | None = None, now=None):
    """Load `count` tickets with one INSERT … SELECT generate_series: the first `overdue` are
    new and past their first-response target, up to `open_count` (default overdue + 20,000)
    open and due later, the rest closed. One row in a thousand is Siti's (with her
    organisation); the others belong to another customer. Returns (desk, siti, now)."""
    from tests.tickets.factories import customer, hat, open_ticket, support_desk

    now = now or timezone.now()
    desk = support_desk()
    siti = customer(admin=True)
    seed = open_ticket(siti)
    role_id = hat(siti).pk
    org_id = seed.organisation_id
    started = time.perf_counter()
    with connection.cursor() as cursor:
        # Most tickets are long closed; `overdue` are open and past their first-response target;
        # the rest are open and due in the future. Requesters: one in 1000 rows is Siti's.
        cursor.execute(
            """
            INSERT INTO tickets_ticket (reference, subject, description, requester_id,
                requester_role_id, portal, organisation_id, queue_id, priority, status,
                created_at, updated_at, first_response_due_at, resolution_due_at, sla_due_at,
                sla_paused_hours, first_response_breached, resolution_breached,
                satisfaction_comment, closed_at, resolved_at, first_responded_at)
            SELECT 'B-' || n, 'Bench ticket ' || n, 'Generated', %(person)s, %(role)s,
                'customer', %(org)s, %(queue)s, 'normal',
                CASE WHEN n <= %(overdue)s THEN 'new'
                     WHEN n <= %(open)s THEN 'open' ELSE 'closed' END,
                %(now)s - (n || ' minutes')::interval, %(now)s - (n || ' minutes')::interval,
                CASE WHEN n <= %(overdue)s THEN %(now)s - interval '1 hour'
                     ELSE %(now)s + interval '1 day' END,
                %(now)s + interval '3 days',
                CASE WHEN n <= %(open)s THEN %(now)s + interval '1 day' END,
                0, false, false, '',
                CASE WHEN n > %(open)s THEN %(now)s END,
                CASE WHEN n > %(open)s THEN %(now)s END,
                CASE WHEN n > %(overdue)s THEN %(now)s END
            FROM generate_series(1, %(count)s) AS n
            """,
            {
                "person": siti.pk,
                "role": role_id,
                "org": org_id,
                "queue": desk.queue.pk,
                "overdue": overdue,
                "open": overdue + 20_000 if open_count is None else open_count,
                "now": now,
                "count": count,
            },
        )
        # Spread the requester over many people: all but one in a thousand become someone else.
        other = customer()
        cursor.execute(
            "UPDATE tickets_ticket SET requester_id = %s, organisation_id = NULL "
            "WHERE id %% 1000 <> 0",
            [other.pk],
        )
        # The update leaves a dead version of nearly every row, each still in the requester
        # index, which autovacuum clears in a live database: timed before it is, a requester's
        # 1,000 tickets cost a visit to all million of them (106 ms instead of a few).
        cursor.execute("VACUUM (ANALYZE) tickets_ticket")
    print(f"loaded {count:,} tickets in {time.perf_counter() - started:.1f} s")
    return desk, siti, now


def run(args) -> None:
    from core.access.roles import Role
    from core.tickets import sla
    from core.tickets.models import Ticket
    from core.tickets.selectors import agent_tickets, requester_tickets

    desk, siti, now = load_tickets(count=args.tickets, overdue=args.overdue)
    pk = Ticket.objects.order_by("pk").values_list("pk", flat=True)[args.tickets // 2]
    timed("bare primary-key lookup (baseline)", lambda: Ticket.objects.filter(pk=pk).first())
    queue_page = agent_tickets(desk.agent, queue=desk.queue)[:25]
    timed("agent queue page (25 rows, SLA sort)", lambda: list(queue_page.all()))
    mine = requester_tickets(siti, Role.CUSTOMER)[:20]
    timed("customer 'my tickets' page (20 rows)", lambda: list(mine.all()))
    org = requester_tickets(siti, Role.CUSTOMER, scope="organisation", status="all")[:20]
    timed("org admin page (20 rows)", lambda: list(org.all()))
    candidates = sla.breach_candidates(sla.FIRST_RESPONSE, now).order_by("first_response_due_at")
    timed("breach candidates (first 1000)", lambda: list(candidates.values("pk")[:1000].all()))
    flagged = timed("sweep: flag + history for all breaches", lambda: sla.sweep_breaches(now), 1)
    print("flagged:", {k: len(v) for k, v in flagged.items()})
    print("\nplan, queue page:\n" + queue_page.explain())
    print("\nplan, customer page:\n" + mine.explain())
    print("\nplan, breach candidates:\n" + candidates.values("pk")[:1000].explain())


if __name__ == "__main__":
    main()
