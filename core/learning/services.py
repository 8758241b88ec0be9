"""What learners and managers do: enrol, finish lessons, sit the quiz, complete, ask for
another attempt. Every change goes through here; views and tasks only call these."""

import calendar
from dataclasses import asdict
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit.services import audit_record
from core.notifications.services import email_queue_templated

from . import quiz
from .models import (
    Assignment,
    Certificate,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    QuizAttempt,
)


def add_months(moment: datetime, months: int) -> datetime:
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


@transaction.atomic
def enrolment_start(*, person, course: CoursePage, at=None) -> Enrolment:
    """The person's open enrolment in the course, made if there is none. Idempotent."""
    at = at or timezone.now()
    existing = Enrolment.objects.open().filter(person=person, course=course).first()
    if existing is not None:
        return existing
    assigned = Assignment.objects.open().filter(person=person, course=course).exists()
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                person=person,
                course=course,
                enrolled_at=at,
                last_activity_at=at,
                source=Enrolment.Source.ASSIGNED if assigned else Enrolment.Source.SELF,
            )
    except IntegrityError:  # a double click: the other request made it
        return Enrolment.objects.open().get(person=person, course=course)
    audit_record("learning.enrolled", actor=person, target=enrolment)
    return enrolment


@transaction.atomic
def lesson_complete(*, enrolment: Enrolment, lesson: LessonPage, at=None) -> Enrolment:
    at = at or timezone.now()
    if lesson.get_parent().pk != enrolment.course_id:
        raise ValidationError(_("This lesson belongs to another course."))
    if enrolment.is_complete:
        return enrolment
    LessonProgress.objects.get_or_create(
        enrolment=enrolment, lesson=lesson, defaults={"completed_at": at}
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=at)
    return enrolment_refresh_completion(enrolment=enrolment, at=at)


def attempts_allowed(enrolment: Enrolment, course: CoursePage) -> int | None:
    """None means unlimited."""
    if course.max_attempts == 0:
        return None
    return course.max_attempts + enrolment.extra_attempts


def attempts_left(enrolment: Enrolment, course: CoursePage, used: int) -> int | None:
    allowed = attempts_allowed(enrolment, course)
    return None if allowed is None else max(allowed - used, 0)


class NoAttemptsLeft(PermissionDenied):
    pass


@transaction.atomic
def quiz_submit(*, enrolment: Enrolment, raw_answers: dict, at=None) -> QuizAttempt:
    """Score and record one attempt. The enrolment row is locked, so two tabs submitting at
    once cannot both take the last attempt."""
    at = at or timezone.now()
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    course = CoursePage.objects.get(pk=enrolment.course_id)
    if enrolment.is_complete:
        raise ValidationError(_("You have completed this course already."))
    if enrolment.attempts.filter(passed=True).exists():
        raise ValidationError(_("You have passed this quiz already."))
    used = enrolment.attempts.count()
    if attempts_left(enrolment, course, used) == 0:
        raise NoAttemptsLeft(_("You have no attempts left for this quiz."))
    questions = course.quiz_questions()
    if not questions:
        raise ValidationError(_("This course has no quiz."))
    answers = quiz.clean_answers(questions, raw_answers)
    result = quiz.score(questions, answers, course.pass_mark)
    attempt = QuizAttempt.objects.create(
        enrolment=enrolment,
        number=used + 1,
        submitted_at=at,
        answers=answers,
        results=[asdict(r) for r in result.results],
        score=result.percent,
        passed=result.passed,
    )
    enrolment.last_activity_at = at
    enrolment.save(update_fields=["last_activity_at"])
    audit_record(
        "learning.quiz_attempted",
        actor=enrolment.person,
        target=enrolment,
        changes={"attempt": attempt.number, "score": attempt.score, "passed": attempt.passed},
    )
    if attempt.passed:
        enrolment_refresh_completion(enrolment=enrolment, at=at)
    return attempt


def completion_state(enrolment: Enrolment, course: CoursePage) -> dict:
    lesson_ids = set(course.lessons().values_list("pk", flat=True))
    done_ids = set(enrolment.progress.values_list("lesson_id", flat=True))
    passed = not course.has_quiz or enrolment.attempts.filter(passed=True).exists()
    return {
        "lessons_total": len(lesson_ids),
        "lessons_done": len(lesson_ids & done_ids),
        "quiz_passed": passed,
        "complete": lesson_ids <= done_ids and passed,
    }


