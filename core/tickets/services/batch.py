"""Changes to many tickets at once, each recorded as `ticket_update` records one change (history
with old and new values, an audit entry, SLA targets recomputed), in a number of queries that
does not grow with the number of tickets. The business-rules sweep raises the priority of a
whole batch of escalated tickets with it."""

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction

from core.access import tickets as ticket_access
from core.audit.services import audit_event, audit_record_many
from core.bulk import update_each
from core.people.models import Person

from .. import sla
from ..models import Priority, Queue, Ticket, TicketEvent
from .common import history_event, now_or, record_many, rules_event, stage_priority_and_queue

SLA_FIELDS = ["first_response_due_at", "resolution_due_at", "sla_due_at"]


@transaction.atomic
def ticket_update_many(
    *,
    tickets: Iterable[Ticket],
    by,
    priority: str | None = None,
    queue: Queue | None = None,
    at: datetime | None = None,
    request=None,
) -> list[Ticket]:
    """`ticket_update`'s priority and queue changes for many tickets; returns those that
    changed. As there, a new priority or queue recomputes the SLA targets not met yet, and an
    assignee who does not work the new queue loses the ticket."""
    if priority is not None:
        Priority(priority)  # an unknown priority is refused (ValueError), as ticket_update does
    rows = list(
        # Locked in primary-key order, so two batches over the same tickets cannot deadlock.
        Ticket.objects.select_for_update().filter(pk__in=[t.pk for t in tickets]).order_by("pk")
    )
    at = now_or(at)
    moving = [row for row in rows if queue is not None and row.queue_id != queue.pk]
    old_queues = Queue.objects.in_bulk({row.queue_id for row in moving}) if moving else {}
    assignees = {row.assignee_id for row in moving if row.assignee_id}
    leaving = (
        Person.objects.in_bulk(assignees - ticket_access.assignable_ids(assignees, queue))
        if assignees
        else {}
    )
    events: list[TicketEvent] = []
    changed: list[tuple[Ticket, list[str], dict]] = []
    for ticket in rows:
        staged, changes = stage_priority_and_queue(
            ticket,
            by=by,
            priority=priority,
            queue=queue,
            at=at,
            old_queue=old_queues.get(ticket.queue_id),
        )
        events += staged
        fields = list(changes)
        if "queue" in changes:
            former = leaving.get(ticket.assignee_id)
            if former is not None:
                events.append(
                    history_event(
                        ticket,
                        TicketEvent.Kind.ASSIGNEE,
                        actor=by,
                        old=former.get_full_name(),
                        new="",
                        public=True,
                        at=at,
                    )
                )
                changes["assignee"] = (former.email, "")
                ticket.assignee = None
                fields.append("assignee")
        if fields:
            ticket.updated_at = at
            changed.append((ticket, [*fields, *SLA_FIELDS], changes))
    if not changed:
        return []
    policies = sla.policies_for([ticket for ticket, _fields, _changes in changed])
    for ticket, _fields, _changes in changed:
        sla.apply_targets(ticket, policies.get((ticket.queue_id, ticket.priority)))
    saved = [*(["priority"] if priority is not None else []), *SLA_FIELDS, "updated_at"]
    if queue is not None:
        saved += ["queue", "assignee"]
    update_each([ticket for ticket, _fields, _changes in changed], saved)
    record_many(events)
    audit_record_many(
        [
            audit_event(
                "ticket.updated",
                actor=by,
                target=ticket,
                request=request,
                changes={"fields": fields},
            )
            for ticket, fields, _changes in changed
        ]
    )
    for ticket, _fields, changes in changed:
        rules_event(ticket, changes=changes, actor=by)
    return [ticket for ticket, _fields, _changes in changed]
