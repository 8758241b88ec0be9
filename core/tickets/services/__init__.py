"""Every change to a ticket goes through these functions (keyword-only, atomic, audited)."""

from .batch import ticket_update_many
from .opening import ticket_create
from .thread import ticket_reply
from .workflow import (
    ticket_assign_many,
    ticket_change_status,
    ticket_close_resolved,
    ticket_link_answer,
    ticket_rate,
    ticket_share,
    ticket_update,
)

__all__ = [
    "ticket_assign_many",
    "ticket_change_status",
    "ticket_close_resolved",
    "ticket_create",
    "ticket_link_answer",
    "ticket_rate",
    "ticket_reply",
    "ticket_share",
    "ticket_update",
    "ticket_update_many",
]
