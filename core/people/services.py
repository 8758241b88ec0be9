"""Changing who holds which role. Views and admin actions call these, never the models directly."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access.policies import forget_cached_access
from core.access.roles import Role
from core.audit.services import audit_record
from core.notifications.services import email_queue_templated

from .models import AccessRequest, RoleAssignment


@transaction.atomic
def role_grant(
    *,
    person,
    role: Role,
    organisation=None,
    is_org_admin: bool = False,
    title: str = "",
    since=None,
    granted_by=None,
    request=None,
) -> RoleAssignment:
    assignment = RoleAssignment(
        person=person,
        role=role,
        organisation=organisation,
        is_org_admin=is_org_admin,
        title=title,
        since=since or timezone.now(),
    )
    assignment.full_clean()
    overlapping = RoleAssignment.objects.filter(
        Q(until__isnull=True) | Q(until__gt=assignment.since),
        person=person,
        role=role,
        organisation=organisation,
    )
    if overlapping.exists():
        raise ValidationError(_("%(person)s already holds this role there.") % {"person": person})
    assignment.save()
    audit_record(
        "role.granted",
        actor=granted_by,
        target=assignment,
        request=request,
        changes={"role": role, "organisation": str(organisation or ""), "admin": is_org_admin},
    )
    forget_cached_access(person)
    return assignment


@transaction.atomic
def role_end(*, assignment: RoleAssignment, ended_by=None, at=None, request=None) -> RoleAssignment:
    at = at or timezone.now()
    if assignment.until is not None and assignment.until <= at:
        return assignment
    assignment.until = max(at, assignment.since + timedelta(microseconds=1))
    assignment.save(update_fields=["until"])
    audit_record("role.ended", actor=ended_by, target=assignment, request=request)
    forget_cached_access(assignment.person)
    return assignment


@transaction.atomic
def access_request_create(
    *, person, role: Role, organisation_name: str, message: str = "", request=None
) -> AccessRequest:
    access_request, created = AccessRequest.objects.get_or_create(
        person=person,
        role=role,
        status=AccessRequest.Status.PENDING,
        defaults={"organisation_name": organisation_name, "message": message},
    )
    if created:
        audit_record("access.requested", actor=person, target=access_request, request=request)
    return access_request


@transaction.atomic
def access_request_grant(
    *, access_request: AccessRequest, organisation, decided_by, is_org_admin: bool = False
) -> RoleAssignment:
    assignment = role_grant(
        person=access_request.person,
        role=Role(access_request.role),
        organisation=organisation,
        is_org_admin=is_org_admin,
        granted_by=decided_by,
    )
    _decide(access_request, AccessRequest.Status.GRANTED, decided_by, note="")
    return assignment


@transaction.atomic
def access_request_decline(*, access_request: AccessRequest, decided_by, note: str) -> None:
    _decide(access_request, AccessRequest.Status.DECLINED, decided_by, note=note)


def _decide(access_request: AccessRequest, status, decided_by, *, note: str) -> None:
    access_request.status = status
    access_request.decided_by = decided_by
    access_request.decided_at = timezone.now()
    access_request.decision_note = note
    access_request.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    audit_record(f"access.{status}", actor=decided_by, target=access_request)
    email_queue_templated(
        to=access_request.person.email,
        template="access_request_decided",
        context={"access_request": access_request, "person": access_request.person},
        language=access_request.person.language,
        key=f"access-request:{access_request.pk}:{status}",
    )
