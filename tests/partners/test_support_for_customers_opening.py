"""A partner asks the partner desk on behalf of an end customer its firm serves: only customers
of the firm's approved or won registrations are offered (a crafted one is refused), and the
whole flow from the partner's side to the customer's contact and the desk (the cast is in
conftest.py)."""

import pytest
from django.urls import reverse

from core.access import partners as partner_access
from core.access.roles import Role
from core.notifications.models import OutboundEmail
from core.partners.lifecycle import DealStatus
from core.partners.services.deals import deal_decide
from core.tickets.lifecycle import Side, Status
from core.tickets.models import Ticket, TicketInvitation
from core.tickets.services import ticket_create, ticket_reply
from core.tickets.services.common import TicketActionError
from tests.factories import OrganisationFactory
from tests.tickets.factories import hat

from .customer_support import ask, for_acme, served_deal, status_of
from .factories import make_deal

pytestmark = pytest.mark.django_db


def test_registrations_remember_the_customer_account_they_name(setting):
    assert setting.deal.customer_account == setting.acme
    unknown = make_deal(setting.nusantara, submit=True, customer_company="PT Belum Ada")
    assert unknown.customer_account is None
    # The account is opened later: approving and winning the registration find it then.
    later = OrganisationFactory(name="PT Belum Ada", email_domain="belumada.example")
    unknown = deal_decide(deal=unknown, by=setting.hendra, decision=DealStatus.APPROVED)
    assert unknown.customer_account == later


def test_the_form_offers_only_customers_of_the_firms_approved_and_won_registrations(
    setting, client
):
    bengawan = OrganisationFactory(name="Bengawan Retail", email_domain="bengawan.example")
    served_deal(setting.nusantara, bengawan, setting.hendra, won=True)
    pending = OrganisationFactory(name="Sinar Jaya", email_domain="sinarjaya.example")
    make_deal(setting.nusantara, submit=True, customer_company="Sinar Jaya")  # not approved
    pacific_customer = OrganisationFactory(name="Harbour Freight", email_domain="harbour.example")
    served_deal(setting.liam.role_assignments.get().organisation, pacific_customer, setting.hendra)

    client.force_login(setting.rizky)
    page = client.get(reverse("partner:ticket-new")).content.decode()
    assert "Acme Logistics" in page and "Bengawan Retail" in page
    assert pending.name not in page and "Harbour Freight" not in page
    assert [name for _c, _f, name in partner_access.end_customers(setting.liam)] == [
        "Harbour Freight"
    ]
    # A customer account never appears in a customer's or another portal's form.
    client.force_login(setting.emily)
    assert "On behalf of" not in client.get(reverse("customer:ticket-new")).content.decode()


