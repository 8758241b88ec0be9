"""Choosing an assignee: a named person, the least-loaded available team member, round robin
over the team, or the least-loaded member with a skill (core/staff profiles). The team is the
action's staff group, or the groups that work the record (a ticket's queue)."""

from django.db import transaction
from django.db.models import Exists, OuterRef

from core.access.roles import Role
from core.people.models import Person, RoleAssignment

from .models import AssignStrategy, RoundRobinCursor


def available_members(action, record, target):
    """Active people of the team who are current employees, in one query."""
    groups = (
        [action.team] if action.team_id else list(target.team_of(record)) if target.team_of else []
    )
    if not groups:
        return Person.objects.none()
    employed = RoleAssignment.objects.current().filter(person=OuterRef("pk"), role=Role.EMPLOYEE)
    return (
        Person.objects.filter(is_active=True, groups__in=groups).filter(Exists(employed)).distinct()
    )


def least_loaded(people, target):
    if target.load_of is None:
        return people.order_by("pk").first()
    return target.load_of(people).order_by("open_load", "pk").first()


def with_skill(people, skill: str):
    wanted = skill.strip().casefold()
    ids = [
        person_id
        for person_id, skills in people.filter(
            employee_profile__skills__icontains=wanted
        ).values_list("pk", "employee_profile__skills")
        if wanted in {part.strip().casefold() for part in (skills or "").split(",")}
    ]
    return Person.objects.filter(pk__in=ids)


@transaction.atomic
def round_robin(action, people):
    ids = list(people.order_by("pk").values_list("pk", flat=True))
    if not ids:
        return None
    RoundRobinCursor.objects.get_or_create(action=action)
    cursor = RoundRobinCursor.objects.select_for_update().get(action=action)
    following = [pk for pk in ids if cursor.last_person_id is None or pk > cursor.last_person_id]
    chosen = (following or ids)[0]
    cursor.last_person_id = chosen
    cursor.save(update_fields=["last_person_id"])
    return Person.objects.get(pk=chosen)


def choose_assignee(action, record, target):
    if action.strategy == AssignStrategy.PERSON:
        return action.person
    people = available_members(action, record, target)
    if action.strategy == AssignStrategy.ROUND_ROBIN:
        return round_robin(action, people)
    if action.strategy == AssignStrategy.SKILL:
        people = with_skill(people, action.skill)
    return least_loaded(people, target)
