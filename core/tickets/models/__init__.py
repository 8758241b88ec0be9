from .history import TicketEvent
from .invitations import TicketInvitation
from .queues import Category, ProductArea, Queue, SLAPolicy
from .shares import TicketGroupObjectPermission, TicketUserObjectPermission
from .threads import TicketAttachment, TicketMessage
from .tickets import Priority, Ticket, TicketQuerySet

__all__ = [
    "Category",
    "Priority",
    "ProductArea",
    "Queue",
    "SLAPolicy",
    "Ticket",
    "TicketAttachment",
    "TicketEvent",
    "TicketGroupObjectPermission",
    "TicketInvitation",
    "TicketMessage",
    "TicketQuerySet",
    "TicketUserObjectPermission",
]
