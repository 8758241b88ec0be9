"""Staff-only screens and the records of our own people: who sees what.

The directory, customer 360 and the approvals inbox exist only for employees. Unlike a
portal's home (403 with a way to ask for access), these answer 404 to everyone else, so
their existence tells an outsider nothing.
"""

from functools import wraps

from django.apps import apps
from django.db.models import Exists, OuterRef, Q

from . import policies
from .guards import respond_to
from .roles import PORTALS, Role


def staff_entry(person) -> policies.Entry:
    entry = policies.portal_entry(person, PORTALS[Role.EMPLOYEE])
    return policies.Entry.NOT_FOUND if entry is policies.Entry.NO_ROLE else entry


def staff_required(view):
    """Function views for employees only; everyone else gets 404."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        refusal = respond_to(request, staff_entry(request.user))
        if refusal is not None:
            return refusal
        request.portal = PORTALS[Role.EMPLOYEE]
        return view(request, *args, **kwargs)

    return wrapped


class StaffRequiredMixin:
    """Class-based views for employees only; everyone else gets 404."""

    def dispatch(self, request, *args, **kwargs):
        refusal = respond_to(request, staff_entry(request.user))
        if refusal is not None:
            return refusal
        request.portal = PORTALS[Role.EMPLOYEE]
        return super().dispatch(request, *args, **kwargs)


def current_employees_q(person_ref: str = "pk") -> Exists:
    """A filter for Person rows (or rows pointing at a person) that are current employees."""
    RoleAssignment = apps.get_model("people", "RoleAssignment")
    return Exists(
        RoleAssignment.objects.current().filter(person=OuterRef(person_ref), role=Role.EMPLOYEE)
    )


def department_id_of(person) -> int | None:
    """The person's department, read once per request."""
    if "_department_id" not in person.__dict__:
        EmployeeProfile = apps.get_model("staff", "EmployeeProfile")
        person.__dict__["_department_id"] = (
            EmployeeProfile.objects.filter(person=person)
            .values_list("department_id", flat=True)
            .first()
        )
    return person.__dict__["_department_id"]


def news_visible_to(person) -> Q:
    """News for everyone, and news addressed to the person's department."""
    NewsPage = apps.get_model("staff", "NewsPage")
    through = NewsPage.departments.through
    for_everyone = ~Exists(through.objects.filter(newspage=OuterRef("pk")))
    department = department_id_of(person) if person.is_authenticated else None
    if department is None:
        return Q(for_everyone)
    addressed = Exists(through.objects.filter(newspage=OuterRef("pk"), department=department))
    return Q(for_everyone) | Q(addressed)


def goals_visible_to(person) -> Q:
    """A goal is its owner's and their manager's."""
    if not person.is_authenticated or not policies.is_staff_member(person):
        return Q(pk__in=[])
    return Q(owner=person) | Q(owner__employee_profile__manager=person)


def may_comment_on_goal(person, goal) -> bool:
    return goal.owner_id == person.pk or manager_id_of(goal.owner) == person.pk


def may_edit_goal(person, goal) -> bool:
    return goal.owner_id == person.pk


def manager_id_of(person) -> int | None:
    profile = getattr(person, "employee_profile", None)
    return profile.manager_id if profile is not None else None


MAX_REPORTING_DEPTH = 8


def managed_people(person):
    """Everyone who reports to the person, directly or through others, as a queryset of
    Person ids (one query a reporting level to find them). Site administrators oversee every
    employee: for them it stays a subquery, never a long list of ids."""
    EmployeeProfile = apps.get_model("staff", "EmployeeProfile")
    Person = apps.get_model("people", "Person")
    if person.is_superuser:
        return Person.objects.filter(current_employees_q()).exclude(pk=person.pk).values("pk")
    found: set[int] = set()
    level = {person.pk}
    for _depth in range(MAX_REPORTING_DEPTH):
        level = set(
            EmployeeProfile.objects.filter(manager__in=level)
            .exclude(person__in=found | {person.pk})
            .values_list("person_id", flat=True)
        )
        if not level:
            break
        found |= level
    return Person.objects.filter(pk__in=found).values("pk")
