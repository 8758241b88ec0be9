"""The agent's ticket page lists the requester's other tickets an agent may see, and only
counts the ones in queues they do not work (nothing hidden silently, nothing leaked)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.tickets import selectors

from .factories import customer, open_ticket, support_desk

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_desks():
    return support_desk(), support_desk(slug="billing", role=None, group="Billing team")


def test_other_tickets_in_worked_queues_are_listed_and_the_rest_only_counted(two_desks, client):
    support, billing = two_desks
    siti = customer()
    current = open_ticket(siti, subject="Scanner logs out", queue=support.queue)
    older = open_ticket(siti, subject="Printer jams", queue=support.queue)
    open_ticket(siti, subject="Invoice twice", queue=billing.queue)
    open_ticket(siti, subject="Refund", queue=billing.queue)

    rows, total, visible = selectors.requesters_other_tickets(current, support.agent)

    assert [row.pk for row in rows] == [older.pk]
    assert (total, visible) == (3, 1)
    client.force_login(support.agent)
    page = client.get(reverse("employee:work-ticket", args=[current.reference]))
    assert page.context["other_tickets"] == rows
    assert page.context["others_hidden"] == 2
    html = page.content.decode()
    assert "Invoice twice" not in html
    older_url = reverse("employee:work-ticket", args=[older.reference])
    assert f'<a href="{older_url}">Printer jams</a>' in html
    assert f"{older.reference} · Customer · Support</span>" in html


def test_the_latest_other_tickets_come_first_up_to_the_limit(two_desks):
    support, _ = two_desks
    siti = customer()
    current = open_ticket(siti, queue=support.queue)
    others = [open_ticket(siti, subject=f"Issue {n}", queue=support.queue) for n in range(4)]

    rows, total, visible = selectors.requesters_other_tickets(current, support.agent, limit=3)

    assert [row.pk for row in rows] == [t.pk for t in reversed(others)][:3]
    assert (total, visible) == (4, 4)


def test_a_requester_without_other_tickets_costs_one_query(two_desks):
    support, _ = two_desks
    current = open_ticket(customer(), queue=support.queue)
    support.agent.refresh_from_db()
    selectors.requesters_other_tickets(current, support.agent)  # reads the agent's access

    with CaptureQueriesContext(connection) as queries:
        result = selectors.requesters_other_tickets(current, support.agent)

    assert result == ([], 0, 0)
    assert len(queries) == 1
