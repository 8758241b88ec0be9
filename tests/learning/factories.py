"""Courses, lessons and quizzes for tests: real Wagtail pages, made in a few lines."""

from core.cms.models import HomePage
from core.cms.structure import ensure_site_structure
from core.learning.models import CourseIndexPage, CoursePage, LessonPage
from core.staff.models import Department, EmployeeProfile


def course_index() -> CourseIndexPage:
    index = CourseIndexPage.objects.first()
    if index is None:
        ensure_site_structure()
        home = HomePage.objects.get()
        index = home.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    return index


def question(text: str, answers: dict[str, bool], *, multiple: bool = False, explanation=""):
    """A raw quiz question: {answer text: is it correct}."""
    return {
        "type": "question",
        "value": {
            "question": text,
            "kind": "multiple" if multiple else "single",
            "choices": [{"text": a, "correct": ok} for a, ok in answers.items()],
            "explanation": explanation,
        },
    }


STANDARD_QUIZ = [
    question("What does PDP protect?", {"Personal data": True, "Office plants": False}),
    question(
        "Which are personal data?",
        {"A customer's e-mail address": True, "A phone number": True, "The weather": False},
        multiple=True,
    ),
]


def make_course(
    title: str = "Data protection essentials",
    *,
    lessons: int = 2,
    quiz: list | None = None,
    employees: bool = True,
    partners: bool = False,
    departments=(),
    pass_mark: int = 80,
    max_attempts: int = 3,
    valid_months: int | None = None,
    live: bool = True,
) -> CoursePage:
    index = course_index()
    course = CoursePage(
        title=title,
        summary=f"About {title}",
        for_employees=employees,
        for_partners=partners,
        pass_mark=pass_mark,
        max_attempts=max_attempts,
        certificate_valid_months=valid_months,
        questions=STANDARD_QUIZ if quiz is None else quiz,
        live=live,
    )
    index.add_child(instance=course)
    if departments:
        course.departments.set(departments)
        course.save()
    for number in range(1, lessons + 1):
        course.add_child(
            instance=LessonPage(
                title=f"{title}: lesson {number}",
                body=[{"type": "paragraph", "value": f"<p>Lesson {number}</p>"}],
            )
        )
        course.refresh_from_db()
    # Read back, as a request would: block ids are what was saved.
    return CoursePage.objects.get(pk=course.pk)


def right_answers(course: CoursePage) -> dict[str, list[str]]:
    return {
        q["id"]: [c["id"] for c in q["choices"] if c["correct"]] for q in course.quiz_questions()
    }


def wrong_answers(course: CoursePage) -> dict[str, list[str]]:
    return {
        q["id"]: [next(c["id"] for c in q["choices"] if not c["correct"])]
        for q in course.quiz_questions()
    }


def department(name: str = "Finance") -> Department:
    dept, _ = Department.objects.get_or_create(
        name=name, defaults={"slug": name.lower().replace(" ", "-").replace("&", "and")}
    )
    return dept


def profile(person, *, department=None, manager=None, **fields) -> EmployeeProfile:
    obj, _ = EmployeeProfile.objects.update_or_create(
        person=person, defaults={"department": department, "manager": manager, **fields}
    )
    person.__dict__.pop("_department_id", None)
    return obj
