"""The periodic work of the learning engine. Each sweep is set-based: it selects the rows that
need something in one query, writes in bulk, and e-mails only the people concerned.
A unique row per effect (one open assignment per person and course, one notice per assignment
and stage) and outbox keys make every sweep safe to run twice or concurrently."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from core.access.roles import Role
from core.notifications.services import email_queue_templated
from core.people.models import Person, RoleAssignment

from .models import Assignment, AssignmentNotice, AssignmentRule, Certificate
from .targets import TARGETS, Target

BATCH = 500  # notices per stage and run; the next run carries on
RENEWAL_NOTICE = timedelta(days=90)
Stage = AssignmentNotice.Stage


@dataclass(frozen=True)
class StageSpec:
    stage: str
    # Assignments in this stage: open, and due_at compared with now.
    window: Q
    template: str


def _stage_specs(now) -> list[StageSpec]:
    return [
        StageSpec(
            Stage.ASSIGNED,
            # Renewals have their own e-mail (renewals_flag); old rows are not announced late.
            Q(assigned_at__gte=now - timedelta(days=3), due_at__gt=now)
            & ~Q(reason=Assignment.Reason.RENEWAL),
            "learning_assigned",
        ),
        StageSpec(
            Stage.DUE_IN_WEEK,
            Q(due_at__gt=now + timedelta(days=1), due_at__lte=now + timedelta(days=7)),
            "learning_due_soon",
        ),
        StageSpec(
            Stage.DUE_TOMORROW,
            Q(due_at__gt=now, due_at__lte=now + timedelta(days=1)),
            "learning_due_soon",
        ),
        StageSpec(Stage.OVERDUE, Q(due_at__lte=now), "learning_overdue"),
    ]


def rules_apply(*, now=None) -> int:
    """Create the assignments active rules call for: people the rule reaches who have no open
    assignment for the course and no certificate for it that is still valid."""
    now = now or timezone.now()
    created = 0
    for rule in AssignmentRule.objects.filter(is_active=True, course__live=True).select_related(
        "course"
    ):
        spec = TARGETS[Target(rule.target)]
        course = rule.course
        open_to = course.for_partners if spec.role == Role.PARTNER else course.for_employees
        if not open_to:  # the course's audience changed after the rule was written
            continue
        person_ids = list(
            Person.objects.filter(spec.people(rule), is_active=True)
            .exclude(
                Exists(
                    Assignment.objects.open().filter(person=OuterRef("pk"), course=rule.course_id)
                )
            )
            .exclude(
                Exists(
                    Certificate.objects.valid(now).filter(
                        person=OuterRef("pk"), course=rule.course_id
                    )
                )
            )
            .values_list("pk", flat=True)
            .distinct()
        )
        due_at = now + timedelta(days=rule.due_in_days)
        made = Assignment.objects.bulk_create(
            [
                Assignment(
                    person_id=pk,
                    course_id=rule.course_id,
                    rule=rule,
                    reason=Assignment.Reason.RULE,
                    assigned_at=now,
                    due_at=due_at,
                )
                for pk in person_ids
            ],
            ignore_conflicts=True,  # a concurrent run made some: the constraint keeps one
        )
        created += len(made)
    return created


def renewals_flag(*, now=None) -> int:
    """Certificates that expire within 90 days: flag them, and assign the course again with
    the expiry as its due date, so the holder renews before the certificate lapses."""
    now = now or timezone.now()
    newer = Certificate.objects.filter(
        person=OuterRef("person"), course=OuterRef("course"), issued_at__gt=OuterRef("issued_at")
    )
    due = list(
        Certificate.objects.filter(
            revoked_at__isnull=True,
            renewal_flagged_at__isnull=True,
            expires_at__isnull=False,
            expires_at__lte=now + RENEWAL_NOTICE,
            person__is_active=True,
            course__live=True,
        )
        .exclude(Exists(newer))
        .select_related("person")
        .order_by("expires_at")[:BATCH]
    )
    if not due:
        return 0
    with transaction.atomic():
        Certificate.objects.filter(pk__in=[c.pk for c in due]).update(renewal_flagged_at=now)
        Assignment.objects.bulk_create(
            [
                Assignment(
                    person_id=c.person_id,
                    course_id=c.course_id,
                    reason=Assignment.Reason.RENEWAL,
                    assigned_at=now,
                    due_at=max(c.expires_at, now + timedelta(days=7)),
                )
                for c in due
            ],
            ignore_conflicts=True,
        )
        for certificate in due:
            person = certificate.person
            email_queue_templated(
                to=person.email,
                template="learning_renewal_due",
                context={"person": person, "certificate": certificate},
                language=person.language,
                key=f"learning:certificate:{certificate.pk}:renewal",
            )
    return len(due)


def notices_send(*, now=None) -> dict[str, int]:
    """For each stage: open assignments in that stage without its notice get one e-mail.
    Overdue ones also go to the person's manager (for partners: their firm's admins)."""
    now = now or timezone.now()
    sent: dict[str, int] = {}
    for spec in _stage_specs(now):
        pending = list(
            Assignment.objects.open()
            .filter(spec.window, person__is_active=True, course__live=True)
            .exclude(
                Exists(AssignmentNotice.objects.filter(assignment=OuterRef("pk"), stage=spec.stage))
            )
            .select_related("person", "course", "person__employee_profile__manager")
            .order_by("due_at")[:BATCH]
        )
        if not pending:
            sent[spec.stage] = 0
            continue
        escalate_to = _escalation_recipients(pending) if spec.stage == Stage.OVERDUE else {}
        with transaction.atomic():
            AssignmentNotice.objects.bulk_create(
                [AssignmentNotice(assignment=a, stage=spec.stage, sent_at=now) for a in pending],
                ignore_conflicts=True,
            )
            for assignment in pending:
                person = assignment.person
                context = {"person": person, "assignment": assignment, "stage": spec.stage}
                email_queue_templated(
                    to=person.email,
                    template=spec.template,
                    context=context,
                    language=person.language,
                    key=f"learning:assignment:{assignment.pk}:{spec.stage}",
                )
                for manager in escalate_to.get(assignment.pk, []):
                    email_queue_templated(
                        to=manager.email,
                        template="learning_overdue_manager",
                        context={**context, "manager": manager},
                        language=manager.language,
                        key=f"learning:assignment:{assignment.pk}:{spec.stage}:to:{manager.pk}",
                    )
        sent[spec.stage] = len(pending)
    return sent


def _escalation_recipients(assignments) -> dict[int, list]:
    """Whom to tell about overdue work: the employee's manager, or a partner's firm admins
    (fetched for the whole batch in one query)."""
    found: dict[int, list] = {}
    need_firm_admins = []
    for assignment in assignments:
        profile = getattr(assignment.person, "employee_profile", None)
        if profile is not None and profile.manager is not None and profile.manager.is_active:
            found[assignment.pk] = [profile.manager]
        else:
            need_firm_admins.append(assignment)
    if need_firm_admins:
        person_ids = {a.person_id for a in need_firm_admins}
        memberships = list(
            RoleAssignment.objects.current()
            .filter(person__in=person_ids, role=Role.PARTNER)
            .values_list("person_id", "organisation_id")
        )
        org_ids = {org for _p, org in memberships}
        admins_by_org: dict[int, list] = {}
        for admin in (
            RoleAssignment.objects.current()
            .filter(organisation__in=org_ids, role=Role.PARTNER, is_org_admin=True)
            .select_related("person")
        ):
            admins_by_org.setdefault(admin.organisation_id, []).append(admin.person)
        orgs_of: dict[int, set] = {}
        for person_id, org_id in memberships:
            orgs_of.setdefault(person_id, set()).add(org_id)
        for assignment in need_firm_admins:
            people = {
                admin.pk: admin
                for org in orgs_of.get(assignment.person_id, ())
                for admin in admins_by_org.get(org, [])
                if admin.pk != assignment.person_id and admin.is_active
            }
            found[assignment.pk] = list(people.values())
    return found
