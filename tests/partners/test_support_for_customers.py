"""A partner asks the partner desk on behalf of an end customer its firm serves, and invites the
customer's contact: the partner's side, the contact (once they may) and the desk each see the
ticket; another firm, the customer's other people and strangers find nothing (404)."""

from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from core.access import partners as partner_access
from core.access.roles import Duty, OrganisationKind, Role
from core.notifications.models import OutboundEmail
from core.partners.lifecycle import DealStatus
from core.partners.lifecycle import Side as DealSide
from core.partners.services.deals import deal_close, deal_decide
from core.people.services import role_end, role_grant
from core.tickets.lifecycle import Side, Status
from core.tickets.models import Ticket, TicketInvitation
from core.tickets.services import ticket_create, ticket_reply
from core.tickets.services.common import TicketActionError
from tests.factories import OrganisationFactory, PersonFactory, person_with
from tests.tickets.factories import customer, hat, support_desk
from tests.tickets.test_queries import count_queries

from .factories import channel_manager, firm, make_deal, partner_at

pytestmark = pytest.mark.django_db


@dataclass
class Setting:
    nusantara: object
    agus: object  # partner admin at Nusantara
    rizky: object  # Agus's colleague, not an admin
    liam: object  # partner at another firm
    acme: object  # customer account Nusantara won
    emily: object  # Acme contact, the one invited
    oliver: object  # Acme contact, not invited
    stranger: object  # customer of another organisation
    hendra: object  # channel manager, works the partner desk
    deal: object


def served_deal(partner_firm, customer_account, hendra, *, won=False):
    """A registration for `customer_account` that the channel manager approved (and won)."""
    deal = make_deal(
        partner_firm,
        submit=True,
        customer_company=customer_account.name,
        customer_domain=customer_account.email_domain,
    )
    deal = deal_decide(deal=deal, by=hendra, decision=DealStatus.APPROVED)
    if won:
        deal = deal_close(deal=deal, by=hendra, side=DealSide.CHANNEL, won=True)
    return deal


@pytest.fixture
def setting():
    desk = support_desk(slug="partner-desk", role=Role.PARTNER, group=Duty.CHANNEL_MANAGER.value)
    hendra = channel_manager()
    hendra.groups.add(*desk.agent.groups.all())
    nusantara = firm("Nusantara Test")
    acme = OrganisationFactory(name="Acme Logistics", email_domain="acme.example")
    deal = served_deal(nusantara, acme, hendra)
    return Setting(
        nusantara=nusantara,
        agus=partner_at(nusantara, admin=True),
        rizky=partner_at(nusantara),
        liam=partner_at(firm("Pacific Test", tier_slug="silver"), admin=True),
        acme=acme,
        emily=customer(acme, email="emily@acme.example"),
        oliver=customer(acme, admin=True),
        stranger=customer(),
        hendra=hendra,
        deal=deal,
    )


def ask(client, person, **fields):
    client.force_login(person)
    values = {
        "assignment": hat(person, Role.PARTNER).pk,
        "subject": "Trackers stopped reporting",
        "description": "14 of 40 trackers show no position since the update.",
        "priority": "high",
    }
    values.update(fields)
    return client.post(reverse("partner:ticket-new"), values)


def for_acme(s: Setting) -> str:
    return f"{s.acme.pk}:{s.nusantara.pk}"


def status_of(client, person, url) -> int:
    client.force_login(person)
    return client.get(url).status_code


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


def invite(client, person, ticket, email):
    client.force_login(person)
    return client.post(reverse("partner:ticket-invite", args=[ticket.reference]), {"email": email})


