"""Who may enter which portal and hold which duty: the decisions every view asks for.

What a person holds is read once per request and kept on the person object, so a page
that asks many questions costs two queries (role assignments, and groups with the ticket
queues they work), not one per question.
"""

import enum

from allauth.mfa.models import Authenticator

from core.people.models import RoleAssignment

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
    cached = person.__dict__.get("_current_assignments")
    if cached is None:
        cached = list(
            RoleAssignment.objects.current()
            .filter(person=person)
            .select_related("organisation")
            .order_by("role", "organisation__name")
        )
        person.__dict__["_current_assignments"] = cached
    return cached


def forget_cached_access(person) -> None:
    """Call after changing someone's roles, groups or authenticators within a request."""
    for key in ("_current_assignments", "_staff_groups", "_has_mfa"):
        person.__dict__.pop(key, None)


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


def _staff_groups(person) -> tuple[frozenset[str], frozenset[int]]:
    """The names of the person's groups and the active ticket queues those groups work, in
    one query: staff pages ask both (duties for the navigation, queues for tickets)."""
    cached = person.__dict__.get("_staff_groups")
    if cached is None:
        rows = list(
            person.groups.order_by().values_list(
                "name", "ticket_queues__pk", "ticket_queues__is_active"
            )
        )
        cached = (
            frozenset(name for name, _, _ in rows),
            frozenset(queue for _, queue, active in rows if queue is not None and active),
        )
        person.__dict__["_staff_groups"] = cached
    return cached


def has_duty(person, duty: Duty) -> bool:
    """Duties count only while the person is a current employee."""
    if not holds_role(person, Role.EMPLOYEE):
        return False
    return duty.value in _staff_groups(person)[0]


def worked_queue_ids(person) -> frozenset[int]:
    """The active ticket queues a current employee works through their staff groups."""
    if not holds_role(person, Role.EMPLOYEE):
        return frozenset()
    return _staff_groups(person)[1]


def is_staff_member(person) -> bool:
    return holds_role(person, Role.EMPLOYEE)


def needs_mfa(person) -> bool:
    """Staff accounts must use a second factor: employees and anyone with admin access."""
    if not person.is_authenticated:
        return False
    return person.is_staff or person.is_superuser or holds_role(person, Role.EMPLOYEE)


def has_mfa(person) -> bool:
    cached = person.__dict__.get("_has_mfa")
    if cached is None:
        cached = Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP).exists()
        person.__dict__["_has_mfa"] = cached
    return cached


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
