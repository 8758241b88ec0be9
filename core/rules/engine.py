"""The engine: evaluate a target's rules for one event, sweep the time-based rules, and fire.

Every firing is a RuleFiring row (the claim that makes it happen once) and an audit event.
Actions run through the target's effects (its own services) inside `rules_running()`, so what
a rule changes does not fire rules again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.utils import timezone

from core.audit.services import audit_record
from core.notifications.services import email_queue_templated

from .assignment import choose_assignee
from .conditions import Context, rule_q
from .events import rules_running
from .models import Action, ActionKind, Rule, RuleFiring, Tag, Trigger
from .targets import registry
from .webhooks import queue_delivery

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


@dataclass(frozen=True)
class Firing:
    rule: Rule
    row: RuleFiring
    event: str

    @property
    def key(self) -> str:
        return f"rule-firing:{self.row.pk}"


def render_reply(body: str, record) -> str:
    person = getattr(record, "requester", None)
    values = {
        "reference": getattr(record, "reference", "") or "",
        "subject": getattr(record, "subject", "") or "",
        "name": person.get_short_name() if person is not None else "",
    }
    for name, value in values.items():
        for placeholder in (f"{{{{ {name} }}}}", f"{{{{{name}}}}}"):
            body = body.replace(placeholder, str(value))
    return body


def run_action(action: Action, record, target, firing: Firing) -> str:
    kind = action.kind
    if kind == ActionKind.ASSIGN:
        person = choose_assignee(action, record, target)
        if person is None:
            return "assign: nobody available"
        target.assign(record, person)
        return f"assigned to {person.email}"
    if kind == ActionKind.SET_FIELD:
        target.set_field(record, action.field, action.value)
        return f"set {action.field} to {action.value}"
    if kind == ActionKind.ADD_TAG:
        Tag.objects.get_or_create(target_kind=target.kind, object_id=record.pk, name=action.value)
        return f"tagged {action.value}"
    if kind == ActionKind.REPLY:
        target.reply(record, render_reply(action.template.body, record))
        return f"replied with {action.template.name}"
    if kind == ActionKind.NOTIFY:
        people = [action.person] if action.person_id else []
        if action.team_id:
            people += list(action.team.user_set.filter(is_active=True).order_by("pk"))
        context = {"rule": firing.rule, "level": firing.row.level, **target.notify_context(record)}
        sent = 0
        for person in {p.pk: p for p in people}.values():
            email = email_queue_templated(
                to=person.email,
                template="rules_notify",
                context={**context, "person": person},
                language=getattr(person, "language", None),
                key=f"{firing.key}:action:{action.pk}:to:{person.pk}",
            )
            sent += email is not None
        return f"notified {sent}"
    if kind == ActionKind.WEBHOOK:
        queue_delivery(
            rule=firing.rule,
            action=action,
            target=target,
            record=record,
            key=f"{firing.key}:action:{action.pk}",
            event=firing.event,
        )
        return "webhook queued"
    raise ValueError(f"unknown action {kind}")  # pragma: no cover


def act(rule: Rule, record, target, row: RuleFiring, event: str) -> list[str]:
    """Run the rule's actions for this level (and those of every level), each in a savepoint:
    an action the target refuses is written down and the others still run."""
    firing = Firing(rule, row, event)
    outcomes = []
    with rules_running():
        for action in rule.actions.all():
            if action.level not in (0, row.level):
                continue
            try:
                with transaction.atomic():
                    outcomes.append(run_action(action, record, target, firing))
            except (ValidationError, ValueError, LookupError) as error:
                message = "; ".join(getattr(error, "messages", [str(error)]))
                outcomes.append(f"{action.kind} refused: {message}"[:300])
            if hasattr(record, "refresh_from_db"):
                record.refresh_from_db()
    row.outcome = {"actions": outcomes}
    row.save(update_fields=["outcome"])
    audit_record(
        "rule.fired",
        target=record,
        changes={
            "rule": rule.name,
            "rule_id": rule.pk,
            "trigger": row.trigger,
            "event": event,
            "level": row.level,
            "actions": outcomes,
        },
    )
    return outcomes


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
            act(rule, record, target, row, event)
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


def claim(rule: Rule, level_no: int, records, now: datetime, limit: int) -> list[int]:
    """INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING: the ids this run claimed, and no
    other run can claim them again (one row per rule, record and level)."""
    claimed_before = RuleFiring.objects.filter(
        rule=rule, level=level_no, trigger=Trigger.TIME, object_id=OuterRef("pk")
    )
    candidates = records.filter(~Exists(claimed_before)).order_by().values(claimed_id=F("pk"))
    candidates = candidates[:limit]
    inner_sql, params = candidates.query.get_compiler(using=records.db).as_sql()
    table = connection.ops.quote_name(RuleFiring._meta.db_table)
    trigger = connection.ops.quote_name("trigger")
    # "WHERE 1 = 1" keeps SQLite from reading ON CONFLICT as part of the SELECT's join.
    sql = (
        f"INSERT INTO {table} (rule_id, target_kind, object_id, level, {trigger}, "  # noqa: S608 - names from the models
        "event, event_id, at, outcome) "
        f"SELECT %s, %s, c.claimed_id, %s, %s, '', '', %s, '{{}}' FROM ({inner_sql}) AS c "
        "WHERE 1 = 1 ON CONFLICT DO NOTHING RETURNING object_id"
    )
    with connection.cursor() as cursor:
        at = connection.ops.adapt_datetimefield_value(now)
        cursor.execute(sql, [rule.pk, rule.target_kind, level_no, Trigger.TIME.value, at, *params])
        return [row[0] for row in cursor.fetchall()]


def sweep(now: datetime | None = None, *, limit: int | None = None) -> dict[str, int]:
    """Every active time-based rule, every level: claim what is due, act on what was claimed."""
    now = now or timezone.now()
    limit = limit or settings.RULES_SWEEP_BATCH
    counts: dict[str, int] = {}
    for kind in {
        rule.target_kind for rule in Rule.objects.filter(trigger=Trigger.TIME, is_active=True)
    }:
        target = registry.get(kind)
        if target is None:
            continue
        for rule in rules_for(kind, Trigger.TIME):
            levels = list(rule.levels.all()) or [None]
            for level in levels:
                level_no = level.level if level is not None else 0
                with transaction.atomic():
                    ids = claim(rule, level_no, due_records(rule, level, now), now, limit)
                    rows = {
                        row.object_id: row
                        for row in RuleFiring.objects.filter(
                            rule=rule, level=level_no, trigger=Trigger.TIME, object_id__in=ids
                        )
                    }
                    for record in target.records().filter(pk__in=ids).order_by("pk"):
                        act(
                            rule,
                            record,
                            target,
                            rows[record.pk],
                            f"level {level_no}" if level else "time",
                        )
                counts[f"{rule.pk}:{level_no}"] = len(ids)
    return counts
