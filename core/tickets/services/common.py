from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from core.rules.events import record_event
from core.uploads.validation import CheckedUpload

from ..lifecycle import TransitionNotAllowed
from ..models import Priority, Queue, Ticket, TicketAttachment, TicketEvent, TicketMessage
from ..notify import notify_event


class TicketActionError(ValidationError):
    """A change the rules refuse, with a message for the person who tried."""


def now_or(at: datetime | None) -> datetime:
    return at or timezone.now()


def locked(ticket: Ticket) -> Ticket:
    """The ticket's current row, locked until the transaction ends (no lost updates).

    Take it before reading the clock: then writers read the time in the order they hold the
    row, and a thread ordered by time is the order in which its messages were written."""
    return Ticket.objects.select_for_update().get(pk=ticket.pk)


def as_action_error(error: TransitionNotAllowed) -> TicketActionError:
    return TicketActionError(error.message, code="transition")


def _source_text(value: object) -> str:
    """History keeps labels (a status, a priority) in the source language, whoever made the
    change; screens and e-mails translate them for their reader."""
    with translation.override(None):
        return str(value or "")[:255]


def history_event(
    ticket: Ticket,
    kind: str,
    *,
    actor=None,
    old: object = "",
    new: object = "",
    public: bool,
    at: datetime,
    message: TicketMessage | None = None,
) -> TicketEvent:
    """A history row, not yet saved (`record` writes one, `record_many` a batch)."""
    return TicketEvent(
        ticket=ticket,
        kind=kind,
        actor=actor,
        actor_label=getattr(actor, "email", "") or "",
        old_value=_source_text(old),
        new_value=_source_text(new),
        is_public=public,
        at=at,
        message=message,
    )


def record(
    ticket: Ticket,
    kind: str,
    *,
    actor=None,
    old: object = "",
    new: object = "",
    public: bool,
    at: datetime,
    message: TicketMessage | None = None,
) -> TicketEvent:
    event = history_event(
        ticket, kind, actor=actor, old=old, new=new, public=public, at=at, message=message
    )
    event.save(force_insert=True)
    if public:
        notify_event(event)
    return event


def record_many(events: list[TicketEvent]) -> list[TicketEvent]:
    """History rows built with `history_event`, in one INSERT; public ones are e-mailed about
    as `record` does (the kinds a batch writes, priority and queue, e-mail nobody)."""
    written = TicketEvent.objects.bulk_create(events)
    for event in written:
        if event.is_public:
            notify_event(event)
    return written


def stage_priority_and_queue(
    ticket: Ticket,
    *,
    by,
    priority: str | None,
    queue: Queue | None,
    at: datetime,
    old_queue: Queue | None = None,
) -> tuple[list[TicketEvent], dict[str, tuple[str, str]]]:
    """The priority and queue change of one ticket, shared by `ticket_update` and
    `ticket_update_many`: sets them on `ticket` (not saved) and returns the history rows to
    write (`record_many`) and the changes as the rules see them, {field: (old, new)} with
    the queue by slug, in that order. Nothing when neither changes. `old_queue`: the
    ticket's queue before, when the caller has read it already (a batch reads them at once).
    An unknown priority is refused (ValueError)."""
    events: list[TicketEvent] = []
    changes: dict[str, tuple[str, str]] = {}
    if priority is not None and priority != ticket.priority:
        events.append(
            history_event(
                ticket,
                TicketEvent.Kind.PRIORITY,
                actor=by,
                old=Priority(ticket.priority).label,
                new=Priority(priority).label,
                public=True,
                at=at,
            )
        )
        changes["priority"] = (ticket.priority, priority)
        ticket.priority = priority
    if queue is not None and queue.pk != ticket.queue_id:
        old_queue = old_queue or ticket.queue
        events.append(
            history_event(
                ticket,
                TicketEvent.Kind.QUEUE,
                actor=by,
                old=old_queue,
                new=queue,
                public=False,
                at=at,
            )
        )
        changes["queue"] = (old_queue.slug, queue.slug)
        ticket.queue = queue
    return events, changes


def store_attachments(
    ticket: Ticket,
    files: Iterable[CheckedUpload],
    *,
    by,
    at: datetime,
    message: TicketMessage | None = None,
    internal: bool = False,
) -> list[TicketAttachment]:
    return [
        TicketAttachment.from_upload(
            checked,
            uploaded_by=by,
            ticket=ticket,
            message=message,
            is_internal=internal,
            uploaded_at=at,
        )
        for checked in files
    ]


def rules_event(ticket: Ticket, *, created: bool = False, changes=None, actor=None) -> None:
    """Tell the business rules (core/rules) after commit: created, or changed with
    {field: (old, new)}; a change of status to resolved is also the event "resolved"."""
    if created:
        record_event("ticket", ticket, "created", actor=actor)
        return
    if not changes:
        return
    status = changes.get("status")
    event = "resolved" if status and status[1] == "resolved" else "changed"
    record_event("ticket", ticket, "changed", event=event, changes=changes, actor=actor)
