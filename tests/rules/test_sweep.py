"""The timer sweep: set-based, at most once per record and level, even when run twice at once."""

import threading
from datetime import datetime

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from core.access.roles import Role
from core.notifications.models import OutboundEmail
from core.orgs.models import ValueTier
from core.rules.engine import sweep
from core.rules.models import RuleFiring
from tests.factories import OrganisationFactory, person_with
from tests.tickets.factories import customer, open_ticket, support_desk

from .factories import JAKARTA, monday_9am, rule

FRIDAY = datetime(2026, 6, 12, 16, 0, tzinfo=JAKARTA)  # well past 20 business hours


def escalation(desk, manager):
    return rule(
        "Gold High unassigned",
        trigger="time",
        calendar=desk.calendar,
        conditions=[
            ("priority", "equals", "high"),
            ("value_tier", "equals", "gold"),
            ("assignee", "is_empty", ""),
        ],
        levels=[(1, 20)],
        actions=[{"kind": "notify", "level": 1, "person": manager}],
    )


def gold_tickets(count, organisation=None):
    organisation = organisation or OrganisationFactory(value_tier=ValueTier.GOLD)
    requester = customer(organisation)
    return [open_ticket(requester, priority="high", at=monday_9am()) for _ in range(count)]


@pytest.mark.django_db
def test_a_re_run_claims_nothing_new_and_sends_nothing_twice():
    desk = support_desk()
    manager = person_with(Role.EMPLOYEE)
    escalation(desk, manager)
    tickets = gold_tickets(3)
    assert sum(sweep(FRIDAY).values()) == 3
    assert sum(sweep(FRIDAY).values()) == 0
    assert OutboundEmail.objects.filter(to=manager.email).count() == 3
    assert set(RuleFiring.objects.values_list("object_id", flat=True)) == {t.pk for t in tickets}


@pytest.mark.django_db
def test_a_batch_limit_leaves_the_rest_for_the_next_run():
    desk = support_desk()
    escalation(desk, person_with(Role.EMPLOYEE))
    gold_tickets(5)
    assert sum(sweep(FRIDAY, limit=2).values()) == 2
    assert sum(sweep(FRIDAY, limit=2).values()) == 2
    assert sum(sweep(FRIDAY, limit=2).values()) == 1
    assert sum(sweep(FRIDAY, limit=2).values()) == 0


def _sweep_queries(count) -> int:
    """Queries of a sweep that finds nothing due over `count` open, already-claimed tickets."""
    with CaptureQueriesContext(connection) as queries:
        sweep(FRIDAY)
    return len(queries)


@pytest.mark.django_db
def test_the_sweep_reads_with_a_fixed_number_of_queries_whatever_the_number_of_tickets():
    desk = support_desk()
    escalation(desk, person_with(Role.EMPLOYEE))
    organisation = OrganisationFactory(value_tier=ValueTier.GOLD)
    gold_tickets(2, organisation)
    sweep(FRIDAY)
    few = _sweep_queries(2)
    gold_tickets(30, organisation)
    sweep(FRIDAY)  # claims and acts on the 30 new ones
    assert _sweep_queries(32) == few


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_act_once_per_ticket():
    desk = support_desk()
    manager = person_with(Role.EMPLOYEE)
    escalation(desk, manager)
    tickets = gold_tickets(40)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            barrier.wait(timeout=10)
            results.append(sum(sweep(FRIDAY).values()))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert sum(results) == len(tickets)
    assert RuleFiring.objects.count() == len(tickets)
    assert OutboundEmail.objects.filter(to=manager.email).count() == len(tickets)
