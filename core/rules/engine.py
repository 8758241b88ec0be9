"""The engine: evaluate a target's rules for one event, sweep the time-based rules, and fire.

Every firing is a RuleFiring row (the claim that makes it happen once) and an audit event.
Actions run through the target's effects (its own services) inside `rules_running()`, so what
a rule changes does not fire rules again. The sweep claims records batch by batch and acts on
each batch at once (actions.py), an event on its one record the same way.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Prefetch, Q
from django.utils import timezone

from core.audit.services import audit_event, audit_record_many

from .actions import CHANGE_RECORDS, Batch, Firing, run_action
from .conditions import Context, rule_q
from .events import rules_running
from .models import Action, Rule, RuleFiring, Trigger
from .targets import registry

logger = logging.getLogger(__name__)


def rules_for(kind: str, trigger: str, event: str = ""):
    rules = Rule.objects.filter(target_kind=kind, trigger=trigger, is_active=True)
    if trigger == Trigger.CHANGED:
        rules = rules.filter(Q(event="") | Q(event=event))
    return (
        rules.select_related("calendar")
        .prefetch_related(
            "conditions",
            "levels",
            Prefetch(
                "actions", queryset=Action.objects.select_related("person", "team", "template")
            ),
            "calendar__periods",
            "calendar__holidays",
        )
        .order_by("order", "pk")
    )


def schedule_of(rule):
    return rule.calendar.schedule() if rule.calendar_id else None


# --- firing -----------------------------------------------------------------------------------


def act(batch: Batch) -> None:
    """Run the rule's actions for the batch's level (and those of every level) on all its
    records, then write each firing's outcome and its audit event, in a fixed number of
    queries for batched actions (see actions.py). A batch is one rule at one level."""
    level = batch.firings[0].row.level
    outcomes: dict[int, list[str]] = {firing.record.pk: [] for firing in batch.firings}
    actions = [action for action in batch.rule.actions.all() if action.level in (0, level)]
    with rules_running():
        for position, action in enumerate(actions, start=1):
            for pk, outcome in run_action(action, batch).items():
                outcomes[pk].append(outcome)
            if action.kind in CHANGE_RECORDS and position < len(actions):
                ids = [firing.record.pk for firing in batch.firings]
                batch = batch.with_records(batch.target.records().in_bulk(ids))
    rows_by_outcome: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for firing in batch.firings:
        firing.row.outcome = {"actions": outcomes[firing.record.pk]}
        rows_by_outcome[tuple(outcomes[firing.record.pk])].append(firing.row.pk)
    # Alike records have alike outcomes: usually one UPDATE for the whole batch.
    for outcome, row_ids in rows_by_outcome.items():
        RuleFiring.objects.filter(pk__in=row_ids).update(outcome={"actions": list(outcome)})
    audit_record_many(
        [
            audit_event(
                "rule.fired",
                target=firing.record,
                changes={
                    "rule": batch.rule.name,
                    "rule_id": batch.rule.pk,
                    "trigger": firing.row.trigger,
                    "event": batch.event,
                    "level": firing.row.level,
                    "actions": outcomes[firing.record.pk],
                },
            )
            for firing in batch.firings
        ]
    )


# --- events -----------------------------------------------------------------------------------


def evaluate_event(
    *,
    kind: str,
    object_id: int,
    trigger: str,
    event: str,
    changes: dict,
    event_id: str,
    now: datetime | None = None,
) -> list[str]:
    """Run the matching rules for one event, in order; returns the names of the rules fired."""
    target = registry.get(kind)
    if target is None:
        logger.warning("No rule target %s is registered; event ignored.", kind)
        return []
    now = now or timezone.now()
    changes = {name: tuple(pair) for name, pair in (changes or {}).items()}
    fired = []
    for rule in rules_for(kind, trigger, event):
        context = Context(now=now, schedule=schedule_of(rule), changes=changes)
        with transaction.atomic():
            record = target.records().filter(pk=object_id).filter(rule_q(rule, context)).first()
            if record is None:
                continue
            try:
                with transaction.atomic():
                    row = RuleFiring.objects.create(
                        rule=rule,
                        target_kind=kind,
                        object_id=object_id,
                        trigger=trigger,
                        event=event,
                        event_id=event_id,
                        at=now,
                    )
            except IntegrityError:  # this event fired this rule before (a retried task)
                continue
            act(Batch(rule, target, event, [Firing(record, row)]))
        fired.append(rule.name)
        if rule.stop_later_rules:
            break
    return fired


# --- the timer sweep --------------------------------------------------------------------------


def due_records(rule: Rule, level, now: datetime):
    """The records this rule (at this level) applies to now, as one queryset: its conditions
    plus, for a level, `clock field <= the cut-off N business hours before now`."""
    from .timing import business_cutoff

    target = rule.target
    schedule = schedule_of(rule)
    q = rule_q(rule, Context(now=now, schedule=schedule))
    if level is not None:
        cutoff = business_cutoff(schedule, now, level.after_business_hours)
        q &= Q(**{f"{target.clock_field}__lte": cutoff})
    return target.model._base_manager.filter(q)


def unclaimed_sql(rule: Rule, level_no: int, records, limit: int) -> tuple[str, list]:
    """SELECT of up to `limit` ids of `records` this rule has not fired for at this level.

    "Not claimed" is a NOT EXISTS probe of the firings' unique index, fenced with OFFSET 0 so
    that PostgreSQL keeps it a probe per candidate. Unfenced it becomes an anti-join whose
    plan follows rules_rulefiring's statistics, and those lag behind a burst of claims (or a
    table never analysed yet): the planner then takes the table for empty and compares every
    candidate with every firing, 16 s at 40,000 firings instead of 0.2 s."""
    candidates = records.order_by().values(claimed_id=F("pk"))
    inner_sql, params = candidates.query.get_compiler(using=records.db).as_sql()
    quote = connection.ops.quote_name
    firings = quote(RuleFiring._meta.db_table)
    sql = (
        f"SELECT c.claimed_id FROM ({inner_sql}) AS c WHERE NOT EXISTS ("  # noqa: S608 - names from the models, values as parameters
        f"SELECT 1 FROM {firings} AS f WHERE f.rule_id = %s AND f.object_id = c.claimed_id "
        f"AND f.level = %s AND f.{quote('trigger')} = %s LIMIT 1 OFFSET 0) LIMIT %s"
    )
    return sql, [*params, rule.pk, level_no, Trigger.TIME.value, limit]


def claim(rule: Rule, level_no: int, records, now: datetime, limit: int) -> list[int]:
    """INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING: the ids this run claimed, and no
    other run can claim them again (one row per rule, record and level)."""
    select_sql, params = unclaimed_sql(rule, level_no, records, limit)
    quote = connection.ops.quote_name
    # The SELECT's WHERE keeps SQLite from reading ON CONFLICT as part of a join.
    sql = (
        f"INSERT INTO {quote(RuleFiring._meta.db_table)} (rule_id, target_kind, object_id, "  # noqa: S608 - names from the models
        f"level, {quote('trigger')}, event, event_id, at, outcome) "
        f"SELECT %s, %s, u.claimed_id, %s, %s, '', '', %s, '{{}}' FROM ({select_sql}) AS u "
        "WHERE 1 = 1 ON CONFLICT DO NOTHING RETURNING object_id"
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The probe per candidate makes the estimated cost large, and past
            # jit_optimize_above_cost PostgreSQL spends ~0.5 s compiling a claim that then
            # runs in ~0.1 s. For the rest of this batch's transaction only.
            cursor.execute("SET LOCAL jit = off")
        at = connection.ops.adapt_datetimefield_value(now)
        cursor.execute(sql, [rule.pk, rule.target_kind, level_no, Trigger.TIME.value, at, *params])
        return [row[0] for row in cursor.fetchall()]


def claimed_batch(rule: Rule, level_no: int, ids: list[int], target, event: str) -> Batch:
    """The firings a claim just wrote, with their records (two queries for the whole batch)."""
    rows = {
        row.object_id: row
        for row in RuleFiring.objects.filter(
            rule=rule, level=level_no, trigger=Trigger.TIME, object_id__in=ids
        )
    }
    records = target.records().filter(pk__in=ids).order_by("pk")
    return Batch(rule, target, event, [Firing(record, rows[record.pk]) for record in records])


def sweep(now: datetime | None = None, *, limit: int | None = None) -> dict[str, int]:
    """Every active time-based rule, every level: claim what is due and act on it, batch by
    batch (RULES_SWEEP_BATCH records, one transaction each: a crash half-way loses nothing and
    repeats nothing), up to `limit` records per rule and level in one run (by default
    RULES_SWEEP_MAX_BATCHES batches; the next run carries on)."""
    now = now or timezone.now()
    batch_size = settings.RULES_SWEEP_BATCH
    limit = limit or batch_size * settings.RULES_SWEEP_MAX_BATCHES
    counts: dict[str, int] = {}
    for kind in {
        rule.target_kind for rule in Rule.objects.filter(trigger=Trigger.TIME, is_active=True)
    }:
        target = registry.get(kind)
        if target is None:
            continue
        for rule in rules_for(kind, Trigger.TIME):
            for level in list(rule.levels.all()) or [None]:
                level_no = level.level if level is not None else 0
                event = f"level {level_no}" if level else "time"
                due = due_records(rule, level, now)
                claimed = 0
                while claimed < limit:
                    size = min(batch_size, limit - claimed)
                    with transaction.atomic():
                        ids = claim(rule, level_no, due, now, size)
                        batch = claimed_batch(rule, level_no, ids, target, event) if ids else None
                        if batch is not None and batch.firings:
                            act(batch)
                    claimed += len(ids)
                    if len(ids) < size:
                        break
                counts[f"{rule.pk}:{level_no}"] = claimed
    return counts
