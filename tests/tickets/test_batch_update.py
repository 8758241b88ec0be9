"""ticket_update_many records for every ticket what ticket_update records for one (history with
old and new values, the audit entry, SLA targets), in queries that do not grow with the tickets."""

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.access.roles import Role
from core.audit.models import AuditEvent
from core.tickets.models import SLAPolicy, Ticket
from core.tickets.services import ticket_update, ticket_update_many
from tests.factories import person_with

from .factories import customer, open_ticket, support_desk

pytestmark = pytest.mark.django_db

MONDAY_9AM = datetime(2026, 6, 8, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
TUESDAY = MONDAY_9AM + timedelta(days=1, hours=2)


@pytest.fixture
def desks():
    support = support_desk()
    # Urgent tickets have shorter targets, so a raised priority moves them.
    SLAPolicy.objects.filter(queue=support.queue, priority="urgent").update(
        first_response_hours=Decimal(1), resolution_hours=Decimal(4)
    )
    escalations = support_desk(slug="escalations", role=Role.EMPLOYEE, group="Escalation desk")
    return support, escalations


def history(ticket) -> list[tuple]:
    return [
        (e.kind, e.old_value, e.new_value, e.is_public, e.actor_id, e.at)
        for e in ticket.events.exclude(kind="created").order_by("pk")
    ]


def audited(ticket) -> list[dict]:
    events = AuditEvent.objects.for_object(ticket).filter(action="ticket.updated")
    return [event.changes for event in events]


def state(ticket) -> tuple:
    row = Ticket.objects.get(pk=ticket.pk)
    return (
        row.priority,
        row.queue_id,
        row.assignee_id,
        row.first_response_due_at,
        row.resolution_due_at,
        row.sla_due_at,
        row.updated_at,
    )


def twins(support, *, assigned_to=None):
    requester = customer()
    pair = [open_ticket(requester, priority="high", at=MONDAY_9AM) for _ in range(2)]
    if assigned_to is not None:
        for ticket in pair:
            ticket_update(ticket=ticket, by=support.agent, assignee=assigned_to, at=MONDAY_9AM)
    return pair


def test_a_raised_priority_is_recorded_as_ticket_update_records_it(desks):
    support, _escalations = desks
    one, many = twins(support)
    before = state(many)
    ticket_update(ticket=one, by=support.agent, priority="urgent", at=TUESDAY)
    changed = ticket_update_many(tickets=[many], by=support.agent, priority="urgent", at=TUESDAY)
    assert [t.pk for t in changed] == [many.pk]
    assert history(many) == history(one) != []
    assert audited(many) == audited(one) != []
    assert state(many) == state(one)
    assert state(many)[3:6] != before[3:6]  # the urgent policy's targets


def test_a_move_to_a_queue_the_assignee_does_not_work_unassigns_as_ticket_update_does(desks):
    support, escalations = desks
    one, many = twins(support, assigned_to=support.agent)
    ticket_update(ticket=one, by=None, queue=escalations.queue, at=TUESDAY)
    ticket_update_many(tickets=[many], by=None, queue=escalations.queue, at=TUESDAY)
    assert history(many) == history(one)
    assert [kind for kind, *_rest in history(many)][-2:] == ["queue", "assignee"]
    assert state(many) == state(one)
    assert state(many)[2] is None


def test_an_assignee_who_works_the_new_queue_keeps_the_ticket(desks):
    support, escalations = desks
    both = person_with(Role.EMPLOYEE)
    both.groups.add(*support.queue.agent_groups.all(), *escalations.queue.agent_groups.all())
    (ticket, _twin) = twins(support, assigned_to=both)
    ticket_update_many(tickets=[ticket], by=None, queue=escalations.queue, at=TUESDAY)
    assert state(ticket)[1:3] == (escalations.queue.pk, both.pk)


def test_tickets_already_at_the_value_are_left_alone(desks):
    support, _escalations = desks
    ticket = open_ticket(customer(), priority="urgent", at=MONDAY_9AM)
    before = state(ticket)
    assert ticket_update_many(tickets=[ticket], by=None, priority="urgent", at=TUESDAY) == []
    assert state(ticket) == before and history(ticket) == [] and audited(ticket) == []


def test_an_unknown_priority_is_refused(desks):
    ticket = open_ticket(customer(), at=MONDAY_9AM)
    with pytest.raises(ValueError):
        ticket_update_many(tickets=[ticket], by=None, priority="whenever")


def test_the_queries_do_not_grow_with_the_number_of_tickets(desks):
    support, escalations = desks
    requester = customer()

    def queries(count) -> int:
        tickets = [open_ticket(requester, priority="high", at=MONDAY_9AM) for _ in range(count)]
        for ticket in tickets[::2]:
            ticket_update(ticket=ticket, by=support.agent, assignee=support.agent)
        with CaptureQueriesContext(connection) as captured:
            changed = ticket_update_many(
                tickets=tickets, by=None, priority="urgent", queue=escalations.queue, at=TUESDAY
            )
        assert len(changed) == count
        return len(captured)

    queries(1)  # warms the content-type cache, as a running worker has it
    assert queries(3) == queries(24)
