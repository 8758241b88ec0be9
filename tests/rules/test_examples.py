"""The issue's examples, each written as data (rows staff would enter), with its effect."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from core.access.roles import Role
from core.audit.models import AuditEvent
from core.notifications.models import OutboundEmail
from core.notifications.services import email_deliver
from core.orgs.models import ValueTier
from core.rules.engine import sweep
from core.rules.models import ReplyTemplate, RuleFiring, Tag
from core.staff.models import EmployeeProfile
from core.tickets.lifecycle import Side, Status
from core.tickets.models import Ticket
from core.tickets.services import ticket_change_status, ticket_update
from tests.factories import OrganisationFactory, person_with
from tests.tickets.factories import customer, open_ticket, support_desk

from .factories import JAKARTA, monday_9am, recent_local, rule

pytestmark = pytest.mark.django_db


def emails_to(person) -> list[OutboundEmail]:
    """What `person` was sent, each e-mail delivered (so rendered) as the worker would."""
    emails = OutboundEmail.objects.filter(to=person.email).order_by("pk")
    for email_id in emails.values_list("pk", flat=True):
        email_deliver(email_id)
    return list(emails.all())


@pytest.fixture
def run_after_commit(django_capture_on_commit_callbacks):
    """Run what the services send after commit (rule evaluation, e-mails), as Celery would."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


# --- escalation: Gold tier, High priority, no assignee, 20 and 30 business hours ---------------


@pytest.fixture
def gold_escalation():
    desk = support_desk()
    manager = person_with(Role.EMPLOYEE, full_name="Dian Permata")
    heads = Group.objects.create(name="Support leads")
    head = person_with(Role.EMPLOYEE)
    head.groups.add(heads)
    escalation = rule(
        "Gold High unassigned",
        trigger="time",
        calendar=desk.calendar,
        conditions=[
            ("priority", "equals", "high"),
            ("value_tier", "equals", "gold"),
            ("assignee", "is_empty", ""),
            ("status", "in", "new,open"),
        ],
        levels=[(1, 20), (2, 30)],
        actions=[
            {"kind": "notify", "level": 1, "person": manager},
            {"kind": "set_field", "level": 2, "field": "priority", "value": "urgent"},
            {"kind": "notify", "level": 2, "team": heads},
        ],
    )
    gold = OrganisationFactory(value_tier=ValueTier.GOLD)
    silver = OrganisationFactory(value_tier=ValueTier.SILVER)
    ticket = open_ticket(customer(gold), priority="high", at=monday_9am())
    other = open_ticket(customer(silver), priority="high", at=monday_9am())
    return desk, manager, head, escalation, ticket, other


def test_escalation_waits_for_twenty_business_hours(gold_escalation):
    _desk, manager, _head, _rule, _ticket, _other = gold_escalation
    # Monday 09:00 + 19 working hours (09–17) is Wednesday 12:00.
    sweep(datetime(2026, 6, 10, 12, 0, tzinfo=JAKARTA))
    assert emails_to(manager) == []
    assert RuleFiring.objects.count() == 0


def test_level_one_notifies_the_service_manager_once(gold_escalation):
    _desk, manager, head, escalation, ticket, other = gold_escalation
    wednesday_13h = datetime(2026, 6, 10, 13, 0, tzinfo=JAKARTA)
    sweep(wednesday_13h)
    sweep(wednesday_13h + timedelta(minutes=1))  # the next run, and a duplicated one
    sweep(wednesday_13h + timedelta(minutes=1))
    assert len(emails_to(manager)) == 1
    assert "Escalation level 1" in emails_to(manager)[0].subject
    assert emails_to(head) == []
    firing = RuleFiring.objects.get()
    assert (firing.rule, firing.object_id, firing.level) == (escalation, ticket.pk, 1)
    assert not RuleFiring.objects.filter(object_id=other.pk).exists()  # Silver tier
    event = AuditEvent.objects.for_object(ticket).get(action="rule.fired")
    assert event.changes["rule"] == "Gold High unassigned" and event.changes["level"] == 1


def test_level_two_raises_the_priority_and_notifies_the_leads(gold_escalation):
    _desk, manager, head, _rule, ticket, _other = gold_escalation
    sweep(datetime(2026, 6, 11, 15, 0, tzinfo=JAKARTA))  # Monday 09:00 + 30 h: Thursday 15:00
    ticket.refresh_from_db()
    assert ticket.priority == "urgent"
    assert len(emails_to(head)) == 1
    assert len(emails_to(manager)) == 1  # level 1 is due too, and fires once
    assert sorted(RuleFiring.objects.values_list("level", flat=True)) == [1, 2]
    # Raised to urgent, it no longer matches "priority equals high": later sweeps do nothing.
    sweep(datetime(2026, 6, 15, 15, 0, tzinfo=JAKARTA))
    assert RuleFiring.objects.count() == 2


