"""E-mail on every public change: once, after commit, with a link back; people may opt out."""

import pytest
from django.core import mail
from django.db import transaction

from core.notifications.models import OutboundEmail
from core.notifications.preferences import preferences_update
from core.tickets.lifecycle import Side, Status
from core.tickets.services import ticket_change_status, ticket_reply, ticket_update

from .factories import customer, open_ticket, support_desk

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    return support_desk()


def test_the_requester_gets_a_receipt_once_and_only_after_commit(
    desk, django_capture_on_commit_callbacks
):
    siti = customer()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ticket = open_ticket(siti)
    assert mail.outbox == []  # written to the outbox, not sent
    assert OutboundEmail.objects.filter(to=siti.email, status="pending").count() == 1
    for callback in callbacks:
        callback()
    for callback in callbacks:  # a redelivered task sends nothing more
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [siti.email]
    assert ticket.reference in message.subject
    assert f"/customer/tickets/{ticket.reference}/" in message.body


def test_a_rolled_back_change_sends_nothing(desk, django_capture_on_commit_callbacks):
    siti = customer()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            open_ticket(siti)
            raise RuntimeError
    assert mail.outbox == []
    assert not OutboundEmail.objects.exists()


def test_the_teams_reply_and_status_change_reach_the_requester(
    desk, django_capture_on_commit_callbacks
):
    siti = customer()
    ticket = open_ticket(siti)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ticket_reply(ticket=ticket, author=desk.agent, side=Side.AGENT, body="Try version 4.13")
    subjects = [m.subject for m in mail.outbox]
    assert len(mail.outbox) == 2  # the reply, and new → open
    assert any("New reply" in s for s in subjects)
    assert any("Open" in s for s in subjects)
    reply = next(m for m in mail.outbox if "New reply" in m.subject)
    assert "Try version 4.13" in reply.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ticket_change_status(ticket=ticket, to=Status.RESOLVED, by=desk.agent, side=Side.AGENT)
    assert [m.to for m in mail.outbox] == [[siti.email]]


def test_internal_notes_and_assignments_send_nothing(desk, django_capture_on_commit_callbacks):
    ticket = open_ticket(customer())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ticket_reply(ticket=ticket, author=desk.agent, side=Side.AGENT, body="x", internal=True)
        ticket_update(ticket=ticket, by=desk.agent, assignee=desk.agent)
    assert mail.outbox == []


def test_the_assignee_hears_of_the_requesters_reply_with_a_workspace_link(
    desk, django_capture_on_commit_callbacks
):
    siti = customer()
    ticket = open_ticket(siti)
    ticket_update(ticket=ticket, by=desk.agent, assignee=desk.agent)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ticket_reply(ticket=ticket, author=siti, side=Side.REQUESTER, body="More details")
    assert [m.to for m in mail.outbox] == [[desk.agent.email]]
    assert f"/employee/work/tickets/{ticket.reference}/" in mail.outbox[0].body


def test_people_who_switched_ticket_e_mails_off_get_none(desk, django_capture_on_commit_callbacks):
    siti = customer()
    preferences_update(person=siti, ticket_updates_by_email=False)
    with django_capture_on_commit_callbacks(execute=True):
        ticket = open_ticket(siti)
        ticket_reply(ticket=ticket, author=desk.agent, side=Side.AGENT, body="Hello")
    assert mail.outbox == []


def test_the_profile_page_switches_ticket_e_mails_off(client):
    siti = customer()
    client.force_login(siti)
    page = client.get("/accounts/profile/").content.decode()
    assert 'name="notify-ticket_updates_by_email"' in page
    response = client.post(
        "/accounts/profile/",
        {
            "full_name": siti.full_name,
            "preferred_name": "",
            "language": "en",
            "time_zone": "Asia/Jakarta",
        },
    )
    assert response.status_code == 302
    assert siti.notification_preferences.ticket_updates_by_email is False
