"""Every ticket page costs the same number of queries with few or many tickets and messages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.tickets.lifecycle import Side
from core.tickets.services import ticket_reply, ticket_update
from core.uploads.validation import validate_upload

from .factories import customer, open_ticket, png_upload, support_desk

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    return support_desk()


def count_queries(client, url) -> int:
    """Queries of one request at steady state: a first, unmeasured request warms the
    process-wide caches (content types, the site) that a running server already holds."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow_thread(ticket, desk, requester, n):
    for i in range(n):
        ticket_reply(
            ticket=ticket,
            author=desk.agent,
            side=Side.AGENT,
            body=f"Reply {i}",
            internal=i % 2 == 0,
            attachments=[validate_upload(png_upload(f"shot-{i}.png"))],
        )
        ticket_reply(ticket=ticket, author=requester, side=Side.REQUESTER, body=f"Answer {i}")


def test_customer_list_and_dashboard(desk, client):
    budi = customer(admin=True)
    colleague = customer(budi.role_assignments.get().organisation)
    client.force_login(budi)
    open_ticket(budi)
    open_ticket(colleague)
    urls = [
        reverse("customer:tickets"),
        reverse("customer:tickets") + "?scope=organisation&status=all&q=scanner",
        reverse("customer:dashboard"),
    ]
    small = [count_queries(client, url) for url in urls]
    for _ in range(15):
        ticket = open_ticket(colleague)
        ticket_update(ticket=ticket, by=desk.agent, assignee=desk.agent)
        open_ticket(budi)
    assert [count_queries(client, url) for url in urls] == small


def test_customer_ticket_page(desk, client):
    siti = customer()
    ticket = open_ticket(siti, files=[png_upload()])
    client.force_login(siti)
    url = reverse("customer:ticket-detail", args=[ticket.reference])
    grow_thread(ticket, desk, siti, 1)
    small = count_queries(client, url)
    grow_thread(ticket, desk, siti, 8)
    assert count_queries(client, url) == small


def test_agent_queue_my_work_overview_and_workspace(desk, client):
    siti = customer()
    ticket = open_ticket(siti)
    ticket_update(ticket=ticket, by=desk.agent, assignee=desk.agent)
    client.force_login(desk.agent)
    urls = [
        reverse("employee:work"),
        reverse("employee:work-mine"),
        reverse("employee:work-queue", args=[desk.queue.slug]),
        reverse("employee:work-queue", args=[desk.queue.slug]) + "?status=all&sort=priority",
        reverse("employee:work-ticket", args=[ticket.reference]),
        reverse("employee:dashboard"),
    ]
    grow_thread(ticket, desk, siti, 1)
    small = [count_queries(client, url) for url in urls]
    grow_thread(ticket, desk, siti, 6)
    for _ in range(15):
        other = open_ticket(customer())
        ticket_update(ticket=other, by=desk.agent, assignee=desk.agent)
        open_ticket(siti)
    assert [count_queries(client, url) for url in urls] == small


def _bulk_thread(ticket, author, n, *, start=0):
    from datetime import timedelta

    from core.tickets.models import TicketMessage

    TicketMessage.objects.bulk_create(
        TicketMessage(
            ticket=ticket,
            author=author,
            body=f"Message {start + i}",
            is_internal=i % 4 == 0,
            created_at=ticket.created_at + timedelta(minutes=start + i + 1),
        )
        for i in range(n)
    )


def test_a_long_thread_opens_at_its_latest_messages_in_the_same_queries(desk, client):
    from core.tickets.selectors import THREAD_WINDOW

    siti = customer()
    ticket = open_ticket(siti)
    _bulk_thread(ticket, siti, THREAD_WINDOW + 10)
    client.force_login(desk.agent)
    url = reverse("employee:work-ticket", args=[ticket.reference])
    small = count_queries(client, url)
    _bulk_thread(ticket, siti, 200, start=THREAD_WINDOW + 10)
    assert count_queries(client, url) == small

    page = client.get(url).content.decode()
    total = THREAD_WINDOW + 210
    assert f"Message {total - 1}<" in page
    assert f"Message {total - THREAD_WINDOW}<" in page
    assert f"Message {total - THREAD_WINDOW - 1}<" not in page
    assert f"Show {total - THREAD_WINDOW} earlier messages" in page

    whole = client.get(url + "?thread=all").content.decode()
    assert "Message 0<" in whole
    assert "earlier messages" not in whole


def test_the_requester_counts_only_public_messages_left_out(desk, client):
    from core.tickets.selectors import THREAD_WINDOW

    siti = customer()
    ticket = open_ticket(siti)
    _bulk_thread(ticket, siti, THREAD_WINDOW * 2)  # a quarter are internal notes
    client.force_login(siti)
    page = client.get(reverse("customer:ticket-detail", args=[ticket.reference])).content
    public = THREAD_WINDOW * 2 - len(range(0, THREAD_WINDOW * 2, 4))
    assert f"Show {public - THREAD_WINDOW} earlier messages".encode() in page
    assert b"Message 0<" not in page
