"""The status lifecycle: allowed transitions only, enforced in one place; history is append-only."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from core.audit.models import AppendOnlyError
from core.tickets import lifecycle
from core.tickets.lifecycle import Side, Status
from core.tickets.models import TicketEvent
from core.tickets.services import ticket_change_status, ticket_rate, ticket_reply
from core.tickets.services.common import TicketActionError

from .factories import customer, open_ticket, support_desk

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    return support_desk()


@pytest.fixture
def siti():
    return customer()


def test_a_new_ticket_is_new_and_its_opening_is_in_the_history(desk, siti):
    ticket = open_ticket(siti)
    assert ticket.status == Status.NEW
    event = ticket.events.get()
    assert (event.kind, event.actor, event.is_public) == ("created", siti, True)


@pytest.mark.parametrize(
    ("start", "to", "ok"),
    [
        (Status.NEW, Status.OPEN, True),
        (Status.OPEN, Status.PENDING, True),
        (Status.PENDING, Status.ON_HOLD, True),
        (Status.ON_HOLD, Status.RESOLVED, True),
        (Status.RESOLVED, Status.CLOSED, True),
        (Status.CLOSED, Status.OPEN, True),
        (Status.RESOLVED, Status.PENDING, False),
        (Status.CLOSED, Status.RESOLVED, False),
        (Status.OPEN, Status.NEW, False),
        (Status.CLOSED, Status.CLOSED, False),
    ],
)
def test_agents_may_make_exactly_the_allowed_transitions(desk, siti, start, to, ok):
    ticket = open_ticket(siti)
    ticket.status = start
    ticket.save(update_fields=["status"])
    if ok:
        ticket = ticket_change_status(ticket=ticket, to=to, by=desk.agent, side=Side.AGENT)
        assert ticket.status == to
        event = ticket.events.filter(kind="status").last()
        assert (event.old_value, event.new_value, event.actor) == (
            start.label,
            to.label,
            desk.agent,
        )
    else:
        with pytest.raises(TicketActionError):
            ticket_change_status(ticket=ticket, to=to, by=desk.agent, side=Side.AGENT)
        ticket.refresh_from_db()
        assert ticket.status == start


def test_the_requester_may_close_but_not_resolve_or_hold(desk, siti):
    ticket = open_ticket(siti)
    for status in (Status.RESOLVED, Status.ON_HOLD, Status.PENDING, Status.OPEN):
        with pytest.raises(TicketActionError):
            ticket_change_status(ticket=ticket, to=status, by=siti, side=Side.REQUESTER)
    ticket = ticket_change_status(ticket=ticket, to=Status.CLOSED, by=siti, side=Side.REQUESTER)
    assert ticket.status == Status.CLOSED and ticket.closed_at is not None


@override_settings(TICKETS_REOPEN_WINDOW_DAYS=14)
def test_the_requester_may_reopen_only_within_the_window(desk, siti):
    ticket = open_ticket(siti)
    resolved_at = timezone.now() - timedelta(days=10)
    ticket = ticket_change_status(
        ticket=ticket, to=Status.RESOLVED, by=desk.agent, side=Side.AGENT, at=resolved_at
    )
    assert lifecycle.may_reopen(ticket, side=Side.REQUESTER, at=timezone.now())
    late = resolved_at + timedelta(days=15)
    assert not lifecycle.may_reopen(ticket, side=Side.REQUESTER, at=late)
    with pytest.raises(TicketActionError, match="no longer be reopened"):
        ticket_change_status(ticket=ticket, to=Status.OPEN, by=siti, side=Side.REQUESTER, at=late)
    ticket = ticket_change_status(ticket=ticket, to=Status.OPEN, by=siti, side=Side.REQUESTER)
    assert ticket.status == Status.OPEN and ticket.resolved_at is None


def test_the_team_may_reopen_after_the_window(desk, siti):
    ticket = open_ticket(siti)
    ticket = ticket_change_status(
        ticket=ticket,
        to=Status.CLOSED,
        by=desk.agent,
        side=Side.AGENT,
        at=timezone.now() - timedelta(days=90),
    )
    ticket = ticket_change_status(ticket=ticket, to=Status.OPEN, by=desk.agent, side=Side.AGENT)
    assert ticket.status == Status.OPEN


def test_automation_may_only_close_resolved_tickets(desk, siti):
    ticket = open_ticket(siti)
    with pytest.raises(TicketActionError):
        ticket_change_status(ticket=ticket, to=Status.CLOSED, by=None, side=Side.SYSTEM)


def test_the_teams_first_public_reply_opens_the_ticket_and_meets_first_response(desk, siti):
    ticket = open_ticket(siti)
    ticket_reply(ticket=ticket, author=desk.agent, side=Side.AGENT, body="Note", internal=True)
    ticket.refresh_from_db()
    assert ticket.status == Status.NEW and ticket.first_responded_at is None
    ticket_reply(ticket=ticket, author=desk.agent, side=Side.AGENT, body="Looking at it")
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN and ticket.first_responded_at is not None


def test_a_reply_can_set_the_next_status(desk, siti):
    ticket = open_ticket(siti)
    ticket_reply(
        ticket=ticket,
        author=desk.agent,
        side=Side.AGENT,
        body="Which version?",
        then_status="pending",
    )
    ticket.refresh_from_db()
    assert ticket.status == Status.PENDING


def test_the_requesters_answer_hands_a_waiting_ticket_back(desk, siti):
    ticket = open_ticket(siti)
    ticket_reply(ticket=ticket, author=desk.agent, side=Side.AGENT, body="?", then_status="pending")
    ticket_reply(ticket=ticket, author=siti, side=Side.REQUESTER, body="4.12.1")
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN


def test_replying_to_a_resolved_ticket_reopens_it_and_a_closed_one_refuses(desk, siti):
    ticket = open_ticket(siti)
    ticket_change_status(ticket=ticket, to=Status.RESOLVED, by=desk.agent, side=Side.AGENT)
    ticket_reply(ticket=ticket, author=siti, side=Side.REQUESTER, body="Still broken")
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN
    ticket_change_status(ticket=ticket, to=Status.CLOSED, by=siti, side=Side.REQUESTER)
    with pytest.raises(TicketActionError, match="closed"):
        ticket_reply(ticket=ticket, author=siti, side=Side.REQUESTER, body="Hello?")


def test_requesters_cannot_write_internal_notes(desk, siti):
    ticket = open_ticket(siti)
    with pytest.raises(TicketActionError):
        ticket_reply(ticket=ticket, author=siti, side=Side.REQUESTER, body="x", internal=True)


def test_a_rating_needs_a_resolved_ticket_and_a_value_from_1_to_5(desk, siti):
    ticket = open_ticket(siti)
    with pytest.raises(TicketActionError):
        ticket_rate(ticket=ticket, by=siti, rating=5)
    ticket_change_status(ticket=ticket, to=Status.RESOLVED, by=desk.agent, side=Side.AGENT)
    with pytest.raises(TicketActionError):
        ticket_rate(ticket=ticket, by=siti, rating=6)
    ticket = ticket_rate(ticket=ticket, by=siti, rating=4, comment="Good")
    assert (ticket.satisfaction_rating, ticket.satisfaction_comment) == (4, "Good")


def test_history_is_append_only_in_python(desk, siti):
    ticket = open_ticket(siti)
    event = ticket.events.get()
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        TicketEvent.objects.filter(pk=event.pk).update(new_value="x")
    with pytest.raises(AppendOnlyError):
        TicketEvent.objects.all().delete()


@pytest.mark.postgres
def test_history_is_append_only_in_the_database(desk, siti):
    from django.db import DatabaseError, transaction

    ticket = open_ticket(siti)
    event = ticket.events.get()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE tickets_ticketevent SET new_value = 'x' WHERE id = %s", [event.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM tickets_ticketevent WHERE id = %s", [event.pk])
