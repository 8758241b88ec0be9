"""E-mail about public changes, written to the outbox in the same transaction as the change
(delivered by Celery after commit; a broker outage loses nothing). One e-mail per event and
recipient: the idempotency key makes a repeat a no-op."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.urls import NoReverseMatch, reverse

from core.access.roles import Role
from core.notifications.preferences import wants_ticket_emails
from core.notifications.services import email_queue_templated

from .models import TicketEvent

# Where a requester opens a ticket of each portal; portals add theirs as they gain ticket screens.
REQUESTER_URL_NAMES = {
    Role.CUSTOMER: "customer:ticket-detail",
    Role.PARTNER: "partner:ticket-detail",
}
# An end customer's invited contact follows a partner's ticket in the customer portal.
CONTACT_URL_NAME = "customer:ticket-detail"
AGENT_URL_NAME = "employee:work-ticket"
EMAILED_KINDS = {TicketEvent.Kind.CREATED, TicketEvent.Kind.REPLY, TicketEvent.Kind.STATUS}
_muted: ContextVar[bool] = ContextVar("ticket_notifications_muted", default=False)


@contextmanager
def muted():
    """No ticket e-mails inside this block (loading demo data or an import of old tickets)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def requester_url(ticket) -> str:
    name = REQUESTER_URL_NAMES.get(Role(ticket.portal))
    try:
        return reverse(name, args=[ticket.reference]) if name else ""
    except NoReverseMatch:
        return ""


def agent_url(ticket) -> str:
    try:
        return reverse(AGENT_URL_NAME, args=[ticket.reference])
    except NoReverseMatch:
        return ""


def url_for(ticket, audience: str) -> str:
    if audience == "requester":
        return requester_url(ticket)
    if audience == "contact":
        return reverse(CONTACT_URL_NAME, args=[ticket.reference])
    return agent_url(ticket)


def is_muted() -> bool:
    return _muted.get()


def recipients_of(event: TicketEvent) -> list[tuple[object, str]]:
    """(person, audience) pairs: the requester hears of what the team did, the assignee of
    what the requester's side did, an end customer's invited contact (while they may see the
    ticket) of what anyone else did. Nobody is e-mailed about their own action, except the
    receipt of a new ticket; the contact's invitation is an e-mail of its own."""
    if not event.is_public or event.kind not in EMAILED_KINDS:
        return []
    ticket = event.ticket
    recipients = []
    if event.kind == TicketEvent.Kind.CREATED or event.actor_id != ticket.requester_id:
        recipients.append((ticket.requester, "requester"))
    assignee = ticket.assignee
    if (
        assignee is not None
        and event.actor_id != assignee.pk
        and event.kind != TicketEvent.Kind.CREATED
        and not _by_team(event, ticket)
    ):
        recipients.append((assignee, "agent"))
    if ticket.on_behalf_of_id and event.kind != TicketEvent.Kind.CREATED:
        from core.access.tickets import contacts_with_access

        recipients += [
            (contact, "contact")
            for contact in contacts_with_access(ticket)
            if contact.pk not in (event.actor_id, ticket.requester_id)
        ]
    return recipients


def _by_team(event: TicketEvent, ticket) -> bool:
    from core.access.tickets import may_work

    actor = event.actor
    return actor is not None and actor.pk != ticket.requester_id and may_work(actor, ticket)


def notify_event(event: TicketEvent) -> int:
    if _muted.get():
        return 0
    sent = 0
    for person, audience in recipients_of(event):
        if not wants_ticket_emails(person):
            continue
        ticket = event.ticket
        path = url_for(ticket, audience)
        email = email_queue_templated(
            to=person.email,
            template=f"ticket_{event.kind}",
            context={
                "ticket": ticket,
                "event": event,
                "person": person,
                "audience": audience,
                "path": path,
                "message": event.message if event.kind == TicketEvent.Kind.REPLY else None,
            },
            language=person.language,
            key=f"ticket-event:{event.pk}:to:{person.pk}",
        )
        sent += email is not None
    return sent
