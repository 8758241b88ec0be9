from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm

from core.access import tickets as ticket_access
from core.audit.services import audit_record

from .. import lifecycle, sla
from ..lifecycle import Side, Status
from ..models import Category, Queue, Ticket, TicketEvent
from .common import (
    TicketActionError,
    locked,
    now_or,
    record,
    record_many,
    rules_event,
    stage_priority_and_queue,
)

STATUS_FIELDS = [
    "status",
    "updated_at",
    "resolved_at",
    "closed_at",
    "first_response_due_at",
    "resolution_due_at",
    "sla_due_at",
    "sla_paused_at",
    "sla_paused_hours",
]


def apply_status(ticket: Ticket, to: str, *, actor, at: datetime, public: bool = True) -> list[str]:
    """Set the status and everything that follows from it (timestamps, SLA clock, history).
    Callers have checked the transition with lifecycle.check_transition. Does not save;
    returns the fields to save."""
    old = ticket.status
    ticket.status = to
    if to == Status.RESOLVED:
        ticket.resolved_at = at
    elif to == Status.CLOSED:
        ticket.closed_at = at
        ticket.resolved_at = ticket.resolved_at or at
    if to == Status.OPEN and old in lifecycle.DONE:
        # Reopened: the resolution target applies again; the time it was done counts as paused.
        ticket.sla_paused_at = ticket.resolved_at or ticket.closed_at or at
        ticket.resolved_at = None
        ticket.closed_at = None
        sla.on_status_change(ticket, Status.ON_HOLD, to, at)
    else:
        sla.on_status_change(ticket, old, to, at)
    ticket.updated_at = at
    record(
        ticket,
        TicketEvent.Kind.STATUS,
        actor=actor,
        old=Status(old).label,
        new=Status(to).label,
        public=public,
        at=at,
    )
    return list(STATUS_FIELDS)


@transaction.atomic
def ticket_change_status(
    *, ticket: Ticket, to: str, by, side: Side, at: datetime | None = None, request=None
) -> Ticket:
    ticket = locked(ticket)
    at = now_or(at)
    try:
        lifecycle.check_transition(ticket, to, side=side, at=at)
    except lifecycle.TransitionNotAllowed as error:
        raise TicketActionError(error.message, code="transition") from error
    old = ticket.status
    changed = apply_status(ticket, to, actor=by, at=at)
    ticket.save(update_fields=sorted(set(changed)))
    audit_record(
        "ticket.status", actor=by, target=ticket, request=request, changes={"from": old, "to": to}
    )
    rules_event(ticket, changes={"status": (old, to)}, actor=by)
    return ticket


@transaction.atomic
def ticket_update(
    *,
    ticket: Ticket,
    by,
    priority: str | None = None,
    queue: Queue | None = None,
    category: Category | None = None,
    assignee=...,
    at: datetime | None = None,
    request=None,
) -> Ticket:
    """The team changes priority, queue, category or assignee (`assignee=None` unassigns).
    A new priority or queue recomputes the SLA targets not met yet."""
    ticket = locked(ticket)
    at = now_or(at)
    before = _rule_values(ticket)
    staged, staged_changes = stage_priority_and_queue(
        ticket, by=by, priority=priority, queue=queue, at=at
    )
    if staged:
        record_many(staged)
    changed: list[str] = list(staged_changes)
    recompute = bool(staged_changes)
    if (
        "queue" in staged_changes
        and ticket.assignee_id
        and not ticket_access.may_be_assigned(ticket.assignee, queue)
    ):
        assignee = None if assignee is ... else assignee
    if category is not None and category.pk != ticket.category_id:
        record(
            ticket,
            TicketEvent.Kind.CATEGORY,
            actor=by,
            old=ticket.category,
            new=category,
            public=True,
            at=at,
        )
        ticket.category = category
        changed.append("category")
    if assignee is not ... and getattr(assignee, "pk", None) != ticket.assignee_id:
        if assignee is not None and not ticket_access.may_be_assigned(assignee, ticket.queue):
            raise TicketActionError(
                _("%(person)s does not work the %(queue)s queue.")
                % {"person": assignee, "queue": ticket.queue}
            )
        record(
            ticket,
            TicketEvent.Kind.ASSIGNEE,
            actor=by,
            old=ticket.assignee.get_full_name() if ticket.assignee else "",
            new=assignee.get_full_name() if assignee else "",
            public=True,
            at=at,
        )
        ticket.assignee = assignee
        changed.append("assignee")
    if not changed:
        return ticket
    if recompute:
        sla.refresh_targets(ticket)
        changed += ["first_response_due_at", "resolution_due_at", "sla_due_at"]
    ticket.updated_at = at
    ticket.save(update_fields=[*changed, "updated_at"])
    audit_record(
        "ticket.updated", actor=by, target=ticket, request=request, changes={"fields": changed}
    )
    rules_event(ticket, changes=_rule_changes(before, _rule_values(ticket)), actor=by)
    return ticket


def _rule_values(ticket: Ticket) -> dict[str, object]:
    """What rules may see change, as ids (no queries); `_rule_changes` names them."""
    return {
        "priority": ticket.priority,
        "queue": ticket.queue_id,
        "category": ticket.category_id,
        "assignee": ticket.assignee_id,
    }