def test_an_assigned_ticket_is_not_escalated(gold_escalation):
    desk, manager, _head, _rule, ticket, _other = gold_escalation
    ticket_update(ticket=ticket, by=desk.agent, assignee=desk.agent)
    sweep(datetime(2026, 6, 12, 16, 0, tzinfo=JAKARTA))
    assert emails_to(manager) == []


def test_a_paused_rule_does_nothing(gold_escalation):
    _desk, manager, _head, escalation, _ticket, _other = gold_escalation
    escalation.is_active = False
    escalation.save()
    sweep(datetime(2026, 6, 12, 16, 0, tzinfo=JAKARTA))
    assert emails_to(manager) == []


# --- auto-reply outside business hours ----------------------------------------------------------


@pytest.fixture
def auto_reply():
    desk = support_desk()
    template = ReplyTemplate.objects.create(
        name="Out of hours",
        body="Hello {{ name }}, thank you for {{ reference }}. We are closed; we reply "
        "when we open again.",
    )
    rule(
        "Out-of-hours reply on Support",
        trigger="created",
        calendar=desk.calendar,
        conditions=[("queue", "equals", "support"), ("created_at", "outside_bh", "")],
        actions=[{"kind": "reply", "template": template}],
    )
    return desk


def test_a_ticket_on_saturday_gets_the_out_of_hours_reply(auto_reply, run_after_commit):
    siti = customer(full_name="Siti Rahayu")
    ticket = run_after_commit(lambda: open_ticket(siti, at=recent_local(5, 10)))
    reply = ticket.messages.get()
    assert reply.author is None and not reply.is_internal
    assert reply.body.startswith("Hello Siti")
    assert ticket.reference in reply.body
    ticket.refresh_from_db()
    assert ticket.first_responded_at is None  # an automatic reply is no first response
    assert any("closed" in email.body_text for email in emails_to(siti))


def test_a_ticket_in_office_hours_gets_no_automatic_reply(auto_reply, run_after_commit):
    ticket = run_after_commit(lambda: open_ticket(customer(), at=recent_local(1, 10)))
    assert not ticket.messages.exists()
    assert not RuleFiring.objects.exists()


# --- assignment: least loaded, round robin, by skill -----------------------------------------


@pytest.fixture
def partner_desk():
    desk = support_desk(slug="partner-desk", role=Role.PARTNER, group="Channel managers")
    return desk


def partner_ticket(**kwargs):
    partner = person_with(Role.PARTNER)
    from tests.tickets.factories import hat

    return open_ticket(partner, role_assignment=hat(partner, Role.PARTNER), **kwargs)


def test_new_partner_tickets_go_to_the_least_loaded_channel_manager(partner_desk, run_after_commit):
    busy, free = partner_desk.agent, partner_desk.other_agent
    for _ in range(2):
        ticket_update(ticket=partner_ticket(), by=busy, assignee=busy)
    rule(
        "Partner desk: least loaded",
        conditions=[("queue", "equals", "partner-desk")],
        actions=[{"kind": "assign", "strategy": "least_loaded"}],
    )
    ticket = run_after_commit(partner_ticket)
    ticket.refresh_from_db()
    assert ticket.assignee == free


def test_round_robin_takes_turns(partner_desk, run_after_commit):
    rule(
        "Partner desk: round robin",
        conditions=[("queue", "equals", "partner-desk")],
        actions=[{"kind": "assign", "strategy": "round_robin"}],
    )
    assignees = [run_after_commit(partner_ticket) for _ in range(4)]
    for ticket in assignees:
        ticket.refresh_from_db()
    people = [t.assignee_id for t in assignees]
    assert people[0] != people[1] and people[0] == people[2] and people[1] == people[3]


def test_assignment_by_skill(partner_desk, run_after_commit):
    sap = partner_desk.other_agent
    EmployeeProfile.objects.update_or_create(person=sap, defaults={"skills": "Mandarin, SAP"})
    EmployeeProfile.objects.update_or_create(
        person=partner_desk.agent, defaults={"skills": "SAPUI5"}
    )
    rule(
        "Integration questions to SAP people",
        conditions=[("subject", "contains", "SAP")],
        actions=[{"kind": "assign", "strategy": "skill", "skill": "sap"}],
    )
    ticket = run_after_commit(lambda: partner_ticket(subject="SAP connector fails"))
    ticket.refresh_from_db()
    assert ticket.assignee == sap


def test_nobody_available_is_written_down_not_raised(partner_desk, run_after_commit):
    Group.objects.get(name="Channel managers").user_set.clear()
    rule("Assign", actions=[{"kind": "assign", "strategy": "least_loaded"}])
    ticket = run_after_commit(partner_ticket)
    assert ticket.assignee_id is None
    assert RuleFiring.objects.get().outcome == {"actions": ["assign: nobody available"]}


