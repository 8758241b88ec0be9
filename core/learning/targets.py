"""Who an assignment rule reaches. Each target turns a rule into a filter on Person.

Adding a way of targeting is one entry here (and the field on AssignmentRule it reads):
"by partner tier" arrives this way once the partner programme defines tiers on main.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from core.access.roles import Duty, Role


class Target(models.TextChoices):
    EMPLOYEES = "employees", _("Every employee")
    DEPARTMENT = "department", _("Employees of a department")
    DUTY = "duty", _("Employees with a staff duty")
    PARTNERS = "partners", _("Every partner contact")


def _holding(role: Role) -> Exists:
    from core.people.models import RoleAssignment

    return Exists(RoleAssignment.objects.current().filter(person=OuterRef("pk"), role=role))


@dataclass(frozen=True)
class TargetSpec:
    role: str
    people: Callable[[object], Q]
    describe: Callable[[object], str]
    validate: Callable[[object], dict] = lambda rule: {}


def _needs(field: str, message):
    return lambda rule: (
        {} if getattr(rule, f"{field}_id", getattr(rule, field, None)) else {field: message}
    )


TARGETS: dict[Target, TargetSpec] = {
    Target.EMPLOYEES: TargetSpec(
        role=Role.EMPLOYEE,
        people=lambda rule: Q(_holding(Role.EMPLOYEE)),
        describe=lambda rule: _("every employee"),
    ),
    Target.DEPARTMENT: TargetSpec(
        role=Role.EMPLOYEE,
        people=lambda rule: Q(
            _holding(Role.EMPLOYEE), employee_profile__department=rule.department_id
        ),
        describe=lambda rule: _("employees of %(department)s") % {"department": rule.department},
        validate=_needs("department", _("Choose the department.")),
    ),
    Target.DUTY: TargetSpec(
        role=Role.EMPLOYEE,
        people=lambda rule: Q(_holding(Role.EMPLOYEE), groups__name=rule.duty),
        describe=lambda rule: (
            _("employees with the duty %(duty)s")
            % {"duty": Duty(rule.duty).label if rule.duty else "?"}
        ),
        validate=_needs("duty", _("Choose the duty.")),
    ),
    Target.PARTNERS: TargetSpec(
        role=Role.PARTNER,
        people=lambda rule: Q(_holding(Role.PARTNER)),
        describe=lambda rule: _("every partner contact"),
    ),
}
