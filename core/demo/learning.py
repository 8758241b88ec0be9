"""Demo learning: seven courses with lessons and quizzes, mandatory-training rules, and a
history of enrolments, attempts, completions and certificates (two of them expiring soon)."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction

from core.cms.models import HomePage
from core.learning import services, sweeps
from core.learning.models import (
    Assignment,
    AssignmentRule,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonPage,
)
from core.learning.targets import Target
from core.notifications.models import OutboundEmail

from .world import DemoWorld

DAY = timedelta(days=1)


def q(text, answers, *, multiple=False, explanation=""):
    return {
        "type": "question",
        "value": {
            "question": text,
            "kind": "multiple" if multiple else "single",
            "choices": [{"text": a, "correct": ok} for a, ok in answers],
            "explanation": explanation,
        },
    }


@dataclass(frozen=True)
class Course:
    key: str
    title: str
    summary: str
    lessons: tuple[tuple[str, str], ...]
    quiz: tuple = ()
    employees: bool = True
    partners: bool = False
    departments: tuple[str, ...] = ()
    valid_months: int | None = None
    minutes: int = 30
    pass_mark: int = 80
    attempts: int = 3


COURSES = [
    Course(
        "pdp",
        "Data protection (UU PDP) essentials",
        "What Indonesia's Personal Data Protection Law asks of every one of us. Yearly.",
        (
            (
                "What counts as personal data",
                "Personal data is any information about an identified or identifiable person: a name, an e-mail address, a phone number, a delivery address, a photo. <b>Specific personal data</b> — health, biometrics, financial records, children's data — needs extra care.",
            ),
            (
                "Lawful grounds and consent",
                "We process personal data only with a lawful ground: consent, a contract, a legal obligation, vital interests, a public task or a legitimate interest. Consent must be explicit and can be withdrawn at any time.",
            ),
            (
                "Breaches: the 3×24-hour rule",
                "A breach must be reported to the people affected and to the authority within 3 × 24 hours. Tell the security team at once: a lost laptop, a misdirected e-mail or an exposed spreadsheet all count.",
            ),
        ),
        (
            q(
                "Which of these is specific personal data?",
                [
                    ("A customer's health record", True),
                    ("A company's office address", False),
                    ("A product's price", False),
                ],
            ),
            q(
                "Which are lawful grounds for processing personal data?",
                [
                    ("Explicit consent", True),
                    ("A contract with the person", True),
                    ("Curiosity", False),
                ],
                multiple=True,
            ),
            q(
                "How quickly must a data breach be reported?",
                [
                    ("Within 3 × 24 hours", True),
                    ("Within 30 days", False),
                    ("At the next audit", False),
                ],
                explanation="The law gives 3 × 24 hours.",
            ),
            q(
                "You sent a customer list to the wrong address. What do you do first?",
                [
                    ("Tell the security team at once", True),
                    ("Wait to see if anyone notices", False),
                ],
            ),
        ),
        valid_months=12,
        minutes=40,
    ),
    Course(
        "fundamentals",
        "Samudra platform fundamentals",
        "A tour of the Samudra WMS and retail suite: modules, deployment and the vocabulary our customers use.",
        (
            (
                "The product family",
                "Samudra WMS runs warehouses; Samudra POS runs stores; Samudra Connect links both to marketplaces and carriers.",
            ),
            (
                "Cloud and on-premise",
                "Most customers use our cloud in Jakarta and Singapore regions; regulated customers may run on-premise with quarterly releases.",
            ),
            (
                "Support tiers",
                "Standard, Business and Enterprise support differ in response times and in whether a named engineer is assigned.",
            ),
            (
                "Where to find help",
                "The knowledge base answers most questions; partners also have the partner portal's training and deal desk.",
            ),
        ),
        (
            q(
                "Which product runs warehouses?",
                [("Samudra WMS", True), ("Samudra POS", False), ("Samudra Connect", False)],
            ),
            q(
                "Where can Samudra run?",
                [
                    ("Our cloud", True),
                    ("On the customer's premises", True),
                    ("Only on a laptop", False),
                ],
                multiple=True,
            ),
            q(
                "Which support tier includes a named engineer?",
                [("Enterprise", True), ("Standard", False)],
            ),
        ),
        partners=True,
        minutes=45,
        pass_mark=70,
    ),
    Course(
        "partner-sales",
        "Partner sales certification",
        "Position, price and register Samudra deals. Required for every partner sales contact; valid two years.",
        (
            (
                "Who buys Samudra",
                "Mid-size logistics providers and retailers with 5 to 500 sites, growing faster than their spreadsheets.",
            ),
            (
                "Registering a deal",
                "Register a deal as soon as you have a named contact and a budget. A registered deal is protected for 90 days.",
            ),
            (
                "Pricing and discounts",
                "List prices are per site per month. Partner discounts depend on your tier; anything beyond needs the channel manager's approval.",
            ),
        ),
        (
            q(
                "When should you register a deal?",
                [
                    ("As soon as there is a named contact and a budget", True),
                    ("After the contract is signed", False),
                ],
            ),
            q(
                "How long is a registered deal protected?",
                [("90 days", True), ("1 year", False), ("Forever", False)],
            ),
            q(
                "Which need the channel manager's approval?",
                [
                    ("A discount beyond your tier", True),
                    ("A change of list price", True),
                    ("Booking a demo", False),
                ],
                multiple=True,
            ),
        ),
        employees=False,
        partners=True,
        valid_months=24,
    ),
    Course(
        "security",
        "Information security awareness",
        "Phishing, passwords and two-factor sign-in, and what to do when something looks wrong.",
        (
            (
                "Spotting phishing",
                "Check the sender's address, hover before you click, and be suspicious of urgency. When in doubt, report it.",
            ),
            (
                "Passwords and two-factor",
                "Use a password manager and a unique passphrase everywhere. Two-factor sign-in is required for every staff account.",
            ),
            (
                "Reporting an incident",
                "Report anything odd to IT at once. Reporting early is never a mistake.",
            ),
        ),
        (
            q(
                "An e-mail from 'the CEO' asks you to buy gift cards urgently. It is most likely…",
                [("Phishing", True), ("A genuine request", False)],
            ),
            q(
                "What makes an account safer?",
                [
                    ("A unique passphrase", True),
                    ("Two-factor sign-in", True),
                    ("Sharing a password with a colleague", False),
                ],
                multiple=True,
            ),
        ),
        valid_months=12,
        minutes=25,
    ),
    Course(
        "escalations",
        "Handling customer escalations",
        "The P1 rota, talking to an upset customer and writing the incident summary.",
        (
            (
                "Severity and the rota",
                "P1 means a customer cannot operate. Page the on-call senior engineer directly and open a bridge.",
            ),
            (
                "Calm conversations",
                "Acknowledge the impact, say what happens next and when you will call back — then call back.",
            ),
            (
                "The incident summary",
                "Within two business days: what happened, the impact, the cause, and what we change.",
            ),
        ),
        (
            q("A customer's warehouse cannot ship. Which severity?", [("P1", True), ("P3", False)]),
            q(
                "When is the incident summary due?",
                [("Within two business days", True), ("Whenever there is time", False)],
            ),
        ),
        departments=("support",),
    ),
    Course(
        "anti-bribery",
        "Anti-bribery and gifts policy",
        "What you may give and accept, and how to record it. Yearly for everyone who meets customers and partners.",
        (
            (
                "Gifts and hospitality",
                "Modest hospitality is fine; cash, vouchers and anything over IDR 1,000,000 are not. Record every gift in the register.",
            ),
            (
                "Facilitation payments",
                "We never pay to speed up a permit or a customs clearance, however small the amount.",
            ),
        ),
        (
            q(
                "A partner offers you a voucher worth IDR 2,500,000. You…",
                [("Decline politely and record it", True), ("Accept it", False)],
            ),
            q(
                "Facilitation payments are…",
                [("Never allowed", True), ("Fine under IDR 100,000", False)],
            ),
        ),
        departments=("sales",),
        valid_months=12,
        attempts=2,
    ),
    Course(
        "kb-writing",
        "Writing for the knowledge base",
        "Plain language, one task per article, and screenshots that age well.",
        (
            (
                "One task per article",
                "Start from the question a customer asks. The title is that question or the task.",
            ),
            ("Plain language", "Short sentences, active voice, and no internal jargon."),
        ),
        (),
        departments=("support", "product"),
        minutes=20,
    ),
]

RULES = [
    # course key, target, department key, due in days
    ("pdp", Target.EMPLOYEES, None, 30),
    ("security", Target.EMPLOYEES, None, 45),
    ("escalations", Target.DEPARTMENT, "support", 21),
    ("anti-bribery", Target.DEPARTMENT, "sales", 30),
    ("partner-sales", Target.PARTNERS, None, 60),
]

MANDATORY = {spec.title for spec in COURSES if spec.key in {rule[0] for rule in RULES}}


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
        _history(world, courses)
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


def _history(world: DemoWorld, c: dict) -> None:
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
