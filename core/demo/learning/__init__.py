"""Demo learning: seven courses with lessons and quizzes, mandatory-training rules, and a
history of enrolments, attempts, completions and certificates (two of them expiring soon)."""

from django.db import transaction

from core.cms.models import HomePage
from core.demo.world import DemoWorld
from core.learning import sweeps
from core.learning.models import AssignmentRule, CourseIndexPage, CoursePage, Enrolment, LessonPage
from core.notifications.models import OutboundEmail

from .courses import COURSES, RULES, Course
from .history import seed_history


@transaction.atomic
def seed(world: DemoWorld) -> None:
    index = CourseIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.get()
        index = home.add_child(
            instance=CourseIndexPage(title="Courses", slug="courses", intro="Our training.")
        )
    courses = {spec.key: _course(world, index, spec) for spec in COURSES}
    for key, course in courses.items():
        world.objects[f"learning:course:{key}"] = course
    if not Enrolment.objects.exists():
        before = OutboundEmail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        seed_history(world, courses)
        # History, not news: nobody is congratulated today for a course finished last year.
        # (Deleted before commit, so their delivery tasks find nothing to send.)
        OutboundEmail.objects.filter(
            pk__gt=before, idempotency_key__regex=r"^learning:certificate:[0-9]+:issued$"
        ).delete()
    for course_key, target, department, due in RULES:
        AssignmentRule.objects.get_or_create(
            course=courses[course_key],
            target=target,
            department=world.objects[f"staff:department:{department}"] if department else None,
            defaults={"due_in_days": due},
        )
    sweeps.renewals_flag(now=world.now)
    sweeps.rules_apply(now=world.now)
    _remember(world, courses)


def _course(world: DemoWorld, index, spec: Course) -> CoursePage:
    course = CoursePage.objects.child_of(index).filter(title=spec.title).first()
    if course is not None:
        return course
    course = CoursePage(
        title=spec.title,
        summary=spec.summary,
        body=[{"type": "paragraph", "value": f"<p>{spec.summary}</p>"}],
        duration_minutes=spec.minutes,
        for_employees=spec.employees,
        for_partners=spec.partners,
        pass_mark=spec.pass_mark,
        max_attempts=spec.attempts,
        certificate_valid_months=spec.valid_months,
        questions=list(spec.quiz),
    )
    index.add_child(instance=course)
    if spec.departments:
        course.departments.set(
            [world.objects[f"staff:department:{key}"] for key in spec.departments]
        )
    course.save_revision().publish()
    for number, (title, text) in enumerate(spec.lessons, start=1):
        course.add_child(
            instance=LessonPage(
                title=title,
                summary=f"Lesson {number} of {len(spec.lessons)}",
                duration_minutes=max(spec.minutes // len(spec.lessons), 5),
                body=[
                    {"type": "paragraph", "value": f"<p>{text}</p>"},
                    {
                        "type": "callout",
                        "value": {
                            "tone": "success",
                            "text": "<p>Take a note of one thing you will do differently.</p>",
                        },
                    },
                ],
            )
        )
        course.refresh_from_db()
    return CoursePage.objects.get(pk=course.pk)


def _remember(world: DemoWorld, c: dict) -> None:
    from core.learning.models import Certificate, QuizAttempt

    joko = world.people["employee"]
    world.objects["learning:certificate:employee"] = Certificate.objects.filter(person=joko).first()
    world.objects["learning:certificate:partner"] = Certificate.objects.filter(
        person=world.people["partner"], course=c["partner-sales"]
    ).first()
    world.objects["learning:attempt:employee"] = QuizAttempt.objects.filter(
        enrolment__person=joko
    ).first()
    world.objects["learning:attempt:partner"] = QuizAttempt.objects.filter(
        enrolment__person=world.people["partner"]
    ).first()
    world.objects["learning:lesson:pdp"] = c["pdp"].lessons().first()
    world.objects["learning:lesson:partner-sales"] = c["partner-sales"].lessons().first()
