"""How the business-rules timer sweep behaves with a million open tickets (PostgreSQL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portals \
        .venv/bin/python bench/rules_sweep.py --tickets 1000000

Creates a throw-away database (test_portals_bench_rules), loads N open tickets with the
loader of bench/tickets_at_scale.py, makes one in ten a Gold-tier customer's and one in fifty
High priority (so 2% are due), and writes the escalation rule as staff would: Gold tier, High
or Urgent, unassigned; level 1 after 20 business hours notifies the service manager and tags
the ticket; level 2 after 30 raises the priority to Urgent and notifies the three support
leads. (Urgent stays in the conditions, so a re-run still finds every ticket due and must
tell from the firings that all of them were claimed.)

Then times, against a bare primary-key lookup in the same run: counting what is due, the
first sweep run (batch after batch of RULES_SWEEP_BATCH: a claim with INSERT … SELECT … ON
CONFLICT DO NOTHING, then every action for the whole batch at once), any further runs until
nothing is left, and re-runs that find everything claimed, before and after ANALYZE; prints
the time of the claims and of the acting, the queries of each batch and the claim's plan.

The e-mail and webhook tasks go to a Redis broker (--broker; by default database 14 of the
local Redis, which no test uses, and a queue of the bench's own, deleted at the end), as in
production, where workers deliver them. With --broker memory:// Celery runs them eagerly
and delivering every e-mail is counted in. Not a test: nothing here asserts a time.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portals.settings.test")

BENCH_QUEUE = "bench-rules-sweep"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=None, help="RULES_SWEEP_BATCH")
    parser.add_argument("--broker", default="redis://127.0.0.1:6379/14")
    args = parser.parse_args()
    os.environ["TEST_CELERY_BROKER_URL"] = args.broker  # read by the test settings
    import django

    django.setup()
    from bench.tickets_at_scale import throwaway_database
    from portals.celery import app

    app.conf.task_default_queue = BENCH_QUEUE
    try:
        with throwaway_database("test_portals_bench_rules"):
            run(args)
    finally:
        if args.broker.startswith("redis://"):
            import redis

            broker = redis.Redis.from_url(args.broker)
            print(f"\ntasks sent to the broker: {broker.llen(BENCH_QUEUE):,} (now deleted)")
            broker.delete(BENCH_QUEUE, *broker.keys(f"_kombu.binding*.{BENCH_QUEUE}"))


class BatchClock:
    """Times the claim and the acting of every batch, by escalation level, and counts each
    batch's statements (claim to audit)."""

    def __init__(self, engine):
        self.batches: dict[int, list[tuple[float, float, int, int]]] = {}
        self.statements = 0
        self._claim = (0.0, 0)
        claim, act = engine.claim, engine.act

        def timed_claim(*args, **kwargs):
            started, statements = time.perf_counter(), self.statements
            ids = claim(*args, **kwargs)
            self._claim = (time.perf_counter() - started, statements)
            return ids

        def timed_act(batch):
            started = time.perf_counter()
            act(batch)
            claim_time, statements = self._claim
            self.batches.setdefault(batch.firings[0].row.level, []).append(
                (
                    claim_time,
                    time.perf_counter() - started,
                    self.statements - statements,
                    len(batch.firings),
                )
            )

        engine.claim, engine.act = timed_claim, timed_act

    def __call__(self, execute, sql, params, many, context):  # a connection execute wrapper
        self.statements += 1
        return execute(sql, params, many, context)

    def report(self) -> None:
        for level, batches in sorted(self.batches.items()):
            claims, acts, statements, sizes = zip(*batches, strict=True)
            print(
                f"  level {level}: {sum(sizes):,} tickets in {len(batches)} batches; claims "
                f"{sum(claims):.1f} s, acting {sum(acts):.1f} s (median "
                f"{statistics.median(acts):.2f} s a batch); statements per batch: "
                f"{min(statements)}–{max(statements)}"
            )
        self.batches.clear()


