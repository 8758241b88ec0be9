"""Reading the learning engine: every list here costs a fixed number of queries."""

import re
from datetime import timedelta
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail.models import Page, get_page_models

from core.access.roles import Role
from core.cms.selectors import PAGES
from core.params import whole_number

from .models import Assignment, Certificate, CoursePage, Enrolment, LessonPage, QuizAttempt
from .services import attempts_left

DUE_SOON = timedelta(days=14)


def audience_q(portal: Role, prefix: str = "course__") -> Q:
    """Records whose course is for this portal's people."""
    field = "for_partners" if portal == Role.PARTNER else "for_employees"
    return Q(**{f"{prefix}{field}": True})


def page_types(model) -> list[ContentType]:
    """The content types of `model`'s pages and its subclasses': a condition on the page
    table that tells PostgreSQL how few of the site's pages are of this kind."""
    return list(
        ContentType.objects.get_for_models(
            *(page_model for page_model in get_page_models() if issubclass(page_model, model))
        ).values()
    )


def lesson_counts(courses) -> dict[int, int]:
    """Live lessons per course, for any number of courses in one query."""
    courses = [c for c in courses if c is not None]
    if not courses:
        return {}
    by_path = {c.path: c.pk for c in courses}
    condition = reduce(or_, (Q(path__startswith=c.path, depth=c.depth + 1) for c in courses))
    counts: dict[int, int] = dict.fromkeys(by_path.values(), 0)
    steplen = LessonPage.steplen
    # From the page table alone, lessons known by their types: joined to the lesson table,
    # PostgreSQL has been seen walking every page's key in order to meet 20 lessons (17 ms).
    lessons = Page.objects.live().filter(condition, content_type__in=page_types(LessonPage))
    for path in lessons.values_list("path", flat=True):
        course_id = by_path.get(path[:-steplen])
        if course_id is not None:
            counts[course_id] += 1
    return counts


