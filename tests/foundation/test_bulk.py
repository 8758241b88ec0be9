"""core.bulk.update_each: many rows, each with its own values, in one statement."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.bulk import update_each
from core.tickets.models import Ticket
from tests.tickets.factories import customer, open_ticket, support_desk

pytestmark = pytest.mark.django_db


def test_each_row_gets_its_own_values_and_nulls_stay_nulls():
    desk = support_desk()
    requester = customer()
    tickets = [open_ticket(requester) for _ in range(4)]
    untouched = open_ticket(requester)
    now = timezone.now()
    for n, ticket in enumerate(tickets):
        ticket.priority = ["low", "high", "urgent", "normal"][n]
        ticket.sla_due_at = now + timedelta(hours=n) if n else None
        ticket.assignee = desk.agent if n % 2 else None
    with CaptureQueriesContext(connection) as queries:
        assert update_each(tickets, ["priority", "sla_due_at", "assignee"]) == 4
    if connection.vendor == "postgresql":
        assert len(queries) == 1
    saved = Ticket.objects.in_bulk([t.pk for t in tickets])
    for n, ticket in enumerate(tickets):
        row = saved[ticket.pk]
        assert row.priority == ticket.priority
        assert row.sla_due_at == ticket.sla_due_at
        assert row.assignee_id == (desk.agent.pk if n % 2 else None)
    assert Ticket.objects.get(pk=untouched.pk).priority == untouched.priority


def test_nothing_to_save_sends_nothing():
    with CaptureQueriesContext(connection) as queries:
        assert update_each([], ["priority"]) == 0
    assert len(queries) == 0
