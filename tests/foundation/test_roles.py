from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.access import policies
from core.access.roles import PORTALS, Duty, OrganisationKind, Role
from core.audit.models import AuditEvent
from core.people.models import Person, RoleAssignment
from core.people.services import role_end, role_grant
from tests.factories import OrganisationFactory, PersonFactory, own_company, person_with

pytestmark = pytest.mark.django_db


def test_email_is_the_login_and_is_stored_in_lower_case():
    person = Person.objects.create_user(
        "Dewi.Lestari@Mail.Example", "x-Secret-123", full_name="Dewi"
    )
    assert person.email == "dewi.lestari@mail.example"
    assert Person.objects.get_by_natural_key("DEWI.lestari@mail.example") == person
    assert Person.USERNAME_FIELD == "email"
    assert not hasattr(person, "username")


def test_a_single_name_is_a_whole_name():
    person = PersonFactory(full_name="Sukarno")
    assert person.get_full_name() == "Sukarno"
    assert person.get_short_name() == "Sukarno"


def test_preferred_name_is_used_to_greet():
    assert (
        PersonFactory(full_name="Putu Ayu Pratiwi", preferred_name="Ayu").get_short_name() == "Ayu"
    )


def test_one_person_holds_several_roles_and_portals_follow_them():
    acme = OrganisationFactory(kind=OrganisationKind.CUSTOMER)
    firm = OrganisationFactory(kind=OrganisationKind.PARTNER)
    dewi = PersonFactory()
    role_grant(person=dewi, role=Role.CUSTOMER, organisation=acme)
    role_grant(person=dewi, role=Role.PARTNER, organisation=firm)
    role_grant(person=dewi, role=Role.INVESTOR)

    assert policies.roles_of(dewi) == {Role.CUSTOMER, Role.PARTNER, Role.INVESTOR}
    assert [p.role for p in policies.portals_for(dewi)] == [
        Role.CUSTOMER,
        Role.PARTNER,
        Role.INVESTOR,
    ]
    assert policies.organisations_of(dewi, Role.CUSTOMER) == [acme]


def test_role_must_be_held_at_an_organisation_of_the_matching_kind():
    partner_firm = OrganisationFactory(kind=OrganisationKind.PARTNER)
    with pytest.raises(ValidationError, match="customer"):
        role_grant(person=PersonFactory(), role=Role.CUSTOMER, organisation=partner_firm)


def test_only_investors_may_hold_a_role_without_organisation():
    with pytest.raises(ValidationError):
        role_grant(person=PersonFactory(), role=Role.CUSTOMER, organisation=None)
    assert role_grant(person=PersonFactory(), role=Role.INVESTOR).organisation is None


def test_database_refuses_two_open_assignments_of_the_same_role_at_the_same_organisation():
    person = PersonFactory()
    org = OrganisationFactory()
    RoleAssignment.objects.create(person=person, role=Role.CUSTOMER, organisation=org)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(person=person, role=Role.CUSTOMER, organisation=org)


def test_database_refuses_two_open_individual_investor_assignments():
    person = PersonFactory()
    RoleAssignment.objects.create(person=person, role=Role.INVESTOR)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(person=person, role=Role.INVESTOR)


def test_database_refuses_an_end_before_the_start():
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(
            person=PersonFactory(),
            role=Role.CUSTOMER,
            organisation=OrganisationFactory(),
            since=now,
            until=now - timedelta(days=1),
        )


def test_database_refuses_an_organisation_admin_without_organisation():
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(person=PersonFactory(), role=Role.INVESTOR, is_org_admin=True)


def test_granting_a_role_someone_already_holds_is_refused_with_a_message():
    org = OrganisationFactory()
    person = PersonFactory()
    role_grant(person=person, role=Role.CUSTOMER, organisation=org)
    with pytest.raises(ValidationError):
        role_grant(person=person, role=Role.CUSTOMER, organisation=org)


def test_the_same_role_at_two_organisations_is_fine():
    person = PersonFactory()
    role_grant(person=person, role=Role.CUSTOMER, organisation=OrganisationFactory())
    role_grant(person=person, role=Role.CUSTOMER, organisation=OrganisationFactory())
    assert len(policies.assignments_for(person, Role.CUSTOMER)) == 2


