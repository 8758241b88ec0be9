"""SLA due times (business and calendar hours, pauses, priority changes) and the breach sweep."""

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.tickets import sla
from core.tickets.lifecycle import Side, Status
from core.tickets.models import SLAPolicy, Ticket, TicketEvent
from core.tickets.services import (
    ticket_change_status,
    ticket_close_resolved,
    ticket_reply,
    ticket_update,
)
from core.tickets.tasks import sweep_sla_breaches

from .factories import customer, open_ticket, support_desk

pytestmark = pytest.mark.django_db
JAKARTA = ZoneInfo("Asia/Jakarta")


def jkt(*args):
    return datetime(*args, tzinfo=JAKARTA)


MONDAY_9 = jkt(2025, 11, 3, 9)


@pytest.fixture
def desk():
    return support_desk()


def test_due_times_count_business_hours_from_opening(desk):
    ticket = open_ticket(customer(), at=MONDAY_9)
    assert ticket.first_response_due_at == jkt(2025, 11, 3, 13)
    assert ticket.resolution_due_at == jkt(2025, 11, 4, 17)
    assert ticket.sla_due_at == ticket.first_response_due_at


def test_a_friday_afternoon_ticket_is_due_after_the_weekend(desk):
    ticket = open_ticket(customer(), at=jkt(2025, 11, 7, 15))
    assert ticket.first_response_due_at == jkt(2025, 11, 10, 11)
    assert ticket.resolution_due_at == jkt(2025, 11, 11, 15)


def test_holidays_of_the_calendar_move_the_due_time(desk):
    from datetime import date

    from core.calendars.services import calendar_ensure

    calendar_ensure(
        name=desk.calendar.name, time_zone="Asia/Jakarta", holidays=[(date(2025, 11, 3), "Test")]
    )
    ticket = open_ticket(customer(), at=MONDAY_9)
    assert ticket.first_response_due_at == jkt(2025, 11, 4, 13)


def test_calendar_hour_policies_run_around_the_clock():
    support_desk(clock="calendar")
    ticket = open_ticket(customer(), at=jkt(2025, 11, 7, 15))
    assert ticket.first_response_due_at == jkt(2025, 11, 7, 19)
    assert ticket.resolution_due_at == jkt(2025, 11, 8, 7)


def test_no_policy_means_no_due_times(desk):
    SLAPolicy.objects.all().delete()
    ticket = open_ticket(customer(), at=MONDAY_9)
    assert ticket.first_response_due_at is None and ticket.sla_due_at is None


def test_the_first_public_reply_moves_the_next_target_to_resolution(desk):
    ticket = open_ticket(customer(), at=MONDAY_9)
    ticket_reply(
        ticket=ticket, author=desk.agent, side=Side.AGENT, body="On it", at=jkt(2025, 11, 3, 10)
    )
    ticket.refresh_from_db()
    assert ticket.first_responded_at == jkt(2025, 11, 3, 10)
    assert ticket.sla_due_at == ticket.resolution_due_at


def test_waiting_for_the_customer_pauses_the_resolution_clock(desk):
    siti = customer()
    ticket = open_ticket(siti, at=MONDAY_9)
    ticket_reply(
        ticket=ticket,
        author=desk.agent,
        side=Side.AGENT,
        body="Which version?",
        then_status="pending",
        at=jkt(2025, 11, 3, 10),
    )
    ticket.refresh_from_db()
    assert ticket.sla_due_at is None and ticket.sla_paused_at == jkt(2025, 11, 3, 10)
    ticket_reply(
        ticket=ticket, author=siti, side=Side.REQUESTER, body="4.12", at=jkt(2025, 11, 5, 10)
    )
    ticket.refresh_from_db()
    # Paused 16 working hours (Mon 10–17, Tue, Wed 9–10): 16 + 16 hours from Monday 09:00.
    assert ticket.sla_paused_hours == Decimal(16)
    assert ticket.resolution_due_at == jkt(2025, 11, 6, 17)
    assert ticket.sla_due_at == ticket.resolution_due_at and ticket.sla_paused_at is None


