"""The sweep acts on a claimed batch at once: queries that do not grow with the batch, and for
every ticket in it the same history, audit, e-mails, tags and webhook deliveries as one alone."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.access.roles import Role
from core.audit.models import AuditEvent
from core.notifications.models import OutboundEmail
from core.notifications.services import email_deliver
from core.rules.engine import sweep
from core.rules.models import RuleFiring, Tag, WebhookDelivery
from core.tickets.models import Queue, Ticket
from tests.factories import OrganisationFactory, person_with
from tests.tickets.factories import support_desk

from .factories import rule
from .test_sweep import FRIDAY, gold_tickets

pytestmark = pytest.mark.django_db

RULE_MAIL = "rule-firing:"  # the outbox key of a rule's e-mails (not the tickets' own receipts)
CONDITIONS = [
    ("priority", "equals", "high"),
    ("value_tier", "equals", "gold"),
    ("assignee", "is_empty", ""),
]


@pytest.fixture
def escalation():
    """Level 1 after 20 business hours does every batched kind of action: notify a person and
    a group, tag, raise the priority, move to another queue, call a webhook."""
    desk = support_desk()
    support_desk(slug="escalations", role=Role.EMPLOYEE, group="Escalation desk")
    manager = person_with(Role.EMPLOYEE, full_name="Dian Permata")
    leads = Group.objects.create(name="Support leads")
    for name in ("Wayan Sudirta", "Grace Lim"):
        person_with(Role.EMPLOYEE, full_name=name).groups.add(leads)
    made = rule(
        "Gold High unassigned",
        trigger="time",
        calendar=desk.calendar,
        conditions=CONDITIONS,
        levels=[(1, 20)],
        actions=[
            {"kind": "notify", "level": 1, "person": manager},
            {"kind": "add_tag", "level": 1, "value": "escalated"},
            {"kind": "set_field", "level": 1, "field": "priority", "value": "urgent"},
            {"kind": "set_field", "level": 1, "field": "queue", "value": "escalations"},
            {"kind": "notify", "level": 1, "team": leads},
            {"kind": "webhook", "level": 1, "url": "http://127.0.0.1:9/hooks", "secret": "s"},
        ],
    )
    return made, manager, leads


def test_acting_on_many_tickets_costs_the_queries_of_acting_on_few(escalation):
    organisation = OrganisationFactory(value_tier="gold")

    def queries(count) -> int:
        gold_tickets(count, organisation)
        with CaptureQueriesContext(connection) as captured:
            assert sum(sweep(FRIDAY).values()) == count
        return len(captured)

    queries(1)  # warms the content-type cache, as a running worker has it
    # 30, not more: SQLite splits an INSERT past 999 parameters (60 e-mails of 14 columns).
    assert queries(3) == queries(30)


def test_every_ticket_of_a_batch_gets_its_own_history_audit_mail_tag_and_delivery(escalation):
    made, manager, leads = escalation
    tickets = gold_tickets(4)
    assert sum(sweep(FRIDAY).values()) == 4
    escalations = Queue.objects.get(slug="escalations")
    recipients = {manager.email, *leads.user_set.values_list("email", flat=True)}
    outcome = [
        "notified 1",
        "tagged escalated",
        "set priority to urgent",
        "set queue to escalations",
        "notified 2",
        "webhook queued",
    ]
    for ticket in tickets:
        row = Ticket.objects.get(pk=ticket.pk)
        assert (row.priority, row.queue_id) == ("urgent", escalations.pk)
        changes = [(e.kind, e.old_value, e.new_value) for e in row.events.exclude(kind="created")]
        assert changes == [("priority", "High", "Urgent"), ("queue", "Support", "Escalations")]
        firing = RuleFiring.objects.get(object_id=ticket.pk)
        assert firing.outcome == {"actions": outcome}
        fired = AuditEvent.objects.for_object(ticket).get(action="rule.fired")
        assert (fired.changes["level"], fired.changes["actions"]) == (1, outcome)
        assert AuditEvent.objects.for_object(ticket).filter(action="ticket.updated").count() == 2
        mails = OutboundEmail.objects.filter(idempotency_key__startswith=f"{RULE_MAIL}{firing.pk}:")
        assert {m.to for m in mails} == recipients and mails.count() == 3
        assert all(email_deliver(m.pk) for m in mails)  # the worker renders as it sends
        assert all(ticket.reference in m.subject for m in mails.all())
        assert Tag.objects.filter(object_id=ticket.pk, name="escalated").exists()
        delivery = WebhookDelivery.objects.get(object_id=ticket.pk)
        # The webhook comes after the field changes and sends what they made of the ticket.
        assert delivery.payload["record"]["reference"] == ticket.reference
        assert delivery.payload["record"]["priority"] == "urgent"
        assert delivery.payload["record"]["queue"] == "escalations"
    assert sum(sweep(FRIDAY).values()) == 0  # urgent now: matches no more, nothing twice
    assert OutboundEmail.objects.filter(idempotency_key__startswith=RULE_MAIL).count() == 12


def test_a_refused_batch_action_is_written_down_for_every_ticket_and_the_rest_still_run():
    desk = support_desk()
    manager = person_with(Role.EMPLOYEE)
    gone = Queue.objects.create(name="Closed desk", slug="closed-desk", intake_role=Role.PARTNER)
    rule(
        "Move the waiting ones",
        trigger="time",
        calendar=desk.calendar,
        conditions=CONDITIONS,
        levels=[(1, 20)],
        actions=[
            {"kind": "set_field", "level": 1, "field": "queue", "value": "closed-desk"},
            {"kind": "notify", "level": 1, "person": manager},
        ],
    )
    gone.delete()  # after the rule was written
    tickets = gold_tickets(3)
    assert sum(sweep(FRIDAY).values()) == 3
    for ticket in tickets:
        outcome = RuleFiring.objects.get(object_id=ticket.pk).outcome["actions"]
        assert outcome[0].startswith("set_field refused:") and outcome[1] == "notified 1"
    assert OutboundEmail.objects.filter(to=manager.email).count() == 3


def test_a_run_works_through_its_batches_up_to_its_limit(escalation, settings):
    settings.RULES_SWEEP_BATCH = 2
    settings.RULES_SWEEP_MAX_BATCHES = 2
    gold_tickets(5)
    assert sum(sweep(FRIDAY).values()) == 4  # two batches of two
    assert sum(sweep(FRIDAY).values()) == 1
    assert RuleFiring.objects.count() == 5
