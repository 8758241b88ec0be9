"""SLA targets: computed from the queue's policy for the ticket's priority, stored on the ticket.

- Targets count from the ticket's opening, in business hours of the policy's calendar or in
  calendar hours. Time spent waiting for the customer or on hold does not count: on resuming,
  the working time of the pause is added (`sla_paused_hours`) and the targets move.
- `sla_due_at` is the nearest unmet target (first response, then resolution): queues sort by it.
- `sweep_breaches` flags missed targets with one set-based UPDATE per kind of target, reading
  only the rows of a partial index, so it stays fast however many tickets there are.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db import connection, transaction

from core.calendars.schedule import calendar_time

from .lifecycle import SLA_PAUSED, SLA_RUNNING
from .models import SLAPolicy, Ticket

RUNNING = SLA_RUNNING
SWEEP_BATCH = 1000
SWEEP_MAX_BATCHES = 50


def _policies():
    return SLAPolicy.objects.select_related("calendar").prefetch_related(
        "calendar__periods", "calendar__holidays"
    )


def policy_for(ticket: Ticket) -> SLAPolicy | None:
    return _policies().filter(queue_id=ticket.queue_id, priority=ticket.priority).first()


def policies_for(tickets) -> dict[tuple[int, str], SLAPolicy]:
    """The policies of many tickets by (queue id, priority), in three queries whatever their
    number (a batch's `refresh_targets`)."""
    queue_ids = {ticket.queue_id for ticket in tickets}
    priorities = {ticket.priority for ticket in tickets}
    if not queue_ids:
        return {}
    found = _policies().filter(queue_id__in=queue_ids, priority__in=priorities)
    return {(policy.queue_id, policy.priority): policy for policy in found}


def add_hours(policy: SLAPolicy, start: datetime, hours: Decimal) -> datetime:
    if policy.clock == SLAPolicy.Clock.BUSINESS:
        return policy.calendar.add_business_hours(start, hours)
    return calendar_time(start, hours)


def hours_between(policy: SLAPolicy, a: datetime, b: datetime) -> Decimal:
    if policy.clock == SLAPolicy.Clock.BUSINESS:
        hours = policy.calendar.business_hours_between(a, b)
    else:
        hours = (b - a).total_seconds() / 3600
    return Decimal(str(round(max(hours, 0), 4)))


def next_due(ticket: Ticket) -> datetime | None:
    if ticket.status not in RUNNING:
        return None
    if ticket.first_responded_at is None and ticket.first_response_due_at:
        return ticket.first_response_due_at
    if ticket.resolved_at is None:
        return ticket.resolution_due_at
    return None


def refresh_targets(ticket: Ticket, policy: SLAPolicy | None = None) -> None:
    """(Re)compute the targets a ticket has not met yet (after opening, a priority or queue
    change, or a pause). Met targets keep the due time they had. Does not save."""
    apply_targets(ticket, policy if policy is not None else policy_for(ticket))


def apply_targets(ticket: Ticket, policy: SLAPolicy | None) -> None:
    """`refresh_targets` with the policy already looked up (None: the ticket has none)."""
    if policy is None:
        if ticket.first_responded_at is None:
            ticket.first_response_due_at = None
        if ticket.resolved_at is None:
            ticket.resolution_due_at = None
    else:
        extra = ticket.sla_paused_hours or Decimal(0)
        if ticket.first_responded_at is None:
            ticket.first_response_due_at = add_hours(
                policy, ticket.created_at, policy.first_response_hours + extra
            )
        if ticket.resolved_at is None:
            ticket.resolution_due_at = add_hours(
                policy, ticket.created_at, policy.resolution_hours + extra
            )
    ticket.sla_due_at = next_due(ticket)


def on_status_change(ticket: Ticket, old: str, new: str, at: datetime) -> None:
    """Pause the clock on entering pending/on hold; on leaving, add the paused working time."""
    if new in SLA_PAUSED and old not in SLA_PAUSED:
        ticket.sla_paused_at = at
    elif old in SLA_PAUSED and new not in SLA_PAUSED and ticket.sla_paused_at:
        policy = policy_for(ticket)
        if policy is not None:
            ticket.sla_paused_hours = (ticket.sla_paused_hours or Decimal(0)) + hours_between(
                policy, ticket.sla_paused_at, at
            )
        ticket.sla_paused_at = None
        refresh_targets(ticket, policy)
        return
    ticket.sla_due_at = next_due(ticket)


@dataclass(frozen=True)
class BreachKind:
    key: str
    flag: str
    due: str
    met: str


FIRST_RESPONSE = BreachKind(
    "first_response", "first_response_breached", "first_response_due_at", "first_responded_at"
)
RESOLUTION = BreachKind("resolution", "resolution_breached", "resolution_due_at", "resolved_at")
BREACH_KINDS = (FIRST_RESPONSE, RESOLUTION)


def breach_candidates(kind: BreachKind, now: datetime):
    """The unmet, unflagged, running targets that are past due: the partial index's rows."""
    return Ticket.objects.filter(
        **{
            "status__in": RUNNING,
            f"{kind.met}__isnull": True,
            kind.flag: False,
            f"{kind.due}__isnull": False,
            f"{kind.due}__lt": now,
        }
    )


def flag_breaches(kind: BreachKind, now: datetime, *, limit: int = SWEEP_BATCH) -> list[int]:
    """Flag up to `limit` missed targets in ONE statement and return the tickets' ids.

    UPDATE … WHERE id IN (candidates LIMIT n) AND NOT flag RETURNING id: the outer re-check
    makes two sweeps running at once flag (and so notify) each ticket once.
    """
    candidates = breach_candidates(kind, now).order_by(kind.due).values("pk")[:limit]
    inner_sql, params = candidates.query.get_compiler(using=Ticket.objects.db).as_sql()
    table = connection.ops.quote_name(Ticket._meta.db_table)
    flag = connection.ops.quote_name(kind.flag)
    sql = (
        f"UPDATE {table} SET {flag} = %s WHERE {connection.ops.quote_name('id')} IN "  # noqa: S608 - names from the model, values as parameters
        f"({inner_sql}) AND {flag} = %s RETURNING {connection.ops.quote_name('id')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [True, *params, False])
        return [row[0] for row in cursor.fetchall()]


def sweep_breaches(now: datetime) -> dict[str, list[int]]:
    """Flag every missed target, batch by batch; each batch commits with its history rows and
    its notification task, so a crash half-way loses nothing and repeats nothing."""
    from .services.breaches import record_breaches

    flagged: dict[str, list[int]] = {kind.key: [] for kind in BREACH_KINDS}
    for kind in BREACH_KINDS:
        for _batch in range(SWEEP_MAX_BATCHES):
            with transaction.atomic():
                ids = flag_breaches(kind, now)
                if ids:
                    record_breaches(kind=kind.key, ticket_ids=ids, at=now)
            flagged[kind.key] += ids
            if len(ids) < SWEEP_BATCH:
                break
    return flagged