# --- order, stop, changed to, tags ---------------------------------------------------------------


def test_rules_run_in_order_and_one_can_stop_the_rest(run_after_commit):
    support_desk()
    rule("Second", order=20, actions=[{"kind": "add_tag", "value": "second"}])
    rule("First", order=10, stop_later_rules=True, actions=[{"kind": "add_tag", "value": "first"}])
    ticket = run_after_commit(lambda: open_ticket(customer()))
    assert list(Tag.objects.filter(object_id=ticket.pk).values_list("name", flat=True)) == ["first"]


def test_changed_to_fires_on_that_change_only(run_after_commit):
    desk = support_desk()
    watcher = person_with(Role.EMPLOYEE)
    rule(
        "Urgent: tell the duty manager",
        trigger="changed",
        conditions=[("priority", "changed_to", "urgent")],
        actions=[{"kind": "notify", "person": watcher}, {"kind": "add_tag", "value": "hot"}],
    )
    rule(
        "Tagged hot tickets get a second tag",
        trigger="changed",
        conditions=[("tags", "has_tag", "hot")],
        actions=[{"kind": "add_tag", "value": "watched"}],
        order=200,
    )
    ticket = open_ticket(customer())
    run_after_commit(lambda: ticket_update(ticket=ticket, by=desk.agent, assignee=desk.agent))
    assert emails_to(watcher) == []
    run_after_commit(lambda: ticket_update(ticket=ticket, by=desk.agent, priority="urgent"))
    assert len(emails_to(watcher)) == 1
    # In the same evaluation the second rule sees the tag the first one added.
    assert set(Tag.objects.values_list("name", flat=True)) == {"hot", "watched"}


def test_a_rule_s_own_change_does_not_fire_rules_again(run_after_commit):
    support_desk()
    rule(
        "Raise everything",
        trigger="created",
        actions=[{"kind": "set_field", "field": "priority", "value": "high"}],
    )
    rule("Count changes", trigger="changed", actions=[{"kind": "add_tag", "value": "changed"}])
    ticket = run_after_commit(lambda: open_ticket(customer()))
    ticket.refresh_from_db()
    assert ticket.priority == "high"
    assert not Tag.objects.exists()


def test_a_retried_event_fires_once(run_after_commit):
    from core.rules.engine import evaluate_event

    support_desk()
    rule("Tag", actions=[{"kind": "add_tag", "value": "seen"}])
    ticket = open_ticket(customer())
    for _ in range(2):
        evaluate_event(
            kind="ticket",
            object_id=ticket.pk,
            trigger="created",
            event="created",
            changes={},
            event_id="e-1",
        )
    assert RuleFiring.objects.count() == 1


# --- deal registrations: a target the partner area registers -----------------------------------


def test_a_deal_over_100000_submitted_in_the_region_notifies_its_channel_manager(
    run_after_commit,
):
    """ "When a deal registration over 100,000 is submitted, notify the regional channel
    manager": the deal target comes from core/partners; the rule is data."""
    from tests.partners.factories import channel_manager, firm, make_deal

    hendra = channel_manager()
    rule(
        "Big deals in Indonesia",
        target="deal_registration",
        trigger="changed",
        event="submitted",
        conditions=[("value", "gt", "100000"), ("country", "equals", "ID")],
        actions=[{"kind": "notify", "person": hendra}],
    )
    jakarta = firm("Nusantara Solutions", country="ID")
    singapore = firm("Pacific Channel Partners", country="SG")
    big = run_after_commit(lambda: make_deal(jakarta, value=Decimal("250000"), submit=True))
    run_after_commit(lambda: make_deal(jakarta, value=Decimal("90000"), submit=True))
    run_after_commit(lambda: make_deal(singapore, value=Decimal("400000"), submit=True))
    run_after_commit(lambda: make_deal(jakarta, value=Decimal("300000")))  # a draft: no event

    assert len(emails_to(hendra)) == 1
    firing = RuleFiring.objects.get()
    assert firing.object_id == big.pk
    assert AuditEvent.objects.filter(action="rule.fired").count() == 1


def test_resolving_fires_the_resolution_rules_only(run_after_commit):
    desk = support_desk()
    rule(
        "On resolution",
        trigger="changed",
        event="resolved",
        actions=[{"kind": "add_tag", "value": "resolved-hook"}],
    )
    ticket = open_ticket(customer())
    run_after_commit(
        lambda: ticket_change_status(ticket=ticket, to=Status.OPEN, by=desk.agent, side=Side.AGENT)
    )
    assert not Tag.objects.exists()
    run_after_commit(
        lambda: ticket_change_status(
            ticket=ticket, to=Status.RESOLVED, by=desk.agent, side=Side.AGENT
        )
    )
    assert Tag.objects.get().name == "resolved-hook"
    assert Ticket.objects.get().status == Status.RESOLVED
    assert mail.outbox is not None
