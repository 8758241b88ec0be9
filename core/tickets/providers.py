"""Tickets on the customer-360 page (found by core.providers.autodiscover).

Every ticket a person raised, or an organisation's people raised, is counted; the rows and
timeline entries show only tickets in queues the viewing employee works, with a link to the
agent workspace, so a glance at the 360 page never reveals a ticket's subject (an HR or IT
helpdesk matter, say) to colleagues outside its queue.

A person's tickets include those a partner asked on behalf of an end customer and invited
the person to, by one of their verified addresses (the address the invitation reaches, as in
core/access/tickets.py); those rows say the person was invited rather than asked."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import customer360
from core.access.tickets import agent_side_visibility

from .lifecycle import ACTIVE
from .models import Ticket, TicketInvitation

INVITED = gettext_lazy("Invited as the customer's contact")
TONES = {"new": "warning", "open": "warning", "pending": "", "on_hold": "", "resolved": "success"}


def _rows(tickets, limit, viewer, *, invited=lambda ticket: False):
    total = tickets.count()
    visible = tickets.filter(agent_side_visibility(viewer)).select_related("queue")
    rows = [
        customer360.Row(
            title=f"{t.reference} {t.subject}",
            detail=" · ".join(
                str(part)
                for part in (
                    INVITED if invited(t) else "",
                    t.get_portal_display(),
                    t.queue.name,
                    t.get_priority_display(),
                )
                if part
            ),
            url=reverse("employee:work-ticket", args=[t.reference]),
            at=t.created_at,
            badge=t.get_status_display(),
            tone=TONES.get(t.status, ""),
        )
        for t in visible.order_by("-created_at")[:limit]
    ]
    return rows, total


def _asked_or_invited(person):
    """The tickets `person` asked or was invited to (one filter, subqueries inside)."""
    from allauth.account.models import EmailAddress

    verified = EmailAddress.objects.filter(user_id=person.pk, verified=True).values("email")
    invited = TicketInvitation.objects.filter(email__in=verified).values("ticket_id")
    return Ticket.objects.filter(Q(requester=person) | Q(pk__in=invited))


def _person_tickets(person, limit, viewer):
    return _rows(
        _asked_or_invited(person),
        limit,
        viewer,
        invited=lambda ticket: ticket.requester_id != person.pk,
    )


def _organisation_tickets(organisation, limit, viewer):
    return _rows(Ticket.objects.filter(organisation=organisation), limit, viewer)


def _entries(tickets, limit, viewer):
    entries = []
    for t in tickets.filter(agent_side_visibility(viewer)).order_by("-created_at")[:limit]:
        url = reverse("employee:work-ticket", args=[t.reference])
        entries.append(
            customer360.Entry(
                at=t.created_at,
                kind=_("Ticket"),
                title=_("Opened %(reference)s: %(subject)s")
                % {"reference": t.reference, "subject": t.subject},
                detail=t.get_status_display() if t.status in ACTIVE else "",
                url=url,
            )
        )
        if t.resolved_at:
            entries.append(
                customer360.Entry(
                    at=t.resolved_at,
                    kind=_("Ticket"),
                    title=_("%(reference)s resolved") % {"reference": t.reference},
                    url=url,
                )
            )
    return entries


customer360.register_section(
    customer360.SectionSpec(
        "tickets",
        gettext_lazy("Tickets"),
        customer360.PERSON,
        _person_tickets,
        order=20,
        empty=gettext_lazy("No tickets, or none in the queues you work."),
    )
)
customer360.register_section(
    customer360.SectionSpec(
        "tickets",
        gettext_lazy("Tickets"),
        customer360.ORGANISATION,
        _organisation_tickets,
        order=20,
        empty=gettext_lazy("No tickets, or none in the queues you work."),
    )
)
customer360.register_timeline(
    customer360.TimelineSpec(
        "tickets",
        customer360.PERSON,
        lambda person, limit, viewer: _entries(
            Ticket.objects.filter(requester=person), limit, viewer
        ),
    )
)
customer360.register_timeline(
    customer360.TimelineSpec(
        "tickets",
        customer360.ORGANISATION,
        lambda org, limit, viewer: _entries(Ticket.objects.filter(organisation=org), limit, viewer),
    )
)
