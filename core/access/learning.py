"""Who sees which courses, enrolments and certificates.

A course is for employees and/or partners; for employees it may be narrowed to departments.
In each portal a person sees the courses for that portal's people, plus any course they have
been assigned. Enrolments and certificates are their owner's; managers read their reports'
through the manager report, which asks staff.managed_people().
"""

from django.apps import apps
from django.db.models import Exists, OuterRef, Q

from . import policies
from .roles import Role
from .staff import department_id_of


def courses_visible_to(person, portal: Role) -> Q:
    nothing = Q(pk__in=[])
    if not person.is_authenticated or not policies.holds_role(person, portal):
        return nothing
    Assignment = apps.get_model("learning", "Assignment")
    assigned = Q(Exists(Assignment.objects.filter(person=person, course=OuterRef("pk"))))
    if portal == Role.PARTNER:
        return Q(for_partners=True)
    if portal != Role.EMPLOYEE:
        return nothing
    CoursePage = apps.get_model("learning", "CoursePage")
    through = CoursePage.departments.through
    for_all = ~Exists(through.objects.filter(coursepage=OuterRef("pk")))
    department = department_id_of(person)
    audience = Q(for_all)
    if department is not None:
        audience |= Q(
            Exists(through.objects.filter(coursepage=OuterRef("pk"), department=department))
        )
    return Q(for_employees=True) & (audience | assigned)


def enrolments_visible_to(person) -> Q:
    if not person.is_authenticated:
        return Q(pk__in=[])
    return Q(person=person)


def certificates_visible_to(person) -> Q:
    if not person.is_authenticated:
        return Q(pk__in=[])
    return Q(person=person)