def _rule_changes(before: dict, after: dict) -> dict[str, tuple[str, str]]:
    """{field: (old, new)} in core/rules/ticket_target.py's terms (slugs, names, e-mails);
    a query only for a field that changed."""
    from core.people.models import Person

    lookups = {
        "queue": lambda pk: Queue.objects.filter(pk=pk).values_list("slug", flat=True).first(),
        "category": lambda pk: (
            Category.objects.filter(pk=pk).values_list("name", flat=True).first()
        ),
        "assignee": lambda pk: Person.objects.filter(pk=pk).values_list("email", flat=True).first(),
    }
    changes = {}
    for name, value in after.items():
        if before[name] == value:
            continue
        name_of = lookups.get(name, lambda v: v)
        changes[name] = tuple(
            (name_of(v) or "") if v is not None else "" for v in (before[name], value)
        )
    return changes


def ticket_assign_many(*, tickets: Iterable[Ticket], assignee, by, request=None) -> tuple[int, int]:
    """Bulk assignment: each ticket in its own transaction; tickets whose queue the assignee
    does not work are skipped. Returns (assigned, skipped)."""
    assigned = skipped = 0
    for ticket in tickets:
        if assignee is not None and not ticket_access.may_be_assigned(assignee, ticket.queue):
            skipped += 1
            continue
        ticket_update(ticket=ticket, by=by, assignee=assignee, request=request)
        assigned += 1
    return assigned, skipped


@transaction.atomic
def ticket_rate(
    *, ticket: Ticket, by, rating: int, comment: str = "", at: datetime | None = None
) -> Ticket:
    ticket = locked(ticket)
    at = now_or(at)
    if ticket.status not in lifecycle.DONE:
        raise TicketActionError(_("You can rate a ticket once it is resolved."))
    if not 1 <= int(rating) <= 5:
        raise TicketActionError(_("Choose a rating from 1 to 5."))
    record(
        ticket,
        TicketEvent.Kind.RATING,
        actor=by,
        old=ticket.satisfaction_rating or "",
        new=rating,
        public=True,
        at=at,
    )
    ticket.satisfaction_rating = int(rating)
    ticket.satisfaction_comment = comment.strip()[:2000]
    ticket.rated_at = at
    ticket.save(update_fields=["satisfaction_rating", "satisfaction_comment", "rated_at"])
    return ticket


@transaction.atomic
def ticket_link_answer(*, ticket: Ticket, page, by, at: datetime | None = None) -> Ticket:
    """Link (or with page=None, unlink) the article that answers the ticket."""
    ticket = locked(ticket)
    at = now_or(at)
    if getattr(page, "pk", None) == ticket.answer_page_id:
        return ticket
    record(
        ticket,
        TicketEvent.Kind.ANSWER,
        actor=by,
        old=ticket.answer_page or "",
        new=page.title if page else "",
        # The requester is shown the answer itself, only when they may read it
        # (answers.readable_answer); a public event would leak the title of one they may not.
        public=False,
        at=at,
    )
    ticket.answer_page = page
    ticket.updated_at = at
    ticket.save(update_fields=["answer_page", "updated_at"])
    return ticket


@transaction.atomic
def ticket_share(*, ticket: Ticket, with_person, by, at: datetime | None = None) -> None:
    """Let one more person see the ticket (guardian's direct-FK row)."""
    assign_perm("tickets.view_ticket", with_person, ticket)
    record(
        ticket,
        TicketEvent.Kind.SHARED,
        actor=by,
        new=with_person.get_full_name(),
        public=False,
        at=now_or(at),
    )
    audit_record("ticket.shared", actor=by, target=ticket, changes={"with": with_person.email})


def ticket_close_resolved(*, now: datetime, limit: int = 500) -> list[int]:
    """Close tickets resolved longer ago than TICKETS_AUTO_CLOSE_DAYS that nobody reopened.
    One UPDATE … RETURNING flips a batch; history and e-mails follow in the same transaction."""
    cutoff = now - timedelta(days=settings.TICKETS_AUTO_CLOSE_DAYS)
    candidates = (
        Ticket.objects.filter(status=Status.RESOLVED, resolved_at__lt=cutoff)
        .order_by("resolved_at")
        .values("pk")[:limit]
    )
    inner_sql, params = candidates.query.get_compiler(using=Ticket.objects.db).as_sql()
    table = connection.ops.quote_name(Ticket._meta.db_table)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET status = %s, closed_at = %s, updated_at = %s "  # noqa: S608 - names from the model
                f"WHERE id IN ({inner_sql}) AND status = %s RETURNING id",
                [Status.CLOSED.value, now, now, *params, Status.RESOLVED.value],
            )
            ids = [row[0] for row in cursor.fetchall()]
        for ticket in Ticket.objects.filter(pk__in=ids).select_related("requester", "assignee"):
            record(
                ticket,
                TicketEvent.Kind.STATUS,
                old=Status.RESOLVED.label,
                new=Status.CLOSED.label,
                public=True,
                at=now,
            )
    return ids
