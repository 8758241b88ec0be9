from django.db import transaction

from core.notifications.preferences import wants_ticket_emails
from core.notifications.services import email_queue_templated

from .models import Ticket
from .notify import agent_url


@transaction.atomic
def send_breach_notices(*, kind: str, ticket_ids: list[int]) -> int:
    sent = 0
    tickets = Ticket.objects.filter(pk__in=ticket_ids).select_related("queue", "assignee")
    for ticket in tickets:
        context = {"ticket": ticket, "kind": kind, "path": agent_url(ticket)}
        addresses = []
        if ticket.assignee is not None and wants_ticket_emails(ticket.assignee):
            addresses.append((ticket.assignee.email, ticket.assignee.language))
        if ticket.queue.team_email:
            addresses.append((ticket.queue.team_email, None))
        for address, language in addresses:
            email = email_queue_templated(
                to=address,
                template="ticket_sla_breach",
                context=context,
                language=language,
                key=f"ticket:{ticket.pk}:breach:{kind}:to:{address}",
            )
            sent += email is not None
    return sent
