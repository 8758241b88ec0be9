"""The demo's seven courses, written out: lessons, quiz questions, who each is for, and the
mandatory-training rules that assign them."""

from dataclasses import dataclass

from core.learning.targets import Target


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