@transaction.atomic
def enrolment_refresh_completion(*, enrolment: Enrolment, at=None) -> Enrolment:
    """The completion rule: every live lesson done and the quiz (if any) passed. On
    completion the open assignment is met and a certificate issued."""
    at = at or timezone.now()
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.is_complete:
        return enrolment
    course = CoursePage.objects.get(pk=enrolment.course_id)
    if not completion_state(enrolment, course)["complete"]:
        return enrolment
    enrolment.completed_at = at
    enrolment.retake_requested_at = None
    enrolment.save(update_fields=["completed_at", "retake_requested_at"])
    Assignment.objects.open().filter(person_id=enrolment.person_id, course=course).update(
        completed_at=at
    )
    best = enrolment.attempts.order_by("-score").values_list("score", flat=True).first()
    certificate_issue(enrolment=enrolment, course=course, score=best, at=at)
    audit_record("learning.completed", actor=enrolment.person, target=enrolment)
    return enrolment


def certificate_issue(*, enrolment: Enrolment, course: CoursePage, score, at) -> Certificate:
    person = enrolment.person
    certificate, created = Certificate.objects.get_or_create(
        enrolment=enrolment,
        defaults={
            "person": person,
            "course": course,
            "holder_name": person.full_name,
            "course_title": course.title,
            "score": score,
            "issued_at": at,
            "expires_at": add_months(at, course.certificate_valid_months)
            if course.certificate_valid_months
            else None,
        },
    )
    if created:
        audit_record("learning.certificate_issued", actor=person, target=certificate)
        email_queue_templated(
            to=person.email,
            template="learning_certificate_issued",
            context={"person": person, "certificate": certificate},
            language=person.language,
            key=f"learning:certificate:{certificate.pk}:issued",
        )
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, revoked_by, reason: str) -> Certificate:
    if certificate.revoked_at is None:
        certificate.revoked_at = timezone.now()
        certificate.save(update_fields=["revoked_at"])
        audit_record(
            "learning.certificate_revoked",
            actor=revoked_by,
            target=certificate,
            changes={"reason": reason},
        )
    return certificate


@transaction.atomic
def retake_request(*, enrolment: Enrolment, reason: str, at=None) -> Enrolment:
    """A learner out of attempts asks for one more; their manager (or, for partners, a
    channel manager) decides in the approvals inbox."""
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.is_complete or enrolment.retake_requested_at is not None:
        return enrolment
    enrolment.retake_requested_at = at or timezone.now()
    enrolment.retake_reason = reason.strip()[:1000]
    enrolment.save(update_fields=["retake_requested_at", "retake_reason"])
    audit_record("learning.retake_requested", actor=enrolment.person, target=enrolment)
    return enrolment


@transaction.atomic
def retake_decide(*, enrolment: Enrolment, decided_by, approve: bool, reason: str) -> Enrolment:
    enrolment = (
        Enrolment.objects.select_for_update()
        .select_related("person", "course")
        .get(pk=enrolment.pk)
    )
    if enrolment.retake_requested_at is None:
        raise ValidationError(_("This request was decided already."))
    enrolment.retake_requested_at = None
    if approve:
        enrolment.extra_attempts += 1
    enrolment.save(update_fields=["retake_requested_at", "extra_attempts"])
    audit_record(
        "learning.retake_granted" if approve else "learning.retake_declined",
        actor=decided_by,
        target=enrolment,
        changes={"reason": reason},
    )
    person = enrolment.person
    email_queue_templated(
        to=person.email,
        template="learning_retake_decided",
        context={"person": person, "enrolment": enrolment, "approved": approve, "reason": reason},
        language=person.language,
        # A decision happens once, inside this transaction: no retry can send it twice.
        key=None,
    )
    return enrolment


@transaction.atomic
def assignment_create(
    *, person, course: CoursePage, due_at, assigned_by=None, reason=Assignment.Reason.MANUAL
) -> Assignment:
    """A course assigned by hand; an open assignment is kept, with the earlier due date."""
    existing = Assignment.objects.open().select_for_update().filter(person=person, course=course)
    current = existing.first()
    if current is not None:
        if due_at < current.due_at:
            current.due_at = due_at
            current.save(update_fields=["due_at"])
        return current
    assignment = Assignment.objects.create(
        person=person, course=course, reason=reason, assigned_at=timezone.now(), due_at=due_at
    )
    audit_record("learning.assigned", actor=assigned_by, target=assignment)
    return assignment
