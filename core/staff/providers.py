"""Approvals and customer-360 providers for what the foundation already holds: role
assignments, organisations, access requests, the audit log, and Wagtail's moderation
workflow (knowledge-base reviews and any other page waiting for approval)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import TaskState

from core import approvals, customer360
from core.access import policies
from core.access.roles import ORGANISATION_KIND_FOR_ROLE, ROLES_WITHOUT_ORGANISATION, Role
from core.audit.models import AuditEvent
from core.orgs.models import Organisation
from core.people.models import AccessRequest, RoleAssignment
from core.people.services import access_request_decline, access_request_grant


# --- approvals: access requests --------------------------------------------------------------
def _may_decide_access(person) -> bool:
    return policies.is_staff_member(person) and person.has_perm("people.change_accessrequest")


def _access_requests(person):
    if not _may_decide_access(person):
        return AccessRequest.objects.none()
    return AccessRequest.objects.filter(status=AccessRequest.Status.PENDING).exclude(person=person)


def _organisation_for(access_request) -> Organisation | None:
    """The organisation a request names, when exactly one of the right kind matches."""
    role = Role(access_request.role)
    kind = ORGANISATION_KIND_FOR_ROLE[role]
    domain = access_request.person.email.rsplit("@", 1)[-1]
    matches = list(
        Organisation.objects.active()
        .filter(kind=kind)
        .filter(Q(name__iexact=access_request.organisation_name.strip()) | Q(email_domain=domain))[
            :2
        ]
    )
    return matches[0] if len(matches) == 1 else None


def _access_pending(person, limit):
    items = []
    for request in (
        _access_requests(person).select_related("person").order_by("-created_at")[:limit]
    ):
        try:
            admin_url = reverse("admin:people_accessrequest_change", args=[request.pk])
        except NoReverseMatch:
            admin_url = ""
        items.append(
            approvals.ApprovalItem(
                provider="access-requests",
                item_id=str(request.pk),
                kind=_("Portal access"),
                title=_("%(portal)s at %(organisation)s")
                % {"portal": request.get_role_display(), "organisation": request.organisation_name},
                requested_by=f"{request.person.full_name} <{request.person.email}>",
                requested_at=request.created_at,
                summary=request.message,
                detail_url=admin_url,
            )
        )
    return items


def _access_decide(person, item_id, approve, reason) -> str:
    request = _access_requests(person).filter(pk=int(item_id)).select_related("person").first()
    if request is None:
        raise Http404
    if not approve:
        access_request_decline(access_request=request, decided_by=person, note=reason)
        return _("Declined; %(person)s has been told.") % {"person": request.person.full_name}
    organisation = None
    if Role(request.role) not in ROLES_WITHOUT_ORGANISATION or request.organisation_name:
        organisation = _organisation_for(request)
        if organisation is None and Role(request.role) not in ROLES_WITHOUT_ORGANISATION:
            raise ValidationError(
                _(
                    "No single organisation matches “%(name)s”. Grant it in the admin, where "
                    "you can choose the organisation."
                )
                % {"name": request.organisation_name}
            )
    access_request_grant(access_request=request, organisation=organisation, decided_by=person)
    return _("Granted: %(person)s now has the %(portal)s.") % {
        "person": request.person.full_name,
        "portal": request.get_role_display(),
    }


approvals.register(
    approvals.ApprovalProvider(
        key="access-requests",
        label=gettext_lazy("Portal access"),
        pending=_access_pending,
        count=lambda person: _access_requests(person).count(),
        decide=_access_decide,
        order=10,
    )
)


# --- approvals: Wagtail moderation (knowledge-base reviews and other pages) -------------------
def _task_states(person):
    """The task states the person may review. Wagtail reads the active tasks to write this
    filter (two queries), so it is written once per person object: the inbox counts them,
    then lists them."""

    def reviewable():
        if policies.is_staff_member(person) and policies.may_use_wagtail_admin(person):
            return TaskState.objects.reviewable_by(person)
        return TaskState.objects.none()

    return policies.remembered(person, "reviewable_task_states", reviewable)


def _workflow_pending(person, limit):
    states = (
        _task_states(person)
        .select_related("workflow_state", "task", "revision", "revision__user")
        # The reviewed objects (pages, of any type), one query per type rather than per item.
        .prefetch_related("revision__content_object")
        .order_by("-started_at")[:limit]
    )
    items = []
    for state in states:
        revision = state.revision
        obj = revision.content_object if revision is not None else None
        title = str(obj) if obj is not None else _("(deleted)")
        detail = ""
        if obj is not None and hasattr(obj, "get_url_parts"):
            detail = reverse("wagtailadmin_pages:edit", args=[obj.pk])
        items.append(
            approvals.ApprovalItem(
                provider="wagtail-moderation",
                item_id=str(state.pk),
                kind=_("Page review: %(task)s") % {"task": state.task.name},
                title=title,
                requested_by=str(revision.user) if revision is not None and revision.user else "",
                requested_at=state.started_at,
                detail_url=detail,
                reason_required_to_reject=True,
            )
        )
    return items


def _workflow_decide(person, item_id, approve, reason) -> str:
    state = _task_states(person).filter(pk=int(item_id)).first()
    if state is None:
        raise Http404
    state = state.specific
    task = state.task.specific
    obj = state.revision.content_object if state.revision else None
    actions = {name for name, *_rest in task.get_actions(obj, person)}
    action = "approve" if approve else "reject"
    if action not in actions:
        raise Http404
    task.on_action(state, person, action, comment=reason)
    return _("Approved.") if approve else _("Changes requested.")


approvals.register(
    approvals.ApprovalProvider(
        key="wagtail-moderation",
        label=gettext_lazy("Page reviews"),
        pending=_workflow_pending,
        count=lambda person: _task_states(person).count(),
        decide=_workflow_decide,
        order=40,
    )
)


# --- customer 360: roles, people, access requests, audit trail --------------------------------
def _assignment_row(assignment, *, show_person: bool) -> customer360.Row:
    current = assignment.is_current()
    where = str(assignment.organisation) if assignment.organisation_id else _("Individual")
    title = (
        assignment.person.full_name if show_person else f"{assignment.get_role_display()} · {where}"
    )
    detail = " · ".join(
        part
        for part in (
            assignment.get_role_display() if show_person else "",
            assignment.title,
            _("since %(date)s") % {"date": f"{assignment.since:%d %b %Y}"},
            _("until %(date)s") % {"date": f"{assignment.until:%d %b %Y}"}
            if assignment.until
            else "",
        )
        if part
    )
    badge = _("Organisation admin") if assignment.is_org_admin else ""
    return customer360.Row(
        title=title,
        detail=detail,
        url=reverse("employee:customer360-person", args=[assignment.person_id])
        if show_person
        else (
            reverse("employee:customer360-organisation", args=[assignment.organisation_id])
            if assignment.organisation_id
            else ""
        ),
        at=assignment.since,
        badge=badge if current else _("Ended"),
        tone="" if current else "warning",
    )


def _person_roles(person, limit, viewer=None):
    assignments = RoleAssignment.objects.filter(person=person)
    rows = [
        _assignment_row(a, show_person=False)
        for a in assignments.select_related("organisation", "person").order_by("until", "-since")[
            :limit
        ]
    ]
    return rows, assignments.count()


def _organisation_people(organisation, limit, viewer=None):
    assignments = RoleAssignment.objects.current().filter(organisation=organisation)
    rows = [
        _assignment_row(a, show_person=True)
        for a in assignments.select_related("person", "organisation").order_by("person__full_name")[
            :limit
        ]
    ]
    return rows, assignments.count()


def _organisation_former(organisation, limit, viewer=None):
    ended = RoleAssignment.objects.filter(organisation=organisation).exclude(
        pk__in=RoleAssignment.objects.current().filter(organisation=organisation).values("pk")
    )
    rows = [
        _assignment_row(a, show_person=True)
        for a in ended.select_related("person", "organisation").order_by("-until")[:limit]
    ]
    return rows, ended.count()


def _person_access_requests(person, limit, viewer=None):
    requests = AccessRequest.objects.filter(person=person)
    rows = [
        customer360.Row(
            title=_("%(portal)s at %(organisation)s")
            % {"portal": r.get_role_display(), "organisation": r.organisation_name},
            detail=r.decision_note or r.message,
            at=r.created_at,
            badge=r.get_status_display(),
            tone={"granted": "success", "declined": "danger"}.get(r.status, "warning"),
        )
        for r in requests.order_by("-created_at")[:limit]
    ]
    return rows, requests.count()


AUDIT_LABELS = {
    "auth.signed_in": gettext_lazy("Signed in"),
    "auth.signed_out": gettext_lazy("Signed out"),
    "auth.sign_in_failed": gettext_lazy("Failed sign-in"),
    "access.requested": gettext_lazy("Asked for portal access"),
    "access.granted": gettext_lazy("Access granted"),
    "access.declined": gettext_lazy("Access declined"),
}


def _audit_entries(events, limit):
    """Only what the foundation's audit log says about people and roles; other areas put
    their own interactions on the timeline with their own, richer entries."""
    return [
        customer360.Entry(
            at=e.at,
            kind=_("Activity"),
            title=str(AUDIT_LABELS[e.action]),
            detail=e.target_label if e.target_label else "",
        )
        for e in events.filter(action__in=list(AUDIT_LABELS)).order_by("-at", "-id")[:limit]
    ]


def _role_entries(assignments, limit):
    """Roles begin and end on the dates they say (not when the row was written)."""
    entries = []
    for a in assignments.select_related("person", "organisation").order_by("-since")[:limit]:
        names = {
            "person": a.person.full_name,
            "role": a.get_role_display().lower(),
            "where": str(a.organisation),
        }
        if a.organisation_id:
            began = _("%(person)s became %(role)s at %(where)s") % names
            ended = _("%(person)s stopped being %(role)s at %(where)s") % names
        else:
            began = _("%(person)s became %(role)s as an individual") % names
            ended = _("%(person)s stopped being %(role)s as an individual") % names
        entries.append(customer360.Entry(at=a.since, kind=_("Role"), title=began, detail=a.title))
        if a.until:
            entries.append(customer360.Entry(at=a.until, kind=_("Role"), title=ended))
    return entries


def _targets(model, ids) -> Q:
    return Q(
        target_type=ContentType.objects.get_for_model(model), target_id__in=[str(i) for i in ids]
    )


def _person_audit(person, limit, viewer=None):
    assignment_ids = RoleAssignment.objects.filter(person=person).values_list("pk", flat=True)[:100]
    request_ids = AccessRequest.objects.filter(person=person).values_list("pk", flat=True)[:100]
    return _audit_entries(
        AuditEvent.objects.filter(
            Q(actor=person)
            | _targets(type(person), [person.pk])
            | _targets(RoleAssignment, assignment_ids)
            | _targets(AccessRequest, request_ids)
        ),
        limit,
    )


def _organisation_audit(organisation, limit, viewer=None):
    ids = RoleAssignment.objects.filter(organisation=organisation).values_list("pk", flat=True)[
        :200
    ]
    return _audit_entries(
        AuditEvent.objects.filter(
            _targets(Organisation, [organisation.pk]) | _targets(RoleAssignment, ids)
        ),
        limit,
    )


for spec in (
    customer360.SectionSpec(
        "roles",
        gettext_lazy("Roles"),
        customer360.PERSON,
        _person_roles,
        order=10,
        empty=gettext_lazy("No roles."),
    ),
    customer360.SectionSpec(
        "access-requests",
        gettext_lazy("Access requests"),
        customer360.PERSON,
        _person_access_requests,
        order=90,
        empty=gettext_lazy("No access requests."),
    ),
    customer360.SectionSpec(
        "people",
        gettext_lazy("People"),
        customer360.ORGANISATION,
        _organisation_people,
        order=10,
        empty=gettext_lazy("Nobody holds a role here now."),
    ),
    customer360.SectionSpec(
        "former-people",
        gettext_lazy("Former people"),
        customer360.ORGANISATION,
        _organisation_former,
        order=11,
        empty=gettext_lazy("Nobody has left."),
    ),
):
    customer360.register_section(spec)
customer360.register_timeline(customer360.TimelineSpec("audit", customer360.PERSON, _person_audit))
customer360.register_timeline(
    customer360.TimelineSpec(
        "roles",
        customer360.PERSON,
        lambda person, limit, viewer: _role_entries(
            RoleAssignment.objects.filter(person=person), limit
        ),
    )
)
customer360.register_timeline(
    customer360.TimelineSpec(
        "roles",
        customer360.ORGANISATION,
        lambda org, limit, viewer: _role_entries(
            RoleAssignment.objects.filter(organisation=org), limit
        ),
    )
)
customer360.register_timeline(
    customer360.TimelineSpec("audit", customer360.ORGANISATION, _organisation_audit)
)