def test_a_priority_change_recomputes_unmet_targets(desk):
    SLAPolicy.objects.filter(priority="urgent").update(
        first_response_hours=1, resolution_hours=4, clock="calendar"
    )
    ticket = open_ticket(customer(), at=MONDAY_9)
    ticket = ticket_update(
        ticket=ticket, by=desk.agent, priority="urgent", at=jkt(2025, 11, 3, 9, 5)
    )
    assert ticket.first_response_due_at == jkt(2025, 11, 3, 10)
    assert ticket.resolution_due_at == jkt(2025, 11, 3, 13)
    assert ticket.events.filter(kind="priority", is_public=True).exists()


def test_the_sweep_flags_missed_targets_once_and_notifies_once(
    desk, django_capture_on_commit_callbacks
):
    desk.queue.team_email = "team@samudra.example"
    desk.queue.save()
    siti = customer()
    overdue = open_ticket(siti, at=timezone.now() - timedelta(days=10))
    ticket_update(ticket=overdue, by=desk.agent, assignee=desk.agent)
    fresh = open_ticket(siti)
    answered = open_ticket(siti, at=timezone.now() - timedelta(days=10))
    ticket_reply(ticket=answered, author=desk.agent, side=Side.AGENT, body="Hi")
    waiting = open_ticket(siti, at=timezone.now() - timedelta(days=10))
    ticket_change_status(ticket=waiting, to=Status.PENDING, by=desk.agent, side=Side.AGENT)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = sweep_sla_breaches.delay().get()
    assert result == {"first_response": 1, "resolution": 2}
    overdue.refresh_from_db()
    assert overdue.first_response_breached and overdue.resolution_breached
    answered.refresh_from_db()
    assert not answered.first_response_breached and answered.resolution_breached
    fresh.refresh_from_db()
    waiting.refresh_from_db()
    assert not (fresh.breached or waiting.breached)
    assert overdue.events.filter(kind=TicketEvent.Kind.SLA_BREACH, is_public=False).count() == 2
    recipients = sorted(tuple(m.to) for m in mail.outbox)
    assert recipients.count((desk.agent.email,)) == 2  # first response and resolution
    assert recipients.count(("team@samudra.example",)) == 3
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_sla_breaches.delay().get() == {"first_response": 0, "resolution": 0}
    assert mail.outbox == []
    assert TicketEvent.objects.filter(kind=TicketEvent.Kind.SLA_BREACH).count() == 3


def test_the_sweep_costs_the_same_queries_for_3_or_30_breaches(desk):
    siti = customer()
    long_ago = timezone.now() - timedelta(days=30)

    def sweep_queries(count):
        for _ in range(count):
            open_ticket(siti, at=long_ago)
        with CaptureQueriesContext(connection) as queries:
            flagged = sla.sweep_breaches(timezone.now())
        assert len(flagged["first_response"]) == count
        return len(queries)

    assert sweep_queries(3) == sweep_queries(30)


def test_the_sweep_reads_through_its_partial_index_on_postgresql(desk):
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN output is PostgreSQL's")
    candidates = sla.breach_candidates(sla.FIRST_RESPONSE, timezone.now()).order_by(
        "first_response_due_at"
    )
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        plan = candidates.explain()
        cursor.execute("SET enable_seqscan = on")
    assert "tickets_fr_sweep_idx" in plan


def test_resolved_tickets_close_by_themselves_after_a_week(desk, settings):
    settings.TICKETS_AUTO_CLOSE_DAYS = 7
    siti = customer()
    old, recent = open_ticket(siti), open_ticket(siti)
    ticket_change_status(
        ticket=old,
        to=Status.RESOLVED,
        by=desk.agent,
        side=Side.AGENT,
        at=timezone.now() - timedelta(days=8),
    )
    ticket_change_status(ticket=recent, to=Status.RESOLVED, by=desk.agent, side=Side.AGENT)
    assert ticket_close_resolved(now=timezone.now()) == [old.pk]
    assert Ticket.objects.get(pk=old.pk).status == Status.CLOSED
    assert Ticket.objects.get(pk=recent.pk).status == Status.RESOLVED
    assert ticket_close_resolved(now=timezone.now()) == []
