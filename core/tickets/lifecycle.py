"""The ticket's status lifecycle: which changes exist and who may make them. THE one place.

    new → open → pending customer / on hold → resolved → closed, and reopen

Services call `check_transition` before every status change; screens call `allowed_targets`
to offer only what will be accepted.
"""

import enum
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Status(models.TextChoices):
    NEW = "new", gettext_lazy("New")
    OPEN = "open", gettext_lazy("Open")
    PENDING = "pending", gettext_lazy("Waiting for customer")
    ON_HOLD = "on_hold", gettext_lazy("On hold")
    RESOLVED = "resolved", gettext_lazy("Resolved")
    CLOSED = "closed", gettext_lazy("Closed")


class Side(enum.Enum):
    """Who is acting: the requester's side (requester, org admin, share holder), an agent of the
    ticket's queue, or the system (sweeps, automation)."""

    REQUESTER = "requester"
    AGENT = "agent"
    SYSTEM = "system"


ACTIVE = frozenset({Status.NEW, Status.OPEN, Status.PENDING, Status.ON_HOLD})
DONE = frozenset({Status.RESOLVED, Status.CLOSED})
# While waiting for the customer or on hold, the resolution clock stops.
SLA_PAUSED = frozenset({Status.PENDING, Status.ON_HOLD})
# The SLA clock runs only while a ticket is new or open (a list: it appears in index conditions).
SLA_RUNNING = [Status.NEW.value, Status.OPEN.value]

TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset(
        {Status.OPEN, Status.PENDING, Status.ON_HOLD, Status.RESOLVED, Status.CLOSED}
    ),
    Status.OPEN: frozenset({Status.PENDING, Status.ON_HOLD, Status.RESOLVED, Status.CLOSED}),
    Status.PENDING: frozenset({Status.OPEN, Status.ON_HOLD, Status.RESOLVED, Status.CLOSED}),
    Status.ON_HOLD: frozenset({Status.OPEN, Status.PENDING, Status.RESOLVED, Status.CLOSED}),
    Status.RESOLVED: frozenset({Status.OPEN, Status.CLOSED}),
    Status.CLOSED: frozenset({Status.OPEN}),
}

# The requester's side may close a ticket, reopen it (within the window) and, by answering,
# hand a ticket that waits for them back to the team; nothing else.
REQUESTER_TRANSITIONS = frozenset(
    {(status, Status.CLOSED) for status in ACTIVE | {Status.RESOLVED}}
    | {(Status.RESOLVED, Status.OPEN), (Status.CLOSED, Status.OPEN), (Status.PENDING, Status.OPEN)}
)
# Automation closes resolved tickets that nobody reopened.
SYSTEM_TRANSITIONS = frozenset({(Status.RESOLVED, Status.CLOSED)})


class TransitionNotAllowed(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def reopen_window() -> timedelta:
    return timedelta(days=settings.TICKETS_REOPEN_WINDOW_DAYS)


def reopen_deadline(ticket) -> datetime | None:
    """Until when the requester may reopen: the window counts from resolution (or closing)."""
    since = ticket.resolved_at or ticket.closed_at
    return since + reopen_window() if since else None


def _requester_may_reopen(ticket, at: datetime) -> bool:
    deadline = reopen_deadline(ticket)
    return deadline is not None and at <= deadline


def check_transition(ticket, to: str, *, side: Side, at: datetime) -> None:
    """Raise TransitionNotAllowed with a message for people, or return when the change is fine."""
    current = Status(ticket.status)
    to = Status(to)
    if to == current:
        raise TransitionNotAllowed(_("The ticket is already %(status)s.") % {"status": to.label})
    if to not in TRANSITIONS[current]:
        raise TransitionNotAllowed(
            _("A ticket that is %(from)s cannot become %(to)s.")
            % {"from": current.label, "to": to.label}
        )
    if side is Side.REQUESTER:
        if (current, to) not in REQUESTER_TRANSITIONS:
            raise TransitionNotAllowed(_("Only the support team can make this change."))
        if to == Status.OPEN and current in DONE and not _requester_may_reopen(ticket, at):
            raise TransitionNotAllowed(
                _("This ticket can no longer be reopened. Please open a new ticket.")
            )
    elif side is Side.SYSTEM and (current, to) not in SYSTEM_TRANSITIONS:
        raise TransitionNotAllowed(_("Automation may only close resolved tickets."))


def allowed_targets(ticket, *, side: Side, at: datetime) -> list[Status]:
    targets = []
    for status in Status:
        try:
            check_transition(ticket, status, side=side, at=at)
        except TransitionNotAllowed:
            continue
        targets.append(status)
    return targets


def may_reopen(ticket, *, side: Side, at: datetime) -> bool:
    return Status.OPEN in allowed_targets(ticket, side=side, at=at) and ticket.status in DONE