def run(args) -> None:
    from django.conf import settings
    from django.contrib.auth.models import Group
    from django.db import connection, transaction

    from bench.tickets_at_scale import load_tickets, timed
    from core.access.roles import Role
    from core.notifications.models import OutboundEmail
    from core.orgs.models import ValueTier
    from core.rules import engine
    from core.rules.models import Action, Condition, EscalationLevel, Rule, RuleFiring
    from core.tickets.models import Ticket
    from tests.factories import OrganisationFactory, person_with

    if args.batch:
        settings.RULES_SWEEP_BATCH = args.batch
    print(
        f"broker {args.broker}; RULES_SWEEP_BATCH {settings.RULES_SWEEP_BATCH}, "
        f"RULES_SWEEP_MAX_BATCHES {settings.RULES_SWEEP_MAX_BATCHES}"
    )
    desk, _siti, now = load_tickets(count=args.tickets, overdue=0, open_count=args.tickets)
    gold = OrganisationFactory(value_tier=ValueTier.GOLD)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE tickets_ticket SET organisation_id = %s WHERE id %% 10 = 0", [gold.pk]
        )
        cursor.execute("UPDATE tickets_ticket SET priority = 'high' WHERE id %% 50 = 0", [])
        cursor.execute("ANALYZE tickets_ticket")
    manager = person_with(Role.EMPLOYEE, full_name="Dian Permata")
    leads = Group.objects.create(name="Support leads")
    for name in ("Wayan Sudirta", "Grace Lim", "Rizky Pratama"):
        person_with(Role.EMPLOYEE, full_name=name).groups.add(leads)
    rule = Rule.objects.create(
        name="Gold High unassigned", target_kind="ticket", trigger="time", calendar=desk.calendar
    )
    for field, operator, value in [
        ("priority", "in", "high,urgent"),
        ("value_tier", "equals", "gold"),
        ("assignee", "is_empty", ""),
        ("status", "in", "new,open"),
    ]:
        Condition.objects.create(rule=rule, field=field, operator=operator, value=value)
    levels = [
        EscalationLevel.objects.create(rule=rule, level=1, after_business_hours=20),
        EscalationLevel.objects.create(rule=rule, level=2, after_business_hours=30),
    ]
    Action.objects.create(rule=rule, kind="notify", level=1, person=manager)
    Action.objects.create(rule=rule, kind="add_tag", level=1, value="escalated")
    Action.objects.create(rule=rule, kind="set_field", level=2, field="priority", value="urgent")
    Action.objects.create(rule=rule, kind="notify", level=2, team=leads, position=1)
    rule = engine.rules_for("ticket", "time").get(pk=rule.pk)
    open_count = Ticket.objects.filter(status__in=["new", "open"]).count()
    print(f"open tickets: {open_count:,}")

    pk = Ticket.objects.order_by("pk").values_list("pk", flat=True)[args.tickets // 2]
    timed("bare primary-key lookup (baseline)", lambda: Ticket.objects.filter(pk=pk).first())
    for level in levels:
        due = engine.due_records(rule, level, now)
        count = timed(f"count of tickets due at level {level.level}", lambda d=due: d.count(), 3)
        print(f"due at level {level.level}: {count:,}")

    clock = BatchClock(engine)
    with connection.execute_wrapper(clock):
        counts = timed("first sweep run (every batch, both levels)", lambda: engine.sweep(now), 1)
        print(f"  fired: {counts}")
        clock.report()
        runs, started = 0, time.perf_counter()
        while sum(engine.sweep(now).values()):
            runs += 1
        print(
            f"{'further runs until nothing is left':<52} {runs} runs, "
            f"{(time.perf_counter() - started) * 1000:9.2f} ms"
        )
        clock.report()
    firings = RuleFiring.objects.count()
    emails = OutboundEmail.objects.filter(idempotency_key__startswith="rule-firing:").count()
    urgent = Ticket.objects.filter(priority="urgent").count()
    print(f"firings: {firings:,}; rule e-mails in the outbox: {emails:,}; urgent: {urgent:,}")

    timed("re-run: everything claimed (stale statistics)", lambda: engine.sweep(now), 1)
    # Tens of thousands of firings appeared at once; autovacuum would analyze the table
    # shortly. Without fresh statistics the planner may take rules_rulefiring for empty.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE rules_rulefiring")
    timed("re-run: everything claimed (analyzed)", lambda: engine.sweep(now), 3)
    sql, params = engine.unclaimed_sql(
        rule, 1, engine.due_records(rule, levels[0], now), settings.RULES_SWEEP_BATCH
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")  # as claim() runs it
        cursor.execute("EXPLAIN ANALYZE " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    print("\nplan, the claim's SELECT with everything claimed:\n" + plan)


if __name__ == "__main__":
    main()
