"""Assignment rules, reminders before the due date, escalation after it, and renewals."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.access.roles import Duty, Role
from core.learning import services, sweeps, tasks
from core.learning.models import Assignment, AssignmentNotice, AssignmentRule, Certificate
from core.learning.targets import Target
from core.notifications.models import OutboundEmail
from core.people.services import role_end
from tests.factories import OrganisationFactory, person_with

from .factories import department, make_course, profile

pytestmark = pytest.mark.django_db


def _rule(course, target, **fields):
    return AssignmentRule.objects.create(course=course, target=target, **fields)


def _emails_to(person):
    return list(OutboundEmail.objects.filter(to=person.email).order_by("pk"))


def test_a_department_rule_assigns_that_department_only_with_its_due_date():
    finance, it = department("Finance"), department("IT")
    joko, ari = person_with(Role.EMPLOYEE), person_with(Role.EMPLOYEE)
    profile(joko, department=finance)
    profile(ari, department=it)
    course = make_course()
    _rule(course, Target.DEPARTMENT, department=finance, due_in_days=14)
    now = timezone.now()
    assert sweeps.rules_apply(now=now) == 1
    assignment = Assignment.objects.get()
    assert assignment.person == joko
    assert assignment.due_at == now + timedelta(days=14)


def test_rules_are_idempotent_and_skip_people_with_a_valid_certificate():
    course = make_course(quiz=[], lessons=1)
    done, todo = person_with(Role.EMPLOYEE), person_with(Role.EMPLOYEE)
    enrolment = services.enrolment_start(person=done, course=course)
    services.lesson_complete(enrolment=enrolment, lesson=course.lessons().get())
    _rule(course, Target.EMPLOYEES)
    assert sweeps.rules_apply() == 1
    assert sweeps.rules_apply() == 0
    assert list(Assignment.objects.values_list("person", flat=True)) == [todo.pk]


def test_a_duty_rule_reaches_current_employees_with_that_duty():
    agent = person_with(Role.EMPLOYEE, duties=(Duty.AGENT,))
    former = person_with(Role.EMPLOYEE, duties=(Duty.AGENT,))
    role_end(assignment=former.role_assignments.get())
    person_with(Role.EMPLOYEE)
    _rule(make_course(), Target.DUTY, duty=Duty.AGENT)
    sweeps.rules_apply()
    assert list(Assignment.objects.values_list("person", flat=True)) == [agent.pk]


def test_a_partner_rule_reaches_partners_not_employees():
    partner = person_with(Role.PARTNER)
    person_with(Role.EMPLOYEE)
    _rule(make_course(employees=False, partners=True), Target.PARTNERS)
    sweeps.rules_apply()
    assert list(Assignment.objects.values_list("person", flat=True)) == [partner.pk]


def test_a_rule_for_a_course_not_open_to_its_people_is_refused():
    from django.core.exceptions import ValidationError

    rule = AssignmentRule(course=make_course(partners=False), target=Target.PARTNERS)
    with pytest.raises(ValidationError):
        rule.full_clean()
    with pytest.raises(ValidationError):
        AssignmentRule(course=make_course("Other"), target=Target.DEPARTMENT).full_clean()


def test_reminders_go_once_per_stage_and_the_manager_hears_when_overdue():
    manager = person_with(Role.EMPLOYEE)
    learner = person_with(Role.EMPLOYEE)
    profile(learner, manager=manager)
    course = make_course()
    now = timezone.now()
    assignment = services.assignment_create(
        person=learner, course=course, due_at=now + timedelta(days=5)
    )
    sent = sweeps.notices_send(now=now)
    assert sent[AssignmentNotice.Stage.ASSIGNED] == 1
    assert sent[AssignmentNotice.Stage.DUE_IN_WEEK] == 1
    assert sweeps.notices_send(now=now)[AssignmentNotice.Stage.DUE_IN_WEEK] == 0
    assert len(_emails_to(learner)) == 2

    tomorrow = now + timedelta(days=4, hours=12)
    assert sweeps.notices_send(now=tomorrow)[AssignmentNotice.Stage.DUE_TOMORROW] == 1
    late = now + timedelta(days=6)
    assert sweeps.notices_send(now=late)[AssignmentNotice.Stage.OVERDUE] == 1
    assert sweeps.notices_send(now=late)[AssignmentNotice.Stage.OVERDUE] == 0
    assert [e.subject for e in _emails_to(manager)] == [
        f"Overdue training: {learner.full_name} — {course.title}"
    ]
    stages = set(assignment.notices.values_list("stage", flat=True))
    assert stages == {"assigned", "due-7d", "due-1d", "overdue"}


def test_a_partners_overdue_training_goes_to_the_firms_admins():
    firm = OrganisationFactory(kind="partner")
    admin = person_with(Role.PARTNER, organisation=firm, admin=True)
    rep = person_with(Role.PARTNER, organisation=firm)
    course = make_course(employees=False, partners=True)
    now = timezone.now()
    services.assignment_create(person=rep, course=course, due_at=now - timedelta(days=1))
    sweeps.notices_send(now=now)
    assert len(_emails_to(admin)) == 1


def test_completed_assignments_get_no_reminders():
    learner = person_with(Role.EMPLOYEE)
    course = make_course(quiz=[], lessons=1)
    now = timezone.now()
    services.assignment_create(person=learner, course=course, due_at=now + timedelta(days=2))
    enrolment = services.enrolment_start(person=learner, course=course)
    services.lesson_complete(enrolment=enrolment, lesson=course.lessons().get())
    OutboundEmail.objects.all().delete()
    assert sum(sweeps.notices_send(now=now).values()) == 0


def _certified(person, course, *, issued_ago_days: int):
    enrolment = services.enrolment_start(
        person=person, course=course, at=timezone.now() - timedelta(days=issued_ago_days)
    )
    services.lesson_complete(
        enrolment=enrolment,
        lesson=course.lessons().get(),
        at=timezone.now() - timedelta(days=issued_ago_days),
    )
    return Certificate.objects.get(enrolment=enrolment)


def test_certificates_expiring_within_90_days_are_flagged_once_and_reassigned():
    learner = person_with(Role.EMPLOYEE)
    fresh = person_with(Role.EMPLOYEE)
    course = make_course(quiz=[], lessons=1, valid_months=12)
    expiring = _certified(learner, course, issued_ago_days=300)
    _certified(fresh, course, issued_ago_days=10)
    assert sweeps.renewals_flag() == 1
    assert sweeps.renewals_flag() == 0
    expiring.refresh_from_db()
    assert expiring.renewal_flagged_at is not None
    renewal = Assignment.objects.get(person=learner)
    assert renewal.reason == Assignment.Reason.RENEWAL
    assert renewal.due_at == expiring.expires_at
    assert OutboundEmail.objects.filter(
        to=learner.email, idempotency_key=f"learning:certificate:{expiring.pk}:renewal"
    ).exists()


def test_a_rule_reassigns_a_course_once_its_certificate_has_expired():
    learner = person_with(Role.EMPLOYEE)
    course = make_course(quiz=[], lessons=1, valid_months=12)
    _certified(learner, course, issued_ago_days=400)
    _rule(course, Target.EMPLOYEES)
    assert sweeps.rules_apply() == 1


def test_the_beat_tasks_run_the_sweeps_eagerly():
    learner = person_with(Role.EMPLOYEE)
    _rule(make_course(), Target.EMPLOYEES, due_in_days=3)
    tasks.apply_assignment_rules.delay()
    result = tasks.send_assignment_notices.delay().get()
    assert Assignment.objects.filter(person=learner).exists()
    assert result["assigned"] == 1 and result["due-7d"] == 1
    assert tasks.flag_certificate_renewals.delay().get() == 0


def test_the_periodic_jobs_are_declared():
    from core.scheduling.defaults import default_periodic_tasks

    jobs = default_periodic_tasks()
    assert (
        jobs["Learning: apply assignment rules"][0] == "core.learning.tasks.apply_assignment_rules"
    )
    assert "Learning: reminders and escalations" in jobs
    assert "Learning: flag certificates for renewal" in jobs


def _eventually(check, seconds: float = 30) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.celery
@pytest.mark.postgres  # as the foundation's real-worker tests: SQLite locks under a worker thread
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_applies_rules_and_sends_reminders(celery_worker_on_redis):
    learner = person_with(Role.EMPLOYEE)
    _rule(make_course(), Target.EMPLOYEES, due_in_days=3)
    tasks.apply_assignment_rules.delay()
    assert _eventually(lambda: Assignment.objects.filter(person=learner).exists())
    tasks.send_assignment_notices.delay()
    assert _eventually(lambda: OutboundEmail.objects.filter(to=learner.email).count() == 2)
    assert set(AssignmentNotice.objects.values_list("stage", flat=True)) == {"assigned", "due-7d"}


def test_a_rule_whose_course_was_closed_to_its_people_assigns_nobody():
    person_with(Role.EMPLOYEE)
    course = make_course()
    _rule(course, Target.EMPLOYEES)
    course.for_employees = False
    course.for_partners = True
    course.save()
    assert sweeps.rules_apply() == 0


def test_the_employee_dashboard_counts_every_overdue_course_not_only_the_five_shown(client):
    learner = person_with(Role.EMPLOYEE)
    now = timezone.now()
    for n in range(7):
        course = make_course(title=f"Course {n}", quiz=[], lessons=1)
        due = now - timedelta(days=n + 1) if n < 6 else now + timedelta(days=3)
        services.assignment_create(person=learner, course=course, due_at=due)
    client.force_login(learner)
    context = client.get(reverse("employee:dashboard")).context
    assert len(context["assigned"]) == 5
    assert context["overdue_count"] == 6