def with_progress(enrolments: list[Enrolment]) -> list[Enrolment]:
    """Sets .lessons_total, .percent on enrolments annotated by enrolments_annotated()."""
    totals = lesson_counts({e.course_id: e.course for e in enrolments}.values())
    for enrolment in enrolments:
        total = totals.get(enrolment.course_id, 0)
        steps = total + (1 if enrolment.course.has_quiz else 0)
        done = min(enrolment.lessons_done, total) + (1 if enrolment.quiz_passed else 0)
        enrolment.lessons_total = total
        enrolment.percent = 100 if enrolment.completed_at else (done * 100 // steps if steps else 0)
    return enrolments


def with_course(queryset, *fields: str, course_fields: tuple[str, ...] = ("title",)):
    """The records with their course, reading only `fields` of them and `course_fields` of
    it. A course is a Wagtail page: its ~40 columns cost ~1 ms a query to read and build."""
    course = ("course", *(f"course__{name}" for name in course_fields))
    return queryset.select_related("course").only(*fields, *course)


def enrolments_annotated(queryset):
    """Open enrolments for `with_progress`: only what it and the lists show."""
    return with_course(
        queryset,
        "completed_at",
        course_fields=("title", "path", "depth", "questions"),
    ).annotate(
        lessons_done=Count("progress", distinct=True),
        quiz_passed=Exists(QuizAttempt.objects.filter(enrolment=OuterRef("pk"), passed=True)),
    )


def learner_overview(person, portal: Role, *, now=None) -> dict:
    """The learner dashboard: assigned, in progress, due soon, completed, certificates."""
    now = now or timezone.now()
    audience = audience_q(portal)
    open_enrolments = with_progress(
        list(
            enrolments_annotated(Enrolment.objects.visible_to(person).open().filter(audience))
            .filter(course__live=True)
            .order_by("-last_activity_at")[:20]
        )
    )
    by_course = {e.course_id: e for e in open_enrolments}
    assigned = list(
        with_course(
            Assignment.objects.open().filter(audience, person=person, course__live=True),
            "due_at",
            "reason",
        ).order_by("due_at")[:20]
    )
    for assignment in assigned:
        assignment.enrolment = by_course.get(assignment.course_id)
        assignment.is_overdue = assignment.due_at <= now
        assignment.is_due_soon = not assignment.is_overdue and assignment.due_at <= now + DUE_SOON
    completed = list(
        with_course(
            Enrolment.objects.visible_to(person).filter(audience, completed_at__isnull=False),
            "completed_at",
        ).order_by("-completed_at")[:10]
    )
    certificates = list(
        Certificate.objects.visible_to(person)
        .filter(audience, revoked_at__isnull=True)
        .order_by("-issued_at")[:20]
    )
    newest: dict[int, Certificate] = {}
    for certificate in certificates:
        newest.setdefault(certificate.course_id, certificate)
        certificate.current_status = certificate.status(now)
        certificate.renew_soon = (
            certificate.expires_at is not None
            and certificate.current_status == "valid"
            and certificate.expires_at <= now + timedelta(days=90)
        )
    return {
        "assigned": assigned,
        "due_soon": [a for a in assigned if a.is_overdue or a.is_due_soon],
        "in_progress": open_enrolments,
        "completed": completed,
        "certificates": list(newest.values()),
    }


def catalogue(person, portal: Role):
    """The courses this person may take in this portal, with their own state on each, and
    only the columns a course card shows."""
    mine = Enrolment.objects.filter(person=person, course=OuterRef("pk"))
    return (
        CoursePage.objects.visible_to(person, portal)
        # Redundant for the rows, not for the plan: with it PostgreSQL reads the courses in
        # title order from the page table's type-and-title index (cms migration 0004), while
        # there is one course type (a subclass would make it sort the courses it reads).
        # Without it, taking courses to be spread evenly among the 50,000 pages it walked in
        # title order, it met the first 12 by comparing each page with every course (0.7 s).
        .filter(content_type__in=page_types(CoursePage))
        .only("title", "summary", "duration_minutes", "certificate_valid_months")
        .annotate(
            is_enrolled=Exists(mine.filter(completed_at__isnull=True)),
            is_completed=Exists(mine.filter(completed_at__isnull=False)),
            is_assigned=Exists(
                Assignment.objects.open().filter(person=person, course=OuterRef("pk"))
            ),
        )
        .order_by("title")
    )


def course_state(person, course: CoursePage) -> dict:
    """Everything the course page shows about this learner, in a handful of queries."""
    enrolment = (
        Enrolment.objects.visible_to(person)
        .filter(course=course)
        .order_by("completed_at", "-enrolled_at")  # the open one (NULL first), else the latest
        .first()
    )
    if enrolment is not None and enrolment.completed_at is not None:
        open_one = Enrolment.objects.open().filter(person=person, course=course).first()
        enrolment = open_one or enrolment
    lessons = list(course.lessons().only("pk", "title", "path", "depth"))
    done = set()
    attempts = []
    if enrolment is not None:
        done = set(enrolment.progress.values_list("lesson_id", flat=True))
        attempts = list(enrolment.attempts.order_by("number"))
    for lesson in lessons:
        lesson.is_done = lesson.pk in done
    passed = any(a.passed for a in attempts)
    left = attempts_left(enrolment, course, len(attempts)) if enrolment else None
    assignment = Assignment.objects.open().filter(person=person, course=course).first()
    certificate = (
        Certificate.objects.visible_to(person)
        .filter(course=course, revoked_at__isnull=True)
        .order_by("-issued_at")
        .first()
    )
    completed = enrolment is not None and enrolment.completed_at is not None
    return {
        "completed": completed,
        # A renewal (or a certificate that lapsed) opens the course again.
        "can_retake": completed
        and (assignment is not None or certificate is None or not certificate.is_valid),
        "enrolment": enrolment,
        "lessons": lessons,
        "lessons_done": sum(1 for lesson in lessons if lesson.is_done),
        "next_lesson": next((lesson for lesson in lessons if not lesson.is_done), None),
        "attempts": attempts,
        "quiz_passed": passed,
        "attempts_left": left,
        "unlimited_attempts": course.max_attempts == 0,
        "assignment": assignment,
        "certificate": certificate,
    }


# How a course is written when another live course has the same title: "Title (#12)".
_NUMBERED = re.compile(r"^(?P<title>.*?)\s*\(#(?P<pk>\d+)\)$")


def assignable_courses():
    """The courses a manager may assign: live, for employees."""
    return CoursePage.objects.live().filter(for_employees=True)


def assignable_course_choices(*, limit: int) -> list[tuple[int, str]]:
    """(pk, title) of the assignable courses by title, at most `limit` and one more to tell
    that there are more. Kept with the site's pages: courses are pages, and saving,
    publishing, unpublishing or deleting any page replaces that generation."""
    return PAGES.kept(
        f"assignable-courses:{limit}",
        lambda: list(
            assignable_courses().order_by("title", "pk").values_list("pk", "title")[: limit + 1]
        ),
    )


def course_label(course_id: int, title: str, *, shared: bool) -> str:
    """What a manager types for a course: its title, with its number when the title is shared."""
    return f"{title} (#{course_id})" if shared else title


def courses_titled(text: str, *, limit: int = 5) -> list[CoursePage]:
    """The assignable courses `text` names: the one of its "Title (#12)" form, else those whose
    title is `text` ignoring case (more than one when titles are shared; at most `limit`)."""
    text = text.strip()
    numbered = _NUMBERED.match(text)
    if numbered:
        pk = whole_number(numbered["pk"])
        courses = assignable_courses().filter(pk=pk, title__iexact=numbered["title"])
        found = courses.first() if pk is not None else None
        if found is not None:
            return [found]
    return list(assignable_courses().filter(title__iexact=text).order_by("pk")[:limit])


def course_suggestions(query: str, *, limit: int = 10) -> list[str]:
    """Up to `limit` labels of assignable courses whose title holds `query`, those starting with
    it first; in one query, whatever the number of courses."""
    if not query:
        return []
    same_title = (
        assignable_courses()
        .alias(lower_title=Lower("title"))
        .filter(lower_title=Lower(OuterRef("title")))
        .exclude(pk=OuterRef("pk"))
    )
    rows = (
        assignable_courses()
        .filter(title__icontains=query)
        .annotate(
            starts=Case(
                When(title__istartswith=query, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            shared=Exists(same_title),
        )
        .order_by("starts", "title", "pk")
        .values_list("pk", "title", "shared")[:limit]
    )
    return [course_label(pk, title, shared=shared) for pk, title, shared in rows]
