"""What a person holds is kept in the shared cache between requests, and every way it can
change makes the next request read it afresh."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.access import facts, policies
from core.access.roles import PORTALS, Duty, Role
from core.access.tickets import worked_queue_ids
from core.people.models import Person, RoleAssignment
from core.people.services import role_end, role_grant
from tests.factories import OrganisationFactory, give_totp, person_with
from tests.tickets.factories import support_desk

pytestmark = pytest.mark.django_db


def next_request(person) -> Person:
    """The person as the next request loads them: nothing remembered on the object."""
    return Person.objects.get(pk=person.pk)


def queries_for(call) -> int:
    with CaptureQueriesContext(connection) as queries:
        call()
    return len(queries)


def test_a_person_is_read_once_then_comes_from_the_cache():
    person = next_request(person_with(Role.CUSTOMER, Role.PARTNER, Role.INVESTOR))

    def ask_everything():
        for _ in range(5):
            assert len(policies.portals_for(person)) == 3
            assert policies.holds_role(person, Role.PARTNER)
            assert not policies.has_mfa(person)

    assert queries_for(ask_everything) == 2  # assignments, and whether a second factor is set
    person = next_request(person)
    assert queries_for(ask_everything) == 0


def test_staff_duties_and_worked_queues_are_cached_with_the_roles():
    desk = support_desk()
    closed = support_desk(slug="closed", role=None, group="Closed desk")
    closed.queue.is_active = False
    closed.queue.save()
    desk.agent.groups.add(*closed.queue.agent_groups.all())
    agent = next_request(desk.agent)

    def ask():
        assert policies.has_duty(agent, Duty.AGENT)
        assert worked_queue_ids(agent) == {desk.queue.pk}  # the inactive queue is not worked
        assert policies.has_mfa(agent)

    # Assignments, groups with their queues, second factor, model permissions.
    assert queries_for(ask) == 4
    agent = next_request(agent)
    assert queries_for(ask) == 0


def test_an_assignment_starting_later_counts_from_its_start_without_a_new_read():
    person = person_with(Role.CUSTOMER)
    starts = timezone.now() + timedelta(days=2)
    role_grant(person=person, role=Role.INVESTOR, since=starts)
    held = facts.facts_of(next_request(person))
    assert {a.role for a in held.current_assignments(timezone.now())} == {Role.CUSTOMER}
    later = starts + timedelta(minutes=1)
    assert {a.role for a in held.current_assignments(later)} == {Role.CUSTOMER, Role.INVESTOR}


def test_roles_granted_and_ended_through_the_services_show_at_once():
    person = person_with(Role.CUSTOMER)
    assert policies.portals_for(next_request(person)) == [PORTALS[Role.CUSTOMER]]
    role_grant(person=person, role=Role.INVESTOR)
    assert set(policies.roles_of(next_request(person))) == {Role.CUSTOMER, Role.INVESTOR}
    role_end(assignment=RoleAssignment.objects.get(person=person, role=Role.CUSTOMER))
    assert policies.roles_of(next_request(person)) == {Role.INVESTOR}


def test_assignments_saved_or_deleted_directly_show_at_once():
    """The Django admin edits assignments without the services."""
    person = person_with(Role.CUSTOMER, Role.INVESTOR)
    assert len(policies.roles_of(next_request(person))) == 2
    customer = RoleAssignment.objects.get(person=person, role=Role.CUSTOMER)
    customer.until = timezone.now()
    customer.save()
    assert policies.roles_of(next_request(person)) == {Role.INVESTOR}
    RoleAssignment.objects.filter(person=person).delete()
    assert policies.roles_of(next_request(person)) == set()


def rename(group, name):
    group.name = name
    group.save()


@pytest.mark.parametrize(
    "change",
    [
        lambda person, group: person.groups.remove(group),
        lambda person, group: person.groups.clear(),
        lambda person, group: group.user_set.remove(person),
        lambda person, group: group.user_set.clear(),
        lambda person, group: rename(group, "Former editors"),
        lambda person, group: group.delete(),
    ],
    ids=["person-remove", "person-clear", "group-remove", "group-clear", "rename", "delete"],
)
def test_leaving_a_staff_group_takes_its_duty_at_once(change):
    person = person_with(Role.EMPLOYEE, duties=(Duty.CONTENT_EDITOR,))
    group = Group.objects.get(name=Duty.CONTENT_EDITOR.value)
    assert policies.has_duty(next_request(person), Duty.CONTENT_EDITOR)
    change(person, group)
    assert not policies.has_duty(next_request(person), Duty.CONTENT_EDITOR)


def test_joining_a_staff_group_from_the_group_side_gives_its_duty_at_once():
    person = person_with(Role.EMPLOYEE)
    assert not policies.has_duty(next_request(person), Duty.CONTENT_EDITOR)
    Group.objects.get(name=Duty.CONTENT_EDITOR.value).user_set.add(person)
    assert policies.has_duty(next_request(person), Duty.CONTENT_EDITOR)


@pytest.mark.parametrize(
    "change",
    [
        lambda queue, group: setattr(queue, "is_active", False) or queue.save(),
        lambda queue, group: queue.agent_groups.remove(group),
        lambda queue, group: queue.agent_groups.clear(),
        lambda queue, group: group.ticket_queues.remove(queue),
        lambda queue, group: group.ticket_queues.clear(),
    ],
    ids=["deactivated", "queue-remove", "queue-clear", "group-remove", "group-clear"],
)
def test_a_queue_no_longer_worked_drops_from_its_agents_at_once(change):
    desk = support_desk()
    group = desk.queue.agent_groups.get()
    assert worked_queue_ids(next_request(desk.agent)) == {desk.queue.pk}
    change(desk.queue, group)
    assert worked_queue_ids(next_request(desk.agent)) == frozenset()


def test_a_queue_given_to_a_group_reaches_its_agents_at_once():
    desk = support_desk()
    billing = support_desk(slug="billing", role=None, group="Billing team")
    assert worked_queue_ids(next_request(desk.agent)) == {desk.queue.pk}
    billing.queue.agent_groups.add(desk.queue.agent_groups.get())
    assert worked_queue_ids(next_request(desk.agent)) == {desk.queue.pk, billing.queue.pk}
    desk.queue.agent_groups.get().ticket_queues.remove(billing.queue)
    assert worked_queue_ids(next_request(desk.agent)) == {desk.queue.pk}


def test_setting_up_or_removing_a_second_factor_shows_at_once():
    person = person_with(Role.EMPLOYEE, mfa=False)
    assert not policies.has_mfa(next_request(person))
    give_totp(person)
    assert policies.has_mfa(next_request(person))
    Authenticator.objects.filter(user=person).delete()
    assert not policies.has_mfa(next_request(person))


def test_an_organisation_renamed_is_seen_in_its_people_s_assignments():
    organisation = OrganisationFactory(name="PT Lama")
    person = person_with(Role.CUSTOMER, organisation=organisation)
    assert policies.organisations_of(next_request(person), Role.CUSTOMER)[0].name == "PT Lama"
    organisation.name = "PT Baru"
    organisation.save()
    assert policies.organisations_of(next_request(person), Role.CUSTOMER)[0].name == "PT Baru"


def test_what_another_process_cached_before_the_commit_is_forgotten_at_commit(
    django_capture_on_commit_callbacks,
):
    person = person_with(Role.CUSTOMER, Role.INVESTOR)
    before = facts.facts_of(next_request(person))
    with django_capture_on_commit_callbacks(execute=True):
        role_end(assignment=RoleAssignment.objects.get(person=person, role=Role.CUSTOMER))
        # A request elsewhere read the rows from before the change and caches them now.
        facts.cache.set(facts._KEY.format(person.pk), before)
    assert policies.roles_of(next_request(person)) == {Role.INVESTOR}


def test_a_customer_whose_role_ends_is_refused_on_the_next_page(sign_in):
    person = person_with(Role.CUSTOMER)
    client = sign_in(person)
    assert client.get(reverse("customer:dashboard")).status_code == 200
    role_end(assignment=RoleAssignment.objects.get(person=person))
    assert client.get(reverse("customer:dashboard")).status_code != 200
