"""How the business-rules timer sweep behaves with a million open tickets (PostgreSQL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portals \
        .venv/bin/python bench/rules_sweep.py --tickets 1000000

Creates a throw-away database (test_portals_bench_rules), loads N open tickets with the
loader of bench/tickets_at_scale.py, makes one in ten a Gold-tier customer's and one in fifty
High priority (so 2% match the demo's escalation rule), then times, against a bare
primary-key lookup in the same run: counting what is due, one sweep run (claim a batch with
INSERT … SELECT … ON CONFLICT DO NOTHING and act on it: notify and tag), claiming everything
that is due, and a re-run that finds everything claimed. Not a test: nothing here asserts a time.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portals.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.db.models import Exists, OuterRef  # noqa: E402

from bench.tickets_at_scale import load_tickets, throwaway_database, timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    with throwaway_database("test_portals_bench_rules"):
        run(args)


def run(args) -> None:
    from core.access.roles import Role
    from core.orgs.models import ValueTier
    from core.rules import engine
    from core.rules.models import Action, Condition, EscalationLevel, Rule, RuleFiring
    from core.tickets.models import Ticket
    from tests.factories import OrganisationFactory, person_with

    desk, _siti, now = load_tickets(count=args.tickets, overdue=0, open_count=args.tickets)
    gold = OrganisationFactory(value_tier=ValueTier.GOLD)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE tickets_ticket SET organisation_id = %s WHERE id %% 10 = 0", [gold.pk]
        )
        cursor.execute("UPDATE tickets_ticket SET priority = 'high' WHERE id %% 50 = 0", [])
        cursor.execute("ANALYZE tickets_ticket")
    manager = person_with(Role.EMPLOYEE)
    rule = Rule.objects.create(
        name="Gold High unassigned", target_kind="ticket", trigger="time", calendar=desk.calendar
    )
    for field, operator, value in [
        ("priority", "equals", "high"),
        ("value_tier", "equals", "gold"),
        ("assignee", "is_empty", ""),
        ("status", "in", "new,open"),
    ]:
        Condition.objects.create(rule=rule, field=field, operator=operator, value=value)
    level = EscalationLevel.objects.create(rule=rule, level=1, after_business_hours=20)
    Action.objects.create(rule=rule, kind="notify", level=1, person=manager)
    Action.objects.create(rule=rule, kind="add_tag", level=1, value="escalated")
    rule = engine.rules_for("ticket", "time").get(pk=rule.pk)
    open_count = Ticket.objects.filter(status__in=["new", "open"]).count()
    print(f"open tickets: {open_count:,}")

    pk = Ticket.objects.order_by("pk").values_list("pk", flat=True)[args.tickets // 2]
    timed("bare primary-key lookup (baseline)", lambda: Ticket.objects.filter(pk=pk).first())
    due = engine.due_records(rule, level, now)
    count = timed("count of tickets due at level 1", lambda: due.count(), 3)
    print(f"due: {count:,}")
    timed(
        f"one sweep run (claim {args.batch} + act)",
        lambda: engine.sweep(now, limit=args.batch),
        1,
    )

    def claim_all():
        with transaction.atomic():
            return len(engine.claim(rule, 1, engine.due_records(rule, level, now), now, 10**7))

    claimed = timed("claim everything still due (one INSERT)", claim_all, 1)
    print(f"claimed: {claimed:,}; firings: {RuleFiring.objects.count():,}")
    timed("re-run: nothing left to claim (stale statistics)", claim_all, 1)
    # 20,000 firings appeared at once; autovacuum would analyze the table shortly. Without fresh
    # statistics the planner takes rules_rulefiring for empty and loops over it.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE rules_rulefiring")
    timed("re-run: nothing left to claim (analyzed)", claim_all, 3)
    timed("a whole sweep that finds nothing new", lambda: engine.sweep(now), 3)
    sql_due = due.values("pk")
    print("\nplan, due tickets:\n" + sql_due.explain())
    claimed_before = RuleFiring.objects.filter(
        rule=rule, level=1, trigger="time", object_id=OuterRef("pk")
    )
    unclaimed = due.filter(~Exists(claimed_before)).values("pk")[: args.batch]
    print("\nplan, unclaimed due tickets (the claim's SELECT):\n" + unclaimed.explain())


if __name__ == "__main__":
    main()
