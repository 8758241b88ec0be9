from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from core.uploads.validation import CheckedUpload

from .. import lifecycle, sla
from ..lifecycle import Side, Status
from ..models import Ticket, TicketEvent, TicketMessage
from ..text import clean_text
from .common import TicketActionError, locked, now_or, record, rules_event, store_attachments
from .workflow import apply_status


@transaction.atomic
def ticket_reply(
    *,
    ticket: Ticket,
    author,
    side: Side,
    body: str,
    internal: bool = False,
    attachments: Iterable[CheckedUpload] = (),
    then_status: str | None = None,
    at: datetime | None = None,
) -> TicketMessage:
    """Add a public reply or (agents only) an internal note, with files.

    The requester's reply to a ticket waiting for them reopens it; to a resolved ticket it
    reopens it within the reopen window; a closed ticket takes no replies (reopen it first).
    The team's first public reply meets the first-response target and opens a new ticket.
    """
    ticket = locked(ticket)
    at = now_or(at)
    body = clean_text(body)
    attachments = list(attachments)
    if not body and not attachments:
        raise TicketActionError(_("Write a message or attach a file."))
    if internal and side is not Side.AGENT:
        raise TicketActionError(_("Only the support team can write internal notes."))
    if side is Side.REQUESTER:
        if ticket.status == Status.CLOSED:
            raise TicketActionError(_("This ticket is closed. Reopen it to reply."))
        if ticket.status in (Status.RESOLVED, Status.PENDING):
            then_status = Status.OPEN
        else:
            then_status = None
    message = TicketMessage.objects.create(
        ticket=ticket, author=author, is_internal=internal, body=body, created_at=at
    )
    store_attachments(ticket, attachments, by=author, at=at, message=message, internal=internal)
    kind = TicketEvent.Kind.NOTE if internal else TicketEvent.Kind.REPLY
    record(ticket, kind, actor=author, public=not internal, at=at, message=message)
    changed = ["updated_at"]
    if side is Side.AGENT and not internal:
        if ticket.first_responded_at is None:
            ticket.first_responded_at = at
            changed.append("first_responded_at")
        if ticket.status == Status.NEW and then_status is None:
            then_status = Status.OPEN
    ticket.updated_at = at
    old_status = ticket.status
    if then_status is not None and then_status != ticket.status:
        try:
            lifecycle.check_transition(ticket, then_status, side=side, at=at)
        except lifecycle.TransitionNotAllowed as error:
            raise TicketActionError(error.message) from error
        changed += apply_status(ticket, then_status, actor=author, at=at)
    ticket.sla_due_at = sla.next_due(ticket)
    changed.append("sla_due_at")
    ticket.save(update_fields=sorted(set(changed)))
    if ticket.status != old_status:
        rules_event(ticket, changes={"status": (old_status, ticket.status)}, actor=author)
    return message
