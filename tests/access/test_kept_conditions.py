"""Ticket access filters kept between requests, under the person's access signature: built
once for as long as what the rules read of the person stays the same, and never a stale
filter once it changes."""

import pytest
from django.core.exceptions import EmptyResultSet
from django.db import connection

from core.access import policies
from core.access.compiled import CompiledCondition, KeptConditions
from core.access.roles import Role
from core.access.tickets import (
    kept_condition,
    named_on_portal,
    portal_visibility,
    ticket_visibility,
)
from core.people.models import Person
from core.people.services import role_end, role_grant
from core.tickets.models import Ticket
from tests.factories import OrganisationFactory
from tests.tickets.factories import customer, hat, open_ticket, support_desk

pytestmark = pytest.mark.django_db


def visible_ids(person, **kwargs):
    return set(Ticket.objects.visible_to(person, **kwargs).values_list("pk", flat=True))


def next_request(person):
    """The person as the next request loads them: nothing remembered on the object."""
    return Person.objects.get(pk=person.pk)


@pytest.fixture
def office():
    desk = support_desk()
    organisation = OrganisationFactory()
    siti, budi = customer(organisation), customer(organisation)
    return desk, organisation, siti, open_ticket(siti), open_ticket(budi)


def test_a_new_org_admin_sees_the_organisations_tickets_at_once(office):
    _desk, organisation, siti, own, colleagues = office
    assert visible_ids(next_request(siti)) == {own.pk}
    role_grant(person=siti, role=Role.CUSTOMER, organisation=OrganisationFactory())
    role_end(assignment=hat(siti))
    role_grant(person=siti, role=Role.CUSTOMER, organisation=organisation, is_org_admin=True)
    assert visible_ids(next_request(siti)) == {own.pk, colleagues.pk}


def test_a_hat_taken_off_takes_its_tickets_with_it(office):
    _desk, _organisation, siti, own, _colleagues = office
    assert visible_ids(next_request(siti)) == {own.pk}
    role_end(assignment=hat(siti))
    assert visible_ids(next_request(siti)) == set()


def test_an_assignment_edited_in_place_changes_what_is_seen(office):
    """The admin edits a hat's organisation and admin flag on the same row (same id)."""
    _desk, organisation, siti, own, colleagues = office
    assert visible_ids(next_request(siti)) == {own.pk}
    assignment = hat(siti)
    assignment.is_org_admin = True
    assignment.save()
    assert visible_ids(next_request(siti)) == {own.pk, colleagues.pk}
    assignment.organisation = OrganisationFactory()
    assignment.save()
    assert visible_ids(next_request(siti)) == {own.pk}


def test_an_agent_sees_a_queue_from_the_request_after_joining_it(office):
    desk, _organisation, _siti, own, colleagues = office
    other = support_desk(slug="partners", role=Role.PARTNER, group="partner-desk")
    moved = colleagues
    Ticket.objects.filter(pk=moved.pk).update(queue=other.queue)
    agent = desk.agent
    assert moved.pk not in visible_ids(next_request(agent), as_agent=True)
    agent.groups.add(*other.queue.agent_groups.all())
    assert visible_ids(next_request(agent), as_agent=True) == {own.pk, moved.pk}
    agent.groups.remove(*desk.queue.agent_groups.all())
    assert visible_ids(next_request(agent), as_agent=True) == {moved.pk}


def test_the_same_signature_builds_once(office, monkeypatch):
    _desk, _organisation, siti, _own, _colleagues = office
    built = []
    monkeypatch.setattr("core.access.tickets._KEPT", KeptConditions("tickets.Ticket", size=2))

    def counted(person, role):
        built.append(role)
        return portal_visibility(person, role)

    for _ in range(3):
        kept_condition(counted, next_request(siti), Role.CUSTOMER)
    assert built == [Role.CUSTOMER]
    kept_condition(counted, next_request(siti), Role.PARTNER)
    assert built == [Role.CUSTOMER, Role.PARTNER]


def test_the_oldest_is_let_go_beyond_the_size():
    kept = KeptConditions("tickets.Ticket", size=2)
    built = []

    def build(name):
        return lambda: built.append(name) or ticket_visibility(None)

    kept.get("a", build("a"))
    kept.get("b", build("b"))
    kept.get("a", build("a"))  # a is now the most recent
    kept.get("c", build("c"))  # b goes
    kept.get("a", build("a"))
    kept.get("b", build("b"))
    assert built == ["a", "b", "c", "b"]


def written(condition):
    try:
        return condition.as_sql(
            Ticket.objects.all().query.get_compiler(connection.alias), connection
        )
    except EmptyResultSet:  # the rule admits nothing (NOTHING)
        return "nothing"


@pytest.mark.parametrize(
    ("rule", "args", "kwargs"),
    [
        (ticket_visibility, (), {}),
        (ticket_visibility, (), {"as_agent": True}),
        (ticket_visibility, (), {"as_agent": False}),
        (portal_visibility, (Role.CUSTOMER,), {}),
        (named_on_portal, (Role.CUSTOMER,), {}),
    ],
)
def test_the_kept_sql_is_what_the_rule_writes_today(office, rule, args, kwargs):
    """The signature names every input of the rules: for each kind of person, after each
    kind of change, the kept condition writes what building the rule afresh writes."""
    desk, organisation, siti, _own, _colleagues = office

    def assert_current(person):
        person = next_request(person)
        fresh = CompiledCondition(Ticket, rule(person, *args, **kwargs))
        assert written(kept_condition(rule, person, *args, **kwargs)) == written(fresh)

    for person in (siti, desk.agent):
        assert_current(person)
    role_grant(
        person=siti, role=Role.CUSTOMER, organisation=OrganisationFactory(), is_org_admin=True
    )
    role_grant(person=desk.agent, role=Role.CUSTOMER, organisation=organisation)
    desk.agent.groups.clear()
    for person in (siti, desk.agent):
        assert_current(person)
    assert policies.access_signature(next_request(desk.agent))[2] == ()
