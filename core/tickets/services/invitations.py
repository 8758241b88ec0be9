"""Inviting an end customer's contact to a ticket a partner opened on their behalf."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import tickets as ticket_access
from core.audit.services import audit_record
from core.notifications.services import email_queue_templated
from core.people.models import Person
from core.people.models.person import normalise_email

from ..models import Ticket, TicketEvent, TicketInvitation
from .common import TicketActionError, now_or, record


@transaction.atomic
def ticket_invite_contact(
    *, ticket: Ticket, email: str, by, at: datetime | None = None
) -> TicketInvitation:
    """Name `email` as the end customer's contact on `ticket`, and e-mail them the way in.

    Naming grants nothing by itself: the contact sees the ticket once a verified account
    with this address holds the customer role at the end customer (core/access/tickets.py).
    So the e-mail says what is missing: nothing (a link to the ticket), the customer role
    there (ask for access), or an account (sign up with this address). Inviting the same
    address twice changes nothing."""
    email = normalise_email(email)
    try:
        validate_email(email)
    except ValidationError:
        raise TicketActionError(_("Enter a valid e-mail address for the contact.")) from None
    if ticket.on_behalf_of_id is None:
        raise TicketActionError(_("Only a ticket for an end customer has a customer contact."))
    at = now_or(at)
    invitation, created = TicketInvitation.objects.get_or_create(
        ticket=ticket, email=email, defaults={"invited_by": by, "invited_at": at}
    )
    if not created:
        return invitation
    record(ticket, TicketEvent.Kind.INVITED, actor=by, new=email, public=True, at=at)
    audit_record("ticket.invited", actor=by, target=ticket, changes={"contact": email})
    _email_invitation(invitation)
    return invitation


def _email_invitation(invitation: TicketInvitation) -> None:
    ticket = invitation.ticket
    person = Person.objects.filter(
        emailaddress__email=invitation.email, emailaddress__verified=True
    ).first()
    has_access = (
        person is not None
        and ticket_access.contacts_with_access(ticket).filter(pk=person.pk).exists()
    )
    if has_access:
        link = reverse("customer:ticket-detail", args=[ticket.reference])
    elif person is not None:
        link = reverse("access:portal-picker")
    else:
        link = reverse("account_signup")
    email_queue_templated(
        to=invitation.email,
        template="ticket_invitation",
        context={
            "ticket": ticket,
            "person": person,
            "has_access": has_access,
            "customer": ticket.on_behalf_of,
            "requester": ticket.requester,
            "firm": ticket.organisation,
            "link": link,
        },
        language=getattr(person, "language", None),
        key=f"ticket-invitation:{invitation.pk}",
    )
