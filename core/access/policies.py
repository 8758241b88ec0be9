"""Who may enter which portal and hold which duty: the decisions every view asks for.

What a person holds comes from `facts.facts_of` (the shared cache, or the database once),
read once per request and kept on the person object, so a page that asks many questions
costs at most one cache read, not a query per question.
"""

import enum

from django.utils import timezone

from core.people.models import RoleAssignment

from . import facts
from .roles import PORTALS, Duty, Portal, Role


class Entry(enum.Enum):
    ALLOWED = "allowed"
    SIGN_IN = "sign-in"
    SET_UP_MFA = "set-up-mfa"
    NO_ROLE = "no-role"
    NOT_FOUND = "not-found"


def current_assignments(person) -> list[RoleAssignment]:
    if not person.is_authenticated or not person.is_active:
        return []
    return remembered(
        person,
        "current_assignments",
        lambda: facts.facts_of(person).current_assignments(timezone.now()),
    )


def remembered(person, name: str, compute):
    """`compute()`, worked out once per person object (a request's) and forgotten with their
    access: for what follows from their roles and groups."""
    memo = person.__dict__.setdefault("_access_memo", {})
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def forget_cached_access(person) -> None:
    """Call after changing someone's roles, groups or authenticators: this request and the
    next ones see the change."""
    for key in ("_access_facts", "_access_memo"):
        person.__dict__.pop(key, None)
    facts.forget([person.pk])


def roles_of(person) -> set[Role]:
    return {Role(assignment.role) for assignment in current_assignments(person)}


def holds_role(person, role: Role) -> bool:
    return role in roles_of(person)


def assignments_for(person, role: Role) -> list[RoleAssignment]:
    return [a for a in current_assignments(person) if a.role == role]


def organisations_of(person, role: Role) -> list:
    return [a.organisation for a in assignments_for(person, role) if a.organisation_id]


def is_org_admin(person, organisation) -> bool:
    return any(
        a.is_org_admin and a.organisation_id == organisation.pk for a in current_assignments(person)
    )


def portals_for(person) -> list[Portal]:
    held = roles_of(person)
    return [portal for role, portal in PORTALS.items() if role in held]


def has_duty(person, duty: Duty) -> bool:
    """Duties count only while the person is a current employee."""
    if not holds_role(person, Role.EMPLOYEE):
        return False
    return duty.value in facts.facts_of(person).group_names


def worked_queue_ids(person) -> frozenset[int]:
    """The active ticket queues a current employee works through their staff groups."""
    if not holds_role(person, Role.EMPLOYEE):
        return frozenset()
    return facts.facts_of(person).worked_queue_ids


def access_signature(person) -> tuple:
    """Everything the record rules (core/access/tickets.py) read of a person in Python, as
    one hashable value: a rule built for two people, or two moments, with the same
    signature writes the same SQL. What else they depend on (groups, shares, invitations,
    e-mail addresses) they read in the SQL itself."""
    if person is None or not person.is_authenticated or not person.is_active:
        return ()
    held = tuple(
        (a.pk, a.role, a.organisation_id, a.is_org_admin) for a in current_assignments(person)
    )
    return person.pk, held, tuple(sorted(worked_queue_ids(person)))


def is_staff_member(person) -> bool:
    return holds_role(person, Role.EMPLOYEE)


def needs_mfa(person) -> bool:
    """Staff accounts must use a second factor: employees and anyone with admin access."""
    if not person.is_authenticated:
        return False
    return person.is_staff or person.is_superuser or holds_role(person, Role.EMPLOYEE)


def has_mfa(person) -> bool:
    return person.is_authenticated and facts.facts_of(person).has_totp


def portal_entry(person, portal: Portal) -> Entry:
    if not person.is_authenticated:
        return Entry.SIGN_IN
    if not holds_role(person, portal.role):
        return Entry.NO_ROLE
    if portal.requires_mfa and not has_mfa(person):
        return Entry.SET_UP_MFA
    return Entry.ALLOWED


def duty_entry(person, duty: Duty) -> Entry:
    """Staff-only screens: people without the duty are told nothing exists here."""
    entry = portal_entry(person, PORTALS[Role.EMPLOYEE])
    if entry is Entry.NO_ROLE or (entry is Entry.ALLOWED and not has_duty(person, duty)):
        return Entry.NOT_FOUND
    return entry


def may_use_wagtail_admin(person) -> bool:
    return person.is_active and person.has_perm("wagtailadmin.access_admin")


def may_use_django_admin(person) -> bool:
    return person.is_active and person.is_staff


def admin_entry(person, *, wagtail: bool) -> Entry:
    """The Wagtail and Django admins: only staff with the right, and only with MFA set up."""
    if not person.is_authenticated:
        return Entry.SIGN_IN
    allowed = may_use_wagtail_admin(person) if wagtail else may_use_django_admin(person)
    if not allowed:
        return Entry.NOT_FOUND
    if not has_mfa(person):
        return Entry.SET_UP_MFA
    return Entry.ALLOWED