def test_an_ended_role_keeps_its_history_but_no_longer_opens_the_portal():
    person = person_with(Role.PARTNER)
    assignment = RoleAssignment.objects.get(person=person)
    role_end(assignment=assignment)

    person = Person.objects.get(pk=person.pk)
    assert policies.roles_of(person) == set()
    assert RoleAssignment.objects.filter(person=person).count() == 1
    assert AuditEvent.objects.filter(action="role.ended", target_id=str(assignment.pk)).exists()


def test_a_role_that_starts_in_the_future_is_not_held_yet():
    person = PersonFactory()
    role_grant(
        person=person,
        role=Role.CUSTOMER,
        organisation=OrganisationFactory(),
        since=timezone.now() + timedelta(days=7),
    )
    assert policies.roles_of(person) == set()


def test_a_role_ended_in_the_past_can_be_granted_again():
    person = PersonFactory()
    org = OrganisationFactory()
    first = role_grant(person=person, role=Role.CUSTOMER, organisation=org)
    role_end(assignment=first, at=timezone.now() - timedelta(days=1))
    second = role_grant(person=person, role=Role.CUSTOMER, organisation=org)
    assert second.pk != first.pk
    assert policies.holds_role(Person.objects.get(pk=person.pk), Role.CUSTOMER)


def test_granting_a_role_is_audited():
    person = person_with(Role.CUSTOMER)
    event = AuditEvent.objects.get(action="role.granted", target_label__contains=person.full_name)
    assert event.changes["role"] == Role.CUSTOMER


def test_duties_count_only_for_current_employees():
    agent = person_with(Role.EMPLOYEE, duties=(Duty.AGENT,))
    assert policies.has_duty(agent, Duty.AGENT)
    assert not policies.has_duty(agent, Duty.CHANNEL_MANAGER)

    role_end(assignment=RoleAssignment.objects.get(person=agent))
    agent = Person.objects.get(pk=agent.pk)
    assert not policies.has_duty(agent, Duty.AGENT)


def test_customers_in_a_group_named_like_a_duty_still_have_no_duty():
    customer = person_with(Role.CUSTOMER, duties=(Duty.AGENT,))
    assert not policies.has_duty(customer, Duty.AGENT)


@pytest.mark.parametrize(
    ("roles", "mfa", "portal", "expected"),
    [
        ((Role.CUSTOMER,), False, Role.CUSTOMER, policies.Entry.ALLOWED),
        ((Role.CUSTOMER,), False, Role.PARTNER, policies.Entry.NO_ROLE),
        ((Role.EMPLOYEE,), True, Role.EMPLOYEE, policies.Entry.ALLOWED),
        ((Role.EMPLOYEE,), False, Role.EMPLOYEE, policies.Entry.SET_UP_MFA),
        ((Role.CUSTOMER, Role.EMPLOYEE), False, Role.CUSTOMER, policies.Entry.ALLOWED),
        ((Role.INVESTOR,), False, Role.INVESTOR, policies.Entry.ALLOWED),
        ((), False, Role.INVESTOR, policies.Entry.NO_ROLE),
    ],
)
def test_who_may_enter_which_portal(roles, mfa, portal, expected):
    person = person_with(*roles, mfa=mfa)
    assert policies.portal_entry(person, PORTALS[portal]) is expected


def test_staff_need_mfa_and_customers_do_not():
    assert policies.needs_mfa(person_with(Role.EMPLOYEE))
    assert policies.needs_mfa(PersonFactory(is_staff=True))
    assert not policies.needs_mfa(person_with(Role.CUSTOMER, Role.PARTNER, Role.INVESTOR))


def test_there_is_only_one_own_company():
    own_company()
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationFactory(kind=OrganisationKind.OWN_COMPANY)


def test_organisation_names_are_unique_per_kind_ignoring_case():
    OrganisationFactory(name="Acme", kind=OrganisationKind.CUSTOMER)
    OrganisationFactory(name="ACME", kind=OrganisationKind.PARTNER)
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationFactory(name="acme", kind=OrganisationKind.CUSTOMER)


def test_forgetting_cached_access_rereads_the_worked_queues():
    from core.access.tickets import worked_queue_ids
    from tests.tickets.factories import support_desk

    desk = support_desk()
    billing = support_desk(slug="billing", role=None, group="Billing team")
    agent = desk.agent
    assert worked_queue_ids(agent) == {desk.queue.pk}
    agent.groups.add(*billing.queue.agent_groups.all())
    policies.forget_cached_access(agent)
    assert worked_queue_ids(agent) == {desk.queue.pk, billing.queue.pk}