def test_the_partner_invites_another_contact_after_asking(
    setting, client, django_capture_on_commit_callbacks
):
    s = setting
    ask(client, s.agus, on_behalf_of=for_acme(s), contact_email="emily@acme.example")
    ticket = Ticket.objects.get()
    page = client.get(reverse("partner:ticket-detail", args=[ticket.reference])).content.decode()
    assert "Invite contact" in page and "emily@acme.example" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, s.agus, ticket, s.oliver.email.upper())
    assert response.status_code == 302
    assert response["Location"] == reverse("partner:ticket-detail", args=[ticket.reference])
    assert list(ticket.invitations.values_list("email", flat=True)) == [
        "emily@acme.example",
        s.oliver.email,
    ]
    assert OutboundEmail.objects.filter(to=s.oliver.email).count() == 1
    page = client.get(response["Location"]).content.decode()
    assert f"We e-mailed {s.oliver.email}" in page
    # Oliver is a customer contact at Acme with that address verified: he sees the ticket now.
    detail = reverse("customer:ticket-detail", args=[ticket.reference])
    assert status_of(client, s.oliver, detail) == 200


def test_a_ticket_without_an_invitation_gets_its_first_contact_later(setting, client):
    s = setting
    ask(client, s.agus, on_behalf_of=for_acme(s))
    ticket = Ticket.objects.get()
    page = client.get(reverse("partner:ticket-detail", args=[ticket.reference])).content.decode()
    assert "Nobody at Acme Logistics follows this ticket yet." in page
    assert invite(client, s.agus, ticket, "emily@acme.example").status_code == 302
    assert status_of(client, s.emily, reverse("customer:ticket-detail", args=[ticket.reference]))


def test_another_firm_and_a_firms_own_question_cannot_invite(setting, client):
    s = setting
    ask(client, s.agus, on_behalf_of=for_acme(s), contact_email="emily@acme.example")
    ticket = Ticket.objects.get()
    assert invite(client, s.liam, ticket, "liam-friend@acme.example").status_code == 404
    assert invite(client, s.rizky, ticket, "rizky-friend@acme.example").status_code == 404
    ask(client, s.agus, subject="Our own question")
    own = Ticket.objects.get(on_behalf_of=None)
    assert invite(client, s.agus, own, "someone@acme.example").status_code == 404
    page = client.get(reverse("partner:ticket-detail", args=[own.reference])).content.decode()
    assert "Invite contact" not in page
    assert list(TicketInvitation.objects.values_list("email", flat=True)) == ["emily@acme.example"]
    # GET is not a way in, and the address exists only for the partner portal.
    client.force_login(s.agus)
    url = reverse("partner:ticket-invite", args=[ticket.reference])
    assert client.get(url).status_code == 405


def test_the_invitation_follows_the_rule_that_opens_the_ticket(setting, client):
    """When the firm no longer serves the customer (no approved or won registration), it can
    still read its ticket but invites nobody more."""
    s = setting
    ask(client, s.agus, on_behalf_of=for_acme(s), contact_email="emily@acme.example")
    ticket = Ticket.objects.get()
    type(s.deal).objects.filter(pk=s.deal.pk).update(status=DealStatus.LOST)
    page = client.get(reverse("partner:ticket-detail", args=[ticket.reference]))
    assert page.status_code == 200 and "Invite contact" not in page.content.decode()
    assert invite(client, s.agus, ticket, "oliver@acme.example").status_code == 404
    assert ticket.invitations.count() == 1


def test_a_bad_address_is_refused_on_the_form_and_what_was_typed_stays(setting, client):
    s = setting
    ask(client, s.agus, on_behalf_of=for_acme(s), contact_email="emily@acme.example")
    ticket = Ticket.objects.get()
    response = invite(client, s.agus, ticket, "oliver at acme")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter a valid email address." in page
    assert 'value="oliver at acme"' in page
    assert ticket.invitations.count() == 1


def test_inviting_the_same_contact_again_changes_nothing(
    setting, client, django_capture_on_commit_callbacks
):
    s = setting
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, s.agus, on_behalf_of=for_acme(s), contact_email="emily@acme.example")
    ticket = Ticket.objects.get()
    events = ticket.events.count()
    mails = OutboundEmail.objects.count()
    invitation = ticket.invitations.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, s.agus, ticket, "EMILY@acme.example")
    assert response.status_code == 302
    assert list(ticket.invitations.all()) == [invitation]
    assert ticket.invitations.get().invited_at == invitation.invited_at
    assert (ticket.events.count(), OutboundEmail.objects.count()) == (events, mails)
    page = client.get(response["Location"]).content.decode()
    assert "emily@acme.example is already invited to this ticket." in page
