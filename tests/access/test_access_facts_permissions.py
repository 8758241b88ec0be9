"""An employee's model permissions are kept with their access facts, and every way they can
change (directly, through a group, from either side, a permission deleted) shows on the next
request. Everyone else's are read from the database when asked."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from core.access.roles import Role
from core.people.models import AccessRequest
from tests.factories import person_with

from .test_access_facts import next_request, queries_for

pytestmark = pytest.mark.django_db

PERM = "people.change_accessrequest"


@pytest.fixture
def permission():
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(AccessRequest),
        codename="change_accessrequest",
    )


@pytest.fixture
def reviewers(permission):
    group = Group.objects.create(name="Access reviewers")
    group.permissions.add(permission)
    return group


def test_an_employee_s_permissions_come_from_the_cache_on_the_next_request(reviewers):
    person = person_with(Role.EMPLOYEE)
    person.groups.add(reviewers)
    assert next_request(person).has_perm(PERM)
    assert queries_for(lambda: next_request(person).has_perm(PERM)) == 1  # the person only


@pytest.mark.parametrize(
    "grant",
    [
        lambda person, perm, group: person.user_permissions.add(perm),
        lambda person, perm, group: perm.user_set.add(person),
        lambda person, perm, group: person.groups.add(group),
        lambda person, perm, group: group.user_set.add(person),
    ],
    ids=["person-add", "permission-user-add", "join-group", "group-user-add"],
)
def test_a_permission_granted_shows_at_once(permission, reviewers, grant):
    person = person_with(Role.EMPLOYEE)
    assert not next_request(person).has_perm(PERM)
    grant(person, permission, reviewers)
    assert next_request(person).has_perm(PERM)


@pytest.mark.parametrize(
    "take",
    [
        lambda person, perm, group: group.permissions.remove(perm),
        lambda person, perm, group: group.permissions.clear(),
        lambda person, perm, group: perm.group_set.remove(group),
        lambda person, perm, group: perm.group_set.clear(),
        lambda person, perm, group: person.groups.remove(group),
        lambda person, perm, group: group.delete(),
        lambda person, perm, group: perm.delete(),
    ],
    ids=[
        "group-remove",
        "group-clear",
        "permission-group-remove",
        "permission-group-clear",
        "leave-group",
        "group-deleted",
        "permission-deleted",
    ],
)
def test_a_permission_taken_through_the_group_shows_at_once(permission, reviewers, take):
    person = person_with(Role.EMPLOYEE)
    person.groups.add(reviewers)
    assert next_request(person).has_perm(PERM)
    take(person, permission, reviewers)
    assert not next_request(person).has_perm(PERM)


@pytest.mark.parametrize(
    "take",
    [
        lambda person, perm: person.user_permissions.remove(perm),
        lambda person, perm: person.user_permissions.clear(),
        lambda person, perm: perm.user_set.remove(person),
        lambda person, perm: perm.user_set.clear(),
    ],
    ids=["person-remove", "person-clear", "permission-user-remove", "permission-user-clear"],
)
def test_a_permission_taken_from_the_person_shows_at_once(permission, take):
    person = person_with(Role.EMPLOYEE)
    person.user_permissions.add(permission)
    assert next_request(person).has_perm(PERM)
    take(person, permission)
    assert not next_request(person).has_perm(PERM)


def test_someone_not_employed_is_asked_the_database(permission):
    partner = person_with(Role.PARTNER)
    partner.user_permissions.add(permission)
    assert next_request(partner).has_perm(PERM)
    assert queries_for(lambda: next_request(partner).has_perm(PERM)) == 2  # person, permissions
