"""The rendered thread comes from the cache on a second visit, and never shows what was true
before a change: a message, a change, a file, a name; never one side's thread on the other's."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from core.tickets import threads
from core.tickets.lifecycle import Side, Status
from core.tickets.models import TicketInvitation
from core.tickets.services import ticket_change_status, ticket_reply
from core.tickets.threads import _version, rendered_thread
from core.uploads.validation import validate_upload

from .factories import customer, open_ticket, pdf_upload, support_desk

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    return support_desk()


def thread_of(ticket, *, internal=True):
    return rendered_thread(
        ticket,
        internal=internal,
        whole=False,
        file_url_name="employee:work-ticket-file" if internal else "customer:ticket-file",
        contact_emails=[],
    )


def queries(call):
    with CaptureQueriesContext(connection) as captured:
        result = call()
    return result, len(captured)


def test_a_second_rendering_reads_only_the_version(desk):
    ticket = open_ticket(customer())
    ticket_reply(ticket=ticket, author=desk.agent, side=Side.AGENT, body="On it", internal=False)
    first, first_queries = queries(lambda: thread_of(ticket))
    again, again_queries = queries(lambda: thread_of(ticket))
    assert again == first and "On it" in again
    assert again_queries == 1 < first_queries


def test_a_release_with_other_thread_templates_renders_afresh(desk, monkeypatch):
    ticket = open_ticket(customer())
    thread_of(ticket)
    assert queries(lambda: thread_of(ticket))[1] == 1
    monkeypatch.setattr(threads, "_templates_digest", lambda: "another-release")
    assert queries(lambda: thread_of(ticket))[1] > 1


def test_every_addition_to_the_thread_shows_at_once(desk):
    siti = customer()
    ticket = open_ticket(siti)
    thread_of(ticket)
    ticket_reply(ticket=ticket, author=desk.agent, side=Side.AGENT, body="Checking", internal=True)
    assert "Checking" in thread_of(ticket)
    changes = thread_of(ticket).count("Status:")
    ticket = ticket_change_status(ticket=ticket, to=Status.ON_HOLD, by=desk.agent, side=Side.AGENT)
    assert thread_of(ticket).count("Status:") == changes + 1
    ticket_reply(
        ticket=ticket,
        author=siti,
        side=Side.REQUESTER,
        body="Log attached",
        attachments=[validate_upload(pdf_upload("scanner.pdf"))],
    )
    assert "scanner.pdf" in thread_of(ticket)
    before = _version(ticket)
    TicketInvitation.objects.create(ticket=ticket, email="ops@acme.example")
    assert _version(ticket) != before


def test_a_name_changed_shows_at_once_and_a_sign_in_renews_nothing(desk, client):
    ticket = open_ticket(customer())
    ticket_reply(ticket=ticket, author=desk.agent, side=Side.AGENT, body="Hello", internal=False)
    thread_of(ticket)
    client.force_login(desk.agent)  # saves the last sign-in time only
    _thread, count = queries(lambda: thread_of(ticket))
    assert count == 1
    desk.agent.full_name = "Rina Kusuma Dewi"
    desk.agent.save()
    assert "Rina Kusuma Dewi" in thread_of(ticket)


def test_each_side_language_and_time_zone_has_its_own_rendering(desk, client):
    siti = customer()
    ticket = open_ticket(siti)
    ticket_reply(ticket=ticket, author=desk.agent, side=Side.AGENT, body="Secret", internal=True)
    team = thread_of(ticket, internal=True)
    assert "Secret" in team and "Secret" not in thread_of(ticket, internal=False)
    client.force_login(desk.agent)
    assert "Secret" in client.get(reverse("employee:work-ticket", args=[ticket.reference])).text
    client.force_login(siti)
    page = client.get(reverse("customer:ticket-detail", args=[ticket.reference])).text
    assert "Secret" not in page and "opened the ticket" in page

    with translation.override("id"):
        assert "membuka tiket" in thread_of(ticket)
    opened = timezone.localtime(ticket.created_at, timezone.get_fixed_timezone(0))
    later = timezone.localtime(ticket.created_at, timezone.get_fixed_timezone(9 * 60))
    with timezone.override(timezone.get_fixed_timezone(0)):
        assert opened.strftime("%H:%M") in thread_of(ticket)
    with timezone.override(timezone.get_fixed_timezone(9 * 60)):
        assert later.strftime("%H:%M") in thread_of(ticket)