def test_the_whole_flow_partner_contact_and_desk(
    setting, client, django_capture_on_commit_callbacks
):
    s = setting
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, s.agus, on_behalf_of=for_acme(s), contact_email="Emily@Acme.example")
    ticket = Ticket.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("partner:ticket-detail", args=[ticket.reference])
    assert (ticket.queue.slug, ticket.on_behalf_of, ticket.organisation, ticket.portal) == (
        "partner-desk",
        s.acme,
        s.nusantara,
        Role.PARTNER,
    )
    assert list(ticket.invitations.values_list("email", flat=True)) == ["emily@acme.example"]
    invitation = OutboundEmail.objects.get(to="emily@acme.example")
    assert ticket.reference in invitation.subject
    assert f"/customer/tickets/{ticket.reference}/" in invitation.body_text
    assert "Acme Logistics" in invitation.body_text

    detail = reverse("customer:ticket-detail", args=[ticket.reference])
    client.force_login(s.emily)
    listing = client.get(reverse("customer:tickets")).content.decode()
    assert ticket.subject in listing and "asked for you by" in listing
    page = client.get(detail).content.decode()
    assert "Nusantara Test" in page and "Close ticket" not in page

    # The desk sees whom it is for and that the contact follows it; its note stays inside.
    client.force_login(s.hendra)
    workspace = client.get(reverse("employee:work-ticket", args=[ticket.reference]))
    assert "On behalf of <strong>Acme Logistics</strong>" in workspace.content.decode()
    assert "follows it in the customer portal" in workspace.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        ticket_reply(
            ticket=ticket, author=s.hendra, side=Side.AGENT, body="APN is wrong", internal=True
        )
        ticket_reply(
            ticket=ticket, author=s.hendra, side=Side.AGENT, body="Please restart one unit."
        )
    reply_mail = set(
        OutboundEmail.objects.filter(subject__contains="New reply").values_list("to", flat=True)
    )
    assert reply_mail == {s.agus.email, "emily@acme.example"}
    emily_reply_path = OutboundEmail.objects.filter(
        to="emily@acme.example", subject__contains="New reply"
    ).get()
    assert f"/customer/tickets/{ticket.reference}/" in emily_reply_path.body_text
    agus_reply = OutboundEmail.objects.get(to=s.agus.email, subject__contains="New reply")
    assert f"/partner/support/{ticket.reference}/" in agus_reply.body_text

    client.force_login(s.emily)
    page = client.get(detail).content.decode()
    assert "Please restart one unit." in page and "APN is wrong" not in page
    response = client.post(
        reverse("customer:ticket-reply", args=[ticket.reference]), {"body": "Restarted: LED green."}
    )
    assert response.status_code == 302
    refused = client.post(
        reverse("customer:ticket-status", args=[ticket.reference]), {"action": "close"}, follow=True
    )
    assert "The partner who asked closes" in refused.content.decode()
    ticket.refresh_from_db()
    assert ticket.status != Status.CLOSED

    client.force_login(s.agus)
    partner_page = client.get(reverse("partner:ticket-detail", args=[ticket.reference]))
    text = partner_page.content.decode()
    assert "Restarted: LED green." in text and "APN is wrong" not in text
    assert "emily@acme.example" in text and "Acme Logistics" in text
    assert "Close ticket" in text  # the partner's side decides

    # Who finds nothing: another firm, a colleague who is no admin, the customer's people who
    # were not invited, and strangers.
    partner_url = reverse("partner:ticket-detail", args=[ticket.reference])
    assert status_of(client, s.liam, partner_url) == 404
    assert status_of(client, s.rizky, partner_url) == 404
    for person in (s.oliver, s.stranger):
        assert status_of(client, person, detail) == 404
    client.force_login(s.oliver)
    assert (
        ticket.subject
        not in client.get(
            reverse("customer:tickets") + "?scope=organisation&status=all"
        ).content.decode()
    )


def test_nobody_asks_for_a_customer_their_firm_does_not_serve(setting, client):
    s = setting
    harbour = OrganisationFactory(name="Harbour Freight", email_domain="harbour.example")
    pacific = s.liam.role_assignments.get().organisation
    served_deal(pacific, harbour, s.hendra)
    crafted = ask(client, s.agus, on_behalf_of=f"{harbour.pk}:{pacific.pk}", subject="Kept")
    assert crafted.status_code == 400
    assert "Select a valid choice" in crafted.content.decode()
    assert "Kept" in crafted.content.decode()  # what was typed stays
    no_customer = ask(client, s.agus, contact_email="emily@acme.example")
    assert no_customer.status_code == 400
    assert "Choose the end customer whose contact you invite." in no_customer.content.decode()
    assert not Ticket.objects.exists()
    # The service checks again, whoever calls it.
    with pytest.raises(TicketActionError):
        ticket_create(
            requester=s.agus,
            role_assignment=hat(s.agus, Role.PARTNER),
            subject="x",
            description="y",
            on_behalf_of=harbour,
        )
    with pytest.raises(TicketActionError):
        ticket_create(
            requester=s.emily,
            role_assignment=hat(s.emily),
            subject="x",
            description="y",
            on_behalf_of=s.acme,
        )
    assert not TicketInvitation.objects.exists()
