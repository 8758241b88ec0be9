"""The learning engine's part in the approvals inbox and in customer 360."""

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import approvals, customer360
from core.access import policies
from core.access.roles import Duty, Role
from core.people.models import RoleAssignment

from .models import Certificate, Enrolment


# --- approvals: requests for another quiz attempt ------------------------------------------
def _retake_requests(person):
    """Employees' requests go to their manager; partners' to channel managers."""
    if not policies.is_staff_member(person):
        return Enrolment.objects.none()
    who = Q(person__employee_profile__manager=person)
    if policies.has_duty(person, Duty.CHANNEL_MANAGER):
        partner = Exists(
            RoleAssignment.objects.current().filter(person=OuterRef("person"), role=Role.PARTNER)
        )
        who |= Q(partner, course__for_partners=True)
    # Every join here is to one row (a person's profile, a course), so no row repeats: no
    # DISTINCT, which made the dashboard's count a sort of the whole set.
    return Enrolment.objects.filter(
        who, retake_requested_at__isnull=False, completed_at__isnull=True
    ).exclude(person=person)


def _retake_pending(person, limit: int) -> list[approvals.ApprovalItem]:
    enrolments = _retake_requests(person).select_related("person", "course")
    return [
        approvals.ApprovalItem(
            provider="learning-retake",
            item_id=str(e.pk),
            kind=_("Another quiz attempt"),
            title=e.course.title,
            requested_by=e.person.full_name,
            requested_at=e.retake_requested_at,
            summary=e.retake_reason,
            reason_required_to_reject=True,
        )
        for e in enrolments.order_by("-retake_requested_at")[:limit]
    ]


def _retake_decide(person, item_id: str, approve: bool, reason: str) -> str:
    from .services import retake_decide

    enrolment = _retake_requests(person).filter(pk=int(item_id)).first()
    if enrolment is None:
        raise Http404
    retake_decide(enrolment=enrolment, decided_by=person, approve=approve, reason=reason)
    return (_("%(person)s may try the quiz once more.") if approve else _("Request declined.")) % {
        "person": enrolment.person.full_name
    }


approvals.register(
    approvals.ApprovalProvider(
        key="learning-retake",
        label=gettext_lazy("Quiz attempts"),
        pending=_retake_pending,
        count=lambda person: _retake_requests(person).count(),
        decide=_retake_decide,
        order=50,
    )
)


# --- customer 360: courses and certificates ------------------------------------------------
def _person_learning(person, limit, viewer=None):
    enrolments = Enrolment.objects.filter(person=person).select_related("course")
    total = enrolments.count()
    rows = []
    for e in enrolments.order_by("-enrolled_at")[:limit]:
        if e.completed_at:
            badge, tone = (
                _("Completed %(date)s") % {"date": f"{e.completed_at:%d %b %Y}"},
                "success",
            )
        else:
            badge, tone = _("In progress"), ""
        rows.append(customer360.Row(title=e.course.title, at=e.enrolled_at, badge=badge, tone=tone))
    return rows, total


def _certificate_rows(certificates, limit):
    total = certificates.count()
    rows = []
    for c in certificates.select_related("person").order_by("-issued_at")[:limit]:
        status = c.status()
        rows.append(
            customer360.Row(
                title=c.course_title,
                detail=f"{c.holder_name} · {c.display_code}",
                url=reverse("learning:verify-code", args=[c.code]),
                at=c.issued_at,
                badge={"valid": _("Valid"), "expired": _("Expired"), "revoked": _("Revoked")}[
                    status
                ],
                tone={"valid": "success", "expired": "warning", "revoked": "danger"}[status],
            )
        )
    return rows, total


def _organisation_certificates(organisation, limit, viewer=None):
    people = RoleAssignment.objects.current().filter(organisation=organisation)
    return _certificate_rows(
        Certificate.objects.filter(Exists(people.filter(person=OuterRef("person")))), limit
    )


def _person_timeline(person, limit, viewer=None):
    entries = [
        customer360.Entry(
            at=e.enrolled_at,
            kind=_("Learning"),
            title=_("Started %(course)s") % {"course": e.course.title},
        )
        for e in Enrolment.objects.filter(person=person)
        .select_related("course")
        .order_by("-enrolled_at")[:limit]
    ]
    entries += [
        customer360.Entry(
            at=c.issued_at,
            kind=_("Learning"),
            title=_("Completed %(course)s") % {"course": c.course_title},
            url=reverse("learning:verify-code", args=[c.code]),
        )
        for c in Certificate.objects.filter(person=person).order_by("-issued_at")[:limit]
    ]
    return entries


customer360.register_section(
    customer360.SectionSpec(
        "learning",
        gettext_lazy("Courses"),
        customer360.PERSON,
        _person_learning,
        order=60,
        empty=gettext_lazy("No courses taken."),
    )
)
customer360.register_section(
    customer360.SectionSpec(
        "certificates",
        gettext_lazy("Certificates"),
        customer360.PERSON,
        lambda person, limit, viewer: _certificate_rows(
            Certificate.objects.filter(person=person), limit
        ),
        order=61,
        empty=gettext_lazy("No certificates."),
    )
)
customer360.register_section(
    customer360.SectionSpec(
        "certificates",
        gettext_lazy("Certificates of its people"),
        customer360.ORGANISATION,
        _organisation_certificates,
        order=61,
        empty=gettext_lazy("Nobody here holds a certificate."),
    )
)
customer360.register_timeline(
    customer360.TimelineSpec("learning", customer360.PERSON, _person_timeline)
)
