"""Enrolment, lesson progress, quiz attempts and the completion rule."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.access.roles import Role
from core.learning import services
from core.learning.models import Assignment, Certificate, CoursePage, Enrolment
from core.notifications.models import OutboundEmail
from tests.factories import person_with

from .factories import make_course, right_answers, wrong_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner():
    return person_with(Role.EMPLOYEE)


def _finish_lessons(enrolment, course):
    for lesson in course.lessons():
        services.lesson_complete(enrolment=enrolment, lesson=lesson)


def test_quiz_block_ids_survive_a_reload_so_answers_match_questions():
    course = make_course()
    again = CoursePage.objects.get(pk=course.pk)
    assert course.quiz_questions() == again.quiz_questions()


def test_enrolling_twice_keeps_one_open_enrolment(learner):
    course = make_course()
    first = services.enrolment_start(person=learner, course=course)
    assert services.enrolment_start(person=learner, course=course) == first
    assert Enrolment.objects.filter(person=learner).count() == 1


def test_lessons_alone_do_not_complete_a_course_with_a_quiz(learner):
    course = make_course()
    enrolment = services.enrolment_start(person=learner, course=course)
    _finish_lessons(enrolment, course)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    state = services.completion_state(enrolment, course)
    assert state == {"lessons_total": 2, "lessons_done": 2, "quiz_passed": False, "complete": False}


def test_passing_the_quiz_before_the_lessons_completes_only_when_lessons_are_done(learner):
    course = make_course()
    enrolment = services.enrolment_start(person=learner, course=course)
    attempt = services.quiz_submit(enrolment=enrolment, raw_answers=right_answers(course))
    assert attempt.passed
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    _finish_lessons(enrolment, course)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


def test_completion_issues_a_certificate_meets_the_assignment_and_emails_the_learner(learner):
    course = make_course(valid_months=12)
    assignment = services.assignment_create(person=learner, course=course, due_at=timezone.now())
    enrolment = services.enrolment_start(person=learner, course=course)
    _finish_lessons(enrolment, course)
    services.quiz_submit(enrolment=enrolment, raw_answers=right_answers(course))
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.holder_name == learner.full_name
    assert certificate.score == 100
    assert certificate.expires_at.year == certificate.issued_at.year + 1
    assignment.refresh_from_db()
    assert assignment.completed_at is not None
    assert OutboundEmail.objects.filter(
        to=learner.email, idempotency_key=f"learning:certificate:{certificate.pk}:issued"
    ).exists()


def test_a_course_without_quiz_completes_on_the_last_lesson(learner):
    course = make_course(quiz=[])
    enrolment = services.enrolment_start(person=learner, course=course)
    _finish_lessons(enrolment, course)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert Certificate.objects.get(enrolment=enrolment).score is None


def test_attempts_are_limited_and_numbered(learner):
    course = make_course(max_attempts=2)
    enrolment = services.enrolment_start(person=learner, course=course)
    first = services.quiz_submit(enrolment=enrolment, raw_answers=wrong_answers(course))
    second = services.quiz_submit(enrolment=enrolment, raw_answers=wrong_answers(course))
    assert (first.number, second.number) == (1, 2)
    assert not first.passed and first.score == 0
    with pytest.raises(services.NoAttemptsLeft):
        services.quiz_submit(enrolment=enrolment, raw_answers=right_answers(course))


def test_a_granted_retake_allows_exactly_one_more_attempt(learner):
    course = make_course(max_attempts=1)
    manager = person_with(Role.EMPLOYEE)
    enrolment = services.enrolment_start(person=learner, course=course)
    services.quiz_submit(enrolment=enrolment, raw_answers=wrong_answers(course))
    services.retake_request(enrolment=enrolment, reason="I was interrupted")
    services.retake_decide(enrolment=enrolment, decided_by=manager, approve=True, reason="Fine")
    services.quiz_submit(enrolment=enrolment, raw_answers=wrong_answers(course))
    with pytest.raises(services.NoAttemptsLeft):
        services.quiz_submit(enrolment=enrolment, raw_answers=right_answers(course))


def test_unlimited_attempts_when_the_limit_is_zero(learner):
    course = make_course(max_attempts=0)
    enrolment = services.enrolment_start(person=learner, course=course)
    for _ in range(5):
        services.quiz_submit(enrolment=enrolment, raw_answers=wrong_answers(course))
    assert services.quiz_submit(enrolment=enrolment, raw_answers=right_answers(course)).passed


def test_no_more_attempts_after_passing(learner):
    course = make_course()
    enrolment = services.enrolment_start(person=learner, course=course)
    services.quiz_submit(enrolment=enrolment, raw_answers=right_answers(course))
    with pytest.raises(ValidationError):
        services.quiz_submit(enrolment=enrolment, raw_answers=right_answers(course))


def test_a_lesson_of_another_course_is_refused(learner):
    course, other = make_course("One"), make_course("Two")
    enrolment = services.enrolment_start(person=learner, course=course)
    with pytest.raises(ValidationError):
        services.lesson_complete(enrolment=enrolment, lesson=other.lessons().first())


def test_retaking_after_completion_starts_a_fresh_enrolment_and_keeps_history(learner):
    course = make_course(quiz=[], lessons=1)
    first = services.enrolment_start(person=learner, course=course)
    _finish_lessons(first, course)
    second = services.enrolment_start(person=learner, course=course)
    assert second.pk != first.pk
    assert second.progress.count() == 0
    assert Enrolment.objects.filter(person=learner, course=course).count() == 2


def test_a_manual_assignment_keeps_the_earlier_due_date(learner):
    from datetime import timedelta

    from django.utils import timezone

    course = make_course()
    soon = timezone.now() + timedelta(days=3)
    services.assignment_create(person=learner, course=course, due_at=soon + timedelta(days=10))
    services.assignment_create(person=learner, course=course, due_at=soon)
    assert Assignment.objects.get(person=learner).due_at == soon
