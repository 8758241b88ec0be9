from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from core.access import partners as partner_access
from core.access.roles import Role
from core.audit.services import audit_record
from core.uploads.validation import CheckedUpload

from .. import sla
from ..models import Category, Priority, ProductArea, Queue, Ticket, TicketEvent
from ..models.tickets import format_reference
from ..text import clean_text
from .common import TicketActionError, now_or, record, rules_event, store_attachments
from .invitations import ticket_invite_contact


def intake_queue(role: Role, category: Category | None) -> Queue:
    if category is not None and category.queue_id and category.queue.is_active:
        return category.queue
    queue = Queue.objects.filter(intake_role=role, is_active=True).first()
    if queue is None:
        raise TicketActionError(_("Tickets cannot be opened here yet. Please try again later."))
    return queue


@transaction.atomic
def ticket_create(
    *,
    requester,
    role_assignment,
    subject: str,
    description: str,
    priority: str = Priority.NORMAL,
    category: Category | None = None,
    product_area: ProductArea | None = None,
    attachments: Iterable[CheckedUpload] = (),
    queue: Queue | None = None,
    on_behalf_of=None,
    contact_email: str = "",
    at: datetime | None = None,
    request=None,
) -> Ticket:
    """Open a ticket for `requester` wearing `role_assignment` (the hat decides the portal,
    the organisation and, with the category, the queue). The reference comes from the row's
    primary key, so tickets created at the same moment never share one.

    A partner may ask on behalf of an end customer its firm serves (`on_behalf_of`) and
    invite that customer's contact by address (`contact_email`; see invitations.py)."""
    if role_assignment.person_id != requester.pk:
        raise TicketActionError(_("A ticket is asked in one of your own roles."))
    at = now_or(at)
    role = Role(role_assignment.role)
    check_on_behalf(requester, role_assignment, on_behalf_of, contact_email)
    ticket = Ticket(
        subject=" ".join(subject.split())[:200],
        description=clean_text(description),
        requester=requester,
        requester_role=role_assignment,
        portal=role,
        organisation_id=role_assignment.organisation_id,
        on_behalf_of=on_behalf_of,
        queue=queue or intake_queue(role, category),
        category=category,
        product_area=product_area,
        priority=Priority(priority),
        created_at=at,
        updated_at=at,
    )
    sla.refresh_targets(ticket)
    ticket.save()
    ticket.reference = format_reference(ticket.pk)
    ticket.save(update_fields=["reference"])
    store_attachments(ticket, attachments, by=requester, at=at)
    record(
        ticket, TicketEvent.Kind.CREATED, actor=requester, new=ticket.reference, public=True, at=at
    )
    audit_record("ticket.created", actor=requester, target=ticket, request=request)
    if contact_email:
        ticket_invite_contact(ticket=ticket, email=contact_email, by=requester, at=at)
    rules_event(ticket, created=True, actor=requester)
    return ticket


def check_on_behalf(requester, role_assignment, on_behalf_of, contact_email: str) -> None:
    if on_behalf_of is None:
        if contact_email:
            raise TicketActionError(_("Choose the end customer whose contact you invite."))
        return
    if role_assignment.role != Role.PARTNER or not partner_access.may_open_ticket_for(
        requester, firm=role_assignment.organisation, customer=on_behalf_of
    ):
        raise TicketActionError(
            _(
                "You can ask on behalf of the customers of your firm's approved or won deal "
                "registrations only."
            )
        )
