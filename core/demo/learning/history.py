"""A year and more of demo learning history: who enrolled when, which lessons they did, how
their quiz attempts went, overdue and due-soon assignments, and two requests for a retake."""

from datetime import timedelta

from core.demo.world import DemoWorld
from core.learning import services
from core.learning.models import Assignment

from .courses import MANDATORY

DAY = timedelta(days=1)


def _take(
    world, key, course, *, days_ago: float, lessons: int | None = None, quiz: list[bool] = ()
):
    """Someone's history with a course: enrolled `days_ago`, did `lessons` lessons (all when
    None), then one quiz attempt per entry of `quiz` (True: all right, False: all wrong)."""
    person = world.people[key]
    start = world.now - days_ago * DAY
    if (
        course.title in MANDATORY
        and not Assignment.objects.filter(person=person, course=course).exists()
    ):
        # Mandatory training was assigned (by its rule) a few days before it was started.
        Assignment.objects.create(
            person=person,
            course=course,
            reason=Assignment.Reason.RULE,
            assigned_at=start - 3 * DAY,
            due_at=start + 27 * DAY,
        )
    enrolment = services.enrolment_start(person=person, course=course, at=start)
    all_lessons = list(course.lessons())
    for offset, lesson in enumerate(
        all_lessons[: len(all_lessons) if lessons is None else lessons]
    ):
        services.lesson_complete(
            enrolment=enrolment, lesson=lesson, at=start + (offset + 1) * timedelta(hours=3)
        )
    questions = course.quiz_questions()
    for number, right in enumerate(quiz, start=1):
        answers = {
            item["id"]: [c["id"] for c in item["choices"] if c["correct"] == right][
                : 1 if not item["multiple"] or not right else None
            ]
            for item in questions
        }
        services.quiz_submit(
            enrolment=enrolment, raw_answers=answers, at=start + timedelta(days=1, hours=number)
        )
    return enrolment


def _assign(world, key, course, *, days_ago: float, due_in: float, reason=Assignment.Reason.RULE):
    Assignment.objects.get_or_create(
        person=world.people[key],
        course=course,
        completed_at=None,
        defaults={
            "reason": reason,
            "assigned_at": world.now - days_ago * DAY,
            "due_at": world.now + due_in * DAY,
        },
    )


def seed_history(world: DemoWorld, c: dict) -> None:
    # Joko: data protection a year ago (certificate expires in about a month), fundamentals done,
    # security awareness half-way and due in five days.
    _take(world, "employee", c["pdp"], days_ago=335, quiz=[False, True])
    _take(world, "employee", c["fundamentals"], days_ago=400, quiz=[True])
    _assign(world, "employee", c["security"], days_ago=40, due_in=5)
    _take(world, "employee", c["security"], days_ago=10, lessons=1)
    # Rina: data protection expiring in about seven weeks; escalations overdue and unfinished.
    _take(world, "agent", c["pdp"], days_ago=315, quiz=[True])
    _take(world, "agent", c["security"], days_ago=60, quiz=[True])
    _take(world, "agent", c["kb-writing"], days_ago=90)
    _assign(world, "agent", c["escalations"], days_ago=35, due_in=-14)
    _take(world, "agent", c["escalations"], days_ago=20, lessons=2)
    # Arif: all done on time.
    for key in ("pdp", "security", "escalations", "fundamentals"):
        _take(world, "agent_two", c[key], days_ago=50, quiz=[True])
    # Hendra: failed the anti-bribery quiz twice (its limit) and asked for another attempt.
    _assign(world, "channel_manager", c["anti-bribery"], days_ago=25, due_in=5)
    hendra = _take(world, "channel_manager", c["anti-bribery"], days_ago=12, quiz=[False, False])
    services.retake_request(
        enrolment=hendra,
        reason="The second attempt timed out on the train.",
        at=world.now - 2 * DAY,
    )
    _take(world, "channel_manager", c["pdp"], days_ago=120, quiz=[True])
    # Sarah, Putu, Ari, the heads.
    _take(world, "ir_officer", c["pdp"], days_ago=180, quiz=[True])
    _take(world, "content_editor", c["kb-writing"], days_ago=200)
    _take(world, "content_editor", c["fundamentals"], days_ago=30, lessons=2)
    for key in ("pdp", "security", "fundamentals"):
        _take(world, "admin", c[key], days_ago=70, quiz=[True])
    _take(world, "head_support", c["escalations"], days_ago=300, quiz=[True])
    _take(world, "head_support", c["pdp"], days_ago=80, quiz=[True])
    _take(world, "it_support", c["security"], days_ago=15, lessons=3, quiz=[False])
    # Two heads of department who have let mandatory training slip.
    _assign(world, "head_sales", c["pdp"], days_ago=40, due_in=-10)
    _assign(world, "head_finance", c["security"], days_ago=50, due_in=-5)
    # Partners: Agus certified 22 months ago (renewal due), Liam recently, Rizky out of
    # attempts and asking for one more, Dewi and Mei Ling under way.
    _take(world, "partner", c["partner-sales"], days_ago=670, quiz=[True])
    _take(world, "partner", c["fundamentals"], days_ago=500, quiz=[True])
    _take(world, "other_partner", c["partner-sales"], days_ago=95, quiz=[False, True])
    _assign(world, "partner_rep", c["partner-sales"], days_ago=50, due_in=10)
    rizky = _take(world, "partner_rep", c["partner-sales"], days_ago=20, quiz=[False, False, False])
    services.retake_request(
        enrolment=rizky,
        reason="I studied the pricing lesson again and am ready.",
        at=world.now - DAY,
    )
    _take(world, "multi", c["partner-sales"], days_ago=6, lessons=2)
    _take(world, "pacific_rep", c["fundamentals"], days_ago=3, lessons=1)
