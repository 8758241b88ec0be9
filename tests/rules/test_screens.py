"""The staff screens: "test this rule", the firing history and the webhook delivery log."""

import pytest
from django.urls import reverse

from core.access.roles import Role
from core.orgs.models import ValueTier
from core.rules.models import RuleFiring, WebhookDelivery
from tests.factories import OrganisationFactory, PersonFactory, give_totp, person_with
from tests.queries import queries_to_get
from tests.tickets.factories import customer, open_ticket, support_desk

from .factories import monday_9am, rule

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    admin = PersonFactory(is_staff=True, is_superuser=True)
    give_totp(admin)
    client.force_login(admin)
    return client


@pytest.fixture
def escalation():
    desk = support_desk()
    made = rule(
        "Gold High",
        trigger="time",
        calendar=desk.calendar,
        conditions=[("priority", "equals", "high"), ("value_tier", "equals", "gold")],
        levels=[(1, 20)],
        actions=[{"kind": "set_field", "level": 1, "field": "priority", "value": "urgent"}],
    )
    gold = customer(OrganisationFactory(value_tier=ValueTier.GOLD))
    silver = customer(OrganisationFactory(value_tier=ValueTier.SILVER))
    return made, gold, silver


def test_the_test_screen_lists_matching_tickets_and_changes_nothing(staff, escalation):
    made, gold, silver = escalation
    match = open_ticket(gold, priority="high", subject="Gold and high")
    open_ticket(gold, priority="low", subject="Gold but low")
    open_ticket(silver, priority="high", subject="Silver and high")
    response = staff.get(reverse("admin:rules_rule_test", args=[made.pk]))
    assert response.status_code == 200
    page = response.context["page"]
    assert [t.pk for t in page.object_list] == [match.pk]
    assert "Gold and high" in response.content.decode()
    assert "Silver and high" not in response.content.decode()
    assert not RuleFiring.objects.exists()
    match.refresh_from_db()
    assert match.priority == "high"


def test_at_a_level_only_old_enough_tickets_match(staff, escalation):
    made, gold, _silver = escalation
    old = open_ticket(gold, priority="high", at=monday_9am(weeks_ago=2))
    open_ticket(gold, priority="high")  # just opened
    response = staff.get(reverse("admin:rules_rule_test", args=[made.pk]) + "?level=1")
    assert [t.pk for t in response.context["page"].object_list] == [old.pk]


def test_the_list_is_paginated_with_a_fixed_number_of_queries(staff, escalation):
    made, gold, _silver = escalation
    url = reverse("admin:rules_rule_test", args=[made.pk])

    def queries():
        return queries_to_get(staff, url + "?page=2")

    for _ in range(30):
        open_ticket(gold, priority="high")
    few = queries()
    for _ in range(30):
        open_ticket(gold, priority="high")
    assert queries() == few
    response = staff.get(url + "?page=2")
    assert response.context["page"].paginator.count == 60
    assert len(response.context["page"].object_list) == 25


def test_nobody_but_staff_finds_the_screens(client, escalation):
    made, _gold, _silver = escalation
    client.force_login(person_with(Role.EMPLOYEE, duties=()))
    for url in (
        reverse("admin:rules_rule_test", args=[made.pk]),
        reverse("admin:rules_webhookdelivery_changelist"),
    ):
        assert client.get(url).status_code == 404


def test_an_unknown_rule_is_404(staff):
    assert staff.get(reverse("admin:rules_rule_test", args=[999999])).status_code == 404


def test_staff_read_the_delivery_log_and_the_firing_history(staff, escalation):
    made, gold, _silver = escalation
    ticket = open_ticket(gold, priority="high")
    WebhookDelivery.objects.create(
        rule=made,
        target_kind="ticket",
        object_id=ticket.pk,
        url="https://hooks.example/in",
        payload={},
        idempotency_key="k-1",
        status="failed",
        attempts=2,
        last_error="HTTP 502",
    )
    RuleFiring.objects.create(
        rule=made,
        target_kind="ticket",
        object_id=ticket.pk,
        level=1,
        trigger="time",
        outcome={"actions": ["set priority to urgent"]},
    )
    log = staff.get(reverse("admin:rules_webhookdelivery_changelist")).content.decode()
    assert "https://hooks.example/in" in log and "HTTP 502" in log
    history = staff.get(reverse("admin:rules_rulefiring_changelist")).content.decode()
    assert "set priority to urgent" in history
    assert staff.get(reverse("admin:rules_rule_change", args=[made.pk])).status_code == 200
