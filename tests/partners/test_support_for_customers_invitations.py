"""The partner's side invites another contact of the end customer to a ticket it asked for
them: who may invite, on which tickets, and what a bad or repeated address does (the cast is
in conftest.py)."""

import pytest
from django.urls import reverse

from core.notifications.models import OutboundEmail
from core.partners.lifecycle import DealStatus
from core.tickets.models import Ticket, TicketInvitation

from .customer_support import ask, for_acme, status_of

pytestmark = pytest.mark.django_db


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
