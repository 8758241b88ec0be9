"""Who sees a ticket a partner asked for an end customer: an invited address only once its
account may, the firm's admin its colleagues' tickets, nobody else; and the pages showing such
tickets cost the same as customers, tickets and replies grow (the cast is in conftest.py)."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from core.access.roles import OrganisationKind, Role
from core.notifications.models import OutboundEmail
from core.people.services import role_end, role_grant
from core.tickets.lifecycle import Side
from core.tickets.models import Ticket
from core.tickets.services import ticket_create, ticket_reply
from tests.factories import OrganisationFactory, PersonFactory, person_with
from tests.tickets.factories import hat
from tests.tickets.test_queries import count_queries

from .customer_support import ask, for_acme, served_deal, status_of

pytestmark = pytest.mark.django_db


def test_an_invited_address_without_account_sees_the_ticket_only_once_it_may(setting, client):
    s = setting
    ask(client, s.agus, on_behalf_of=for_acme(s), contact_email="sri@acme.example")
    ticket = Ticket.objects.get()
    invitation = OutboundEmail.objects.get(to="sri@acme.example")
    assert "/accounts/signup/" in invitation.body_text
    detail = reverse("customer:ticket-detail", args=[ticket.reference])

    sri = PersonFactory(email="sri@acme.example", verified=False)
    EmailAddress.objects.create(user=sri, email=sri.email, primary=True, verified=False)
    role_grant(person=sri, role=Role.CUSTOMER, organisation=s.acme)
    assert status_of(client, sri, detail) == 404  # address not verified yet
    EmailAddress.objects.filter(user=sri).update(verified=True)
    assert status_of(client, sri, detail) == 200
    role_end(assignment=hat(sri))
    assert status_of(client, sri, detail) == 403  # no customer role at all: the portal refuses
    other = OrganisationFactory(kind=OrganisationKind.CUSTOMER)
    role_grant(person=sri, role=Role.CUSTOMER, organisation=other)
    assert status_of(client, sri, detail) == 404  # a customer elsewhere, not at Acme


def test_a_partner_admin_sees_colleagues_tickets_for_customers(setting, client):
    s = setting
    ask(client, s.rizky, on_behalf_of=for_acme(s), contact_email="emily@acme.example")
    ticket = Ticket.objects.get()
    client.force_login(s.agus)
    listing = client.get(reverse("partner:tickets") + "?scope=organisation").content.decode()
    assert ticket.subject in listing and "for Acme Logistics" in listing
    person = person_with(Role.PARTNER, organisation=s.nusantara)
    assert status_of(client, person, reverse("partner:ticket-detail", args=[ticket.reference])) == (
        404
    )


def test_pages_cost_the_same_with_more_customers_tickets_and_replies(setting, client):
    s = setting

    def grow(n):
        for _ in range(n):
            other = OrganisationFactory()
            served_deal(s.nusantara, other, s.hendra)
            for customer_account, contact in ((s.acme, s.emily.email), (other, "x@other.example")):
                ticket = ticket_create(
                    requester=s.agus,
                    role_assignment=hat(s.agus, Role.PARTNER),
                    subject="Printer",
                    description="Blank receipts.",
                    on_behalf_of=customer_account,
                    contact_email=contact,
                )
                ticket_reply(ticket=ticket, author=s.hendra, side=Side.AGENT, body="On it.")
                ticket_reply(ticket=ticket, author=s.emily, side=Side.REQUESTER, body="Thanks.")

    grow(1)
    first = Ticket.objects.filter(on_behalf_of=s.acme).earliest("pk")
    pages = [
        (s.emily, reverse("customer:tickets")),
        (s.emily, reverse("customer:dashboard")),
        (s.emily, reverse("customer:ticket-detail", args=[first.reference])),
        (s.agus, reverse("partner:tickets") + "?scope=organisation&status=all"),
        (s.agus, reverse("partner:ticket-new")),
        (s.agus, reverse("partner:ticket-detail", args=[first.reference])),
        (s.hendra, reverse("employee:work-queue", args=["partner-desk"])),
        (s.hendra, reverse("employee:work-ticket", args=[first.reference])),
    ]

    def costs():
        found = []
        for person, url in pages:
            client.force_login(person)
            found.append(count_queries(client, url))
        return found

    small = costs()
    grow(4)
    for _ in range(5):
        ticket_reply(ticket=first, author=s.emily, side=Side.REQUESTER, body="More.")
    assert costs() == small
