"""Demo tickets: queues, SLA policies, the Jakarta business calendar and ~40 tickets with
months of history across Sinar Jaya, Acme and Bengawan. Idempotent: a second run adds nothing."""

import struct
import zlib
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from core.access.roles import Duty, Role
from core.calendars.services import calendar_ensure
from core.demo.files import simple_pdf
from core.demo.foundation import DemoPerson, Hat, _seed_person
from core.demo.world import DemoWorld
from core.people.models import RoleAssignment
from core.uploads.validation import validate_upload

from . import notify, sla
from .lifecycle import Side, Status
from .models import Category, ProductArea, Queue, SLAPolicy, Ticket
from .services import ticket_change_status, ticket_create, ticket_rate, ticket_reply, ticket_update

JAKARTA_WEEK = {day: ((time(8, 0), time(12, 0)), (time(13, 0), time(17, 0))) for day in range(5)}

# National holidays and collective leave (cuti bersama) per the joint ministerial decrees.
INDONESIAN_HOLIDAYS = [
    (date(2025, 1, 1), "New Year's Day"),
    (date(2025, 1, 27), "Isra Mi'raj"),
    (date(2025, 1, 28), "Chinese New Year (collective leave)"),
    (date(2025, 1, 29), "Chinese New Year"),
    (date(2025, 3, 28), "Nyepi (collective leave)"),
    (date(2025, 3, 29), "Nyepi, Day of Silence"),
    (date(2025, 3, 31), "Idul Fitri"),
    (date(2025, 4, 1), "Idul Fitri"),
    (date(2025, 4, 2), "Idul Fitri (collective leave)"),
    (date(2025, 4, 3), "Idul Fitri (collective leave)"),
    (date(2025, 4, 4), "Idul Fitri (collective leave)"),
    (date(2025, 4, 7), "Idul Fitri (collective leave)"),
    (date(2025, 4, 18), "Good Friday"),
    (date(2025, 4, 20), "Easter Sunday"),
    (date(2025, 5, 1), "Labour Day"),
    (date(2025, 5, 12), "Vesak"),
    (date(2025, 5, 13), "Vesak (collective leave)"),
    (date(2025, 5, 29), "Ascension of Jesus"),
    (date(2025, 5, 30), "Ascension (collective leave)"),
    (date(2025, 6, 1), "Pancasila Day"),
    (date(2025, 6, 6), "Idul Adha"),
    (date(2025, 6, 9), "Idul Adha (collective leave)"),
    (date(2025, 6, 27), "Islamic New Year"),
    (date(2025, 8, 17), "Independence Day"),
    (date(2025, 8, 18), "Independence Day (collective leave)"),
    (date(2025, 9, 5), "Prophet Muhammad's Birthday"),
    (date(2025, 12, 25), "Christmas Day"),
    (date(2025, 12, 26), "Christmas (collective leave)"),
    (date(2026, 1, 1), "New Year's Day"),
    (date(2026, 1, 16), "Isra Mi'raj"),
    (date(2026, 2, 16), "Chinese New Year (collective leave)"),
    (date(2026, 2, 17), "Chinese New Year"),
    (date(2026, 3, 18), "Nyepi (collective leave)"),
    (date(2026, 3, 19), "Nyepi, Day of Silence"),
    (date(2026, 3, 20), "Idul Fitri (collective leave)"),
    (date(2026, 3, 21), "Idul Fitri"),
    (date(2026, 3, 22), "Idul Fitri"),
    (date(2026, 3, 23), "Idul Fitri (collective leave)"),
    (date(2026, 3, 24), "Idul Fitri (collective leave)"),
    (date(2026, 4, 3), "Good Friday"),
    (date(2026, 4, 5), "Easter Sunday"),
    (date(2026, 5, 1), "Labour Day"),
    (date(2026, 5, 14), "Ascension of Jesus"),
    (date(2026, 5, 15), "Ascension (collective leave)"),
    (date(2026, 5, 27), "Idul Adha"),
    (date(2026, 5, 28), "Idul Adha (collective leave)"),
    (date(2026, 5, 31), "Vesak"),
    (date(2026, 6, 1), "Pancasila Day"),
    (date(2026, 6, 16), "Islamic New Year"),
    (date(2026, 8, 17), "Independence Day"),
    (date(2026, 8, 25), "Prophet Muhammad's Birthday"),
    (date(2026, 12, 24), "Christmas (collective leave)"),
    (date(2026, 12, 25), "Christmas Day"),
]

# slug: (name, description, intake portal, staff group, team e-mail)
QUEUES = {
    "support": (
        "Support",
        "Customer questions and incidents.",
        Role.CUSTOMER,
        Duty.AGENT.value,
        "support-team@samudra.example",
    ),
    "partner-desk": (
        "Partner desk",
        "Questions from partner firms.",
        Role.PARTNER,
        Duty.CHANNEL_MANAGER.value,
        "",
    ),
    "helpdesk": (
        "IT and HR helpdesk",
        "Laptops, accounts, leave and payroll questions from staff.",
        Role.EMPLOYEE,
        "IT and HR helpdesk",
        "",
    ),
    "investor-relations": (
        "Investor relations",
        "Information requests from shareholders and analysts.",
        Role.INVESTOR,
        Duty.IR_OFFICER.value,
        "ir@samudra.example",
    ),
}
# priority: (first response, resolution, clock)
SUPPORT_SLA = {
    "urgent": (1, 8, SLAPolicy.Clock.CALENDAR),
    "high": (4, 16, SLAPolicy.Clock.BUSINESS),
    "normal": (8, 40, SLAPolicy.Clock.BUSINESS),
    "low": (16, 80, SLAPolicy.Clock.BUSINESS),
}
DESK_SLA = {
    "urgent": (4, 16, SLAPolicy.Clock.BUSINESS),
    "high": (8, 24, SLAPolicy.Clock.BUSINESS),
    "normal": (16, 40, SLAPolicy.Clock.BUSINESS),
    "low": (24, 80, SLAPolicy.Clock.BUSINESS),
}
CUSTOMER_CATEGORIES = [
    "Something is broken",
    "How do I …?",
    "Billing and invoices",
    "Integration and API",
    "Account and access",
]
PARTNER_CATEGORIES = ["Deal registration", "Pricing and quotes", "Marketing funds"]
PRODUCT_AREAS = [
    "Samudra WMS (warehouse app)",
    "Fleet tracker",
    "Retail POS",
    "Customer portal",
    "Invoices and billing",
]

BENGAWAN_ADMIN = DemoPerson(
    "Yohanes Prasetyo",
    "yohanes.prasetyo@bengawan.example",
    (Hat(Role.CUSTOMER, "bengawan", "Head of Store Systems", admin=True, years_ago=3),),
    language="id",
)
HELPDESK_AGENT_KEYS = ("agent_two", "admin")


@dataclass
class Step:
    hours: float  # after the ticket was opened
    kind: str  # agent | customer | note | status | assign | rate
    who: str = ""
    text: str = ""
    status: str = ""
    files: tuple[str, ...] = ()


@dataclass
class Script:
    requester: str
    days_ago: float
    subject: str
    description: str
    priority: str = "normal"
    category: int = 0
    area: int = 0
    files: tuple[str, ...] = ()
    steps: list[Step] = field(default_factory=list)
    key: str = ""


def A(hours, who, text, status="", files=()):  # noqa: N802 - reads like a script
    return Step(hours, "agent", who, text, status, files)


def C(hours, text, files=()):  # noqa: N802
    return Step(hours, "customer", text=text, files=files)


def N(hours, who, text, files=()):  # noqa: N802
    return Step(hours, "note", who, text, files=files)


def S(hours, who, status):  # noqa: N802
    return Step(hours, "status", who, status=status)


def R(hours, rating, text=""):  # noqa: N802
    return Step(hours, "rate", status=str(rating), text=text)


def G(hours, who):  # noqa: N802
    return Step(hours, "assign", who)


SCRIPTS = [
    Script(
        "customer",
        3.2,
        "Scanner app logs out every few minutes on the Surabaya warehouse floor",
        "Since Monday our handheld scanners (Zebra TC52) drop the session about every 5 minutes. "
        "Pickers have to sign in again and lose their pick list. Wi-Fi looks stable.",
        "high",
        0,
        0,
        ("scanner-error.png",),
        [
            G(0.5, "agent"),
            A(
                1.5,
                "agent",
                "Thank you, Siti. Could you send the app version (Settings → About) and the time "
                "of two recent log-outs? Then we can find them in the server logs.",
                "pending",
            ),
            C(20, "Version 4.12.1. It happened at 09:14 and 09:21 today.", ("about-screen.png",)),
            N(
                21,
                "agent",
                "Session token TTL on the Surabaya tenant is 300 s after the 4.12 config push. "
                "Asked ops to restore 8 h.",
                ("session-log.txt",),
            ),
            A(
                23,
                "agent",
                "We found a wrong session setting on your site and corrected it. Could you "
                "confirm the scanners stay signed in now?",
                "pending",
            ),
        ],
        key="tickets:siti",
    ),
    Script(
        "customer_admin",
        41,
        "Invoice INV-2025-0932 charges 60 users, we have 48",
        "Our October invoice bills 60 named users for WMS. We removed 12 leavers in September. "
        "Please correct the invoice.",
        "normal",
        2,
        4,
        ("invoice-inv-2025-0932.pdf",),
        [
            G(2, "agent_two"),
            A(
                5,
                "agent_two",
                "You are right: the user count was taken before the September clean-up. "
                "We will issue a credit note for 12 users.",
            ),
            N(6, "agent_two", "Credit note CN-2025-0114 requested from finance."),
            A(50, "agent_two", "The credit note is attached.", "resolved", ("credit-note.pdf",)),
            R(60, 5, "Quick and clear, thank you."),
        ],
    ),
    Script(
        "other_customer",
        0.25,
        "Fleet tracker map shows trucks in the wrong city",
        "Since this morning about a third of our trucks show in Melbourne while they are in "
        "Sydney. Dispatch is guessing. This blocks our morning routes.",
        "urgent",
        0,
        1,
        ("map-screenshot.png",),
        [
            G(0.2, "agent"),
            A(
                0.6,
                "agent",
                "We see it too: a GPS provider feed sends stale positions. Engineers are on it.",
            ),
            N(0.8, "agent", "Incident INC-2211 opened with the GPS vendor."),
        ],
        key="tickets:acme",
    ),
    Script(
        "acme_contact",
        0.9,
        "API returns 429 when we sync deliveries at 02:00",
        "Our nightly job posts about 8,000 delivery updates and starts getting HTTP 429 after a "
        "few minutes. What is the rate limit and can it be raised for the night window?",
        "normal",
        3,
        1,
        (),
        [
            G(1, "agent_two"),
            A(
                2,
                "agent_two",
                "The limit is 600 requests a minute per tenant. Batching 100 updates per call "
                "(POST /v2/deliveries/batch) keeps you well under it; shall we raise it anyway?",
                "pending",
            ),
        ],
    ),
    Script(
        "multi",
        2.5,
        "Purchase order upload rejects files over 2 MB",
        "Uploading our PO PDFs to the customer portal fails for anything above 2 MB with "
        "'request too large'. Our POs with drawings are 3–5 MB.",
        "low",
        0,
        3,
        (),
        [
            A(
                5,
                "agent",
                "The limit is 2 MB today; we are raising it to 10 MB next week.",
                "on_hold",
            )
        ],
    ),
    Script(
        "customer",
        96,
        "How do I add a new warehouse location?",
        "We open a second warehouse in Gresik next month. How do we add it and its bin "
        "locations in WMS?",
        "low",
        1,
        0,
        (),
        [
            A(
                3,
                "agent",
                "Go to Setup → Sites → New site, then import bins from the CSV template. "
                "I have linked the guide.",
                "resolved",
            ),
            R(30, 4, "Worked. The CSV template could be easier to find."),
            S(200, "", "closed"),
        ],
    ),
    Script(
        "other_customer",
        130,
        "Single sign-on with Azure AD stopped working after certificate renewal",
        "Our Azure AD signing certificate was renewed yesterday; now nobody from Acme can sign "
        "in to the portal via SSO.",
        "high",
        4,
        3,
        (),
        [
            G(0.5, "agent_two"),
            A(1, "agent_two", "Please send the new federation metadata XML or its URL."),
            C(2, "Here is the metadata URL: https://login.acme-logistics.example/metadata"),
            A(3, "agent_two", "Imported the new certificate. Sign-in works again.", "resolved"),
            R(5, 5, "Saved our morning."),
            S(200, "", "closed"),
        ],
    ),
    Script(
        "customer_admin",
        65,
        "Please remove access for Andi Kurniawan (left the company)",
        "Andi Kurniawan left PT Sinar Jaya on 30 September. Please disable his WMS and portal "
        "access.",
        "normal",
        4,
        3,
        (),
        [
            A(2, "agent", "Done: his accounts are disabled and his open tasks moved to you."),
            S(2.1, "agent", "resolved"),
            S(190, "", "closed"),
        ],
    ),
    Script(
        "customer",
        20,
        "Stock count report shows negative quantities",
        "The daily stock count report shows -14 for SKU SJ-4471 in bin B-12-03. Physical count "
        "is 36.",
        "normal",
        0,
        0,
        ("stock-report.pdf",),
        [
            G(1, "agent"),
            A(4, "agent", "Thanks. Were there returns booked on that SKU last week?", "pending"),
            C(40, "Yes, 50 returns on 2 November, booked twice by mistake."),
            A(
                44,
                "agent",
                "That explains it. I reversed the duplicate return; the report is right again.",
                "resolved",
            ),
        ],
    ),
    Script(
        "other_customer",
        9,
        "Driver app crashes when attaching a delivery photo",
        "On Android 14 (Samsung A54) the driver app closes when the driver taps 'Add photo' on "
        "the proof-of-delivery screen.",
        "high",
        0,
        1,
        ("crash-log.txt",),
        [
            G(1, "agent_two"),
            A(2, "agent_two", "Reproduced on Android 14. A fix is in version 3.8.2."),
            N(3, "agent_two", "Camera permission regression, fixed in build 3.8.2-rc1."),
            S(4, "agent_two", "on_hold"),
            A(120, "agent_two", "Version 3.8.2 is in the Play Store. Please update.", "resolved"),
        ],
    ),
    Script(
        "customer",
        4.5,
        "Training for new warehouse staff in December",
        "We hire 15 seasonal pickers in December. Can you run a half-day WMS training in Surabaya?",
        "low",
        1,
        0,
        (),
        [
            G(2, "agent"),
            A(
                6,
                "agent",
                "Happy to. Which dates suit you in the first week of December?",
                "pending",
            ),
        ],
    ),
    Script(
        "acme_contact",
        6.5,
        "Route optimiser ignores delivery time windows",
        "Routes planned today put three customers with 08:00–10:00 windows after 11:00. Time "
        "windows are set on the orders.",
        "high",
        0,
        1,
        (),
        [
            G(1, "agent"),
            A(2, "agent", "Could you share the route ID and one of the order numbers?", "pending"),
            C(30, "Route R-20251118-07, order ACM-778812."),
            N(
                32,
                "agent",
                "Windows dropped when orders are imported via API v1. Escalated to dev.",
            ),
            A(33, "agent", "We found the cause and a fix is being tested.", "on_hold"),
        ],
    ),
]

GENERATED_SUBJECTS = [
    ("Barcode labels print with the wrong font", 0, 0),
    ("Export to Excel cuts off after 10,000 rows", 0, 0),
    ("Can we get a second admin account?", 4, 3),
    ("Truck maintenance reminders not sent", 0, 1),
    ("Receipt printer prints blank receipts at store 14", 0, 2),
    ("How do I change the tax rate for a product group?", 1, 2),
    ("Invoice sent to the wrong e-mail address", 2, 4),
    ("Webhook deliveries fail with TLS error", 3, 1),
    ("Loyalty points not added after the promotion", 0, 2),
    ("Slow loading of the picking dashboard", 0, 0),
    ("Password reset e-mail never arrives", 4, 3),
    ("Need a copy of our signed contract", 2, 4),
    ("Cycle count tasks assigned to inactive users", 0, 0),
    ("POS terminal shows 'offline' though network is up", 0, 2),
    ("Request: dark mode for the driver app", 1, 1),
    ("Duplicate customers after CSV import", 3, 3),
    ("Goods receipt cannot be reversed", 0, 0),
    ("Question about the annual price increase", 2, 4),
    ("Delivery notes missing the customer PO number", 0, 0),
    ("Two-factor codes rejected for one user", 4, 3),
    ("Store opening hours wrong on receipts", 1, 2),
    ("API documentation link is broken", 3, 3),
    ("Fuel card import fails for October", 0, 1),
    ("Cashier cannot void a line after discount", 0, 2),
    ("Replenishment suggestions look too high", 1, 0),
    ("Request a sandbox environment for testing", 3, 3),
    ("Monthly usage report is empty", 2, 4),
    ("Proof-of-delivery PDFs show the wrong time zone", 0, 1),
]
GENERATED_REQUESTERS = ["customer", "customer_admin", "other_customer", "acme_contact", "multi"]
GENERATED_AGENT_REPLIES = [
    "Thank you for the details. We could reproduce it and have applied a fix on your tenant.",
    "This is configured per site: Setup → Preferences. I changed it for you; please check.",
    "We have passed this to our product team and will tell you when it is planned.",
    "Done. Please try again and tell us if anything still looks wrong.",
]
GENERATED_COMMENTS = ["Thanks!", "Fixed quickly.", "", "Took a while, but solved.", "Great help."]


def png_bytes(width: int = 48, height: int = 32, rgb=(11, 110, 121)) -> bytes:
    """A small, valid PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def demo_file(name: str):
    if name.endswith(".png"):
        content = png_bytes(rgb=(29, 78, 216) if "map" in name else (11, 110, 121))
    elif name.endswith(".pdf"):
        title = name.removesuffix(".pdf").replace("-", " ").title()
        content = simple_pdf(title, ["Samudra demo document", "Generated for the ticket demo"])
    else:
        content = b"2025-11-18 09:14:02 E/DriverApp: CameraPermission denied\nFATAL EXCEPTION\n"
    return validate_upload(SimpleUploadedFile(name, content))


def seed(world: DemoWorld) -> None:
    calendar = calendar_ensure(
        name="Jakarta office",
        time_zone="Asia/Jakarta",
        week=JAKARTA_WEEK,
        holidays=INDONESIAN_HOLIDAYS,
        description="Monday to Friday, 08:00–17:00 with a lunch break; Indonesian holidays.",
    )
    world.objects["calendar:jakarta"] = calendar
    queues = _seed_queues(world, calendar)
    world.people["bengawan_admin"] = _seed_person(world, BENGAWAN_ADMIN)
    categories = [
        Category.objects.get_or_create(name=name, portal=Role.CUSTOMER, defaults={"position": i})[0]
        for i, name in enumerate(CUSTOMER_CATEGORIES)
    ]
    for i, name in enumerate(PARTNER_CATEGORIES):
        Category.objects.get_or_create(
            name=name,
            portal=Role.PARTNER,
            defaults={"position": i, "queue": queues["partner-desk"]},
        )
    areas = [
        ProductArea.objects.get_or_create(name=name, defaults={"position": i})[0]
        for i, name in enumerate(PRODUCT_AREAS)
    ]
    if not Ticket.objects.filter(subject=SCRIPTS[0].subject).exists():
        with notify.muted():
            _seed_tickets(world, categories, areas)
    _remember(world)
    world.note(
        "Tickets: sign in as Siti (customer) or Rina (agent) and open Tickets / Work queues."
    )


def _seed_queues(world: DemoWorld, calendar) -> dict[str, Queue]:
    queues = {}
    for slug, (name, description, role, group_name, team_email) in QUEUES.items():
        queue, created = Queue.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "intake_role": role,
                "team_email": team_email,
            },
        )
        group, _ = Group.objects.get_or_create(name=group_name)
        if created:
            queue.agent_groups.add(group)
        table = SUPPORT_SLA if slug == "support" else DESK_SLA
        for priority, (first, resolve, clock) in table.items():
            SLAPolicy.objects.get_or_create(
                queue=queue,
                priority=priority,
                defaults={
                    "first_response_hours": Decimal(first),
                    "resolution_hours": Decimal(resolve),
                    "clock": clock,
                    "calendar": calendar,
                },
            )
        queues[slug] = queue
        world.objects[f"queue:{slug}"] = queue
    helpdesk_group = Group.objects.get(name="IT and HR helpdesk")
    for key in HELPDESK_AGENT_KEYS:
        world.people[key].groups.add(helpdesk_group)
    return queues


def _hat(person, org_key: str | None, world: DemoWorld, role=Role.CUSTOMER) -> RoleAssignment:
    hats = RoleAssignment.objects.filter(person=person, role=role)
    if org_key:
        hats = hats.filter(organisation=world.orgs[org_key])
    return hats.order_by("-since").first()


@transaction.atomic
def _seed_tickets(world: DemoWorld, categories, areas) -> None:
    people = world.people
    for script in SCRIPTS:
        _play(world, script, categories, areas)
    rnd = world.random
    for index, (subject, category, area) in enumerate(GENERATED_SUBJECTS):
        requester = GENERATED_REQUESTERS[index % len(GENERATED_REQUESTERS)]
        days_ago = 8 + index * 6.3 + rnd.random() * 3
        agent = "agent" if index % 3 else "agent_two"
        steps = [G(1 + rnd.random(), agent)]
        steps.append(A(2 + rnd.random() * 5, agent, GENERATED_AGENT_REPLIES[index % 4]))
        if index % 4 == 1:
            steps.append(C(20, "Thanks, that works now."))
        steps.append(S(30 + rnd.random() * 40, agent, "resolved"))
        if index % 2 == 0:
            steps.append(R(60, 3 + index % 3, GENERATED_COMMENTS[index % 5]))
        if days_ago > 14:
            steps.append(S(24 * 9, "", "closed"))
        _play(
            world,
            Script(
                requester,
                days_ago,
                subject,
                f"{subject}. Please have a look — details on request.",
                ("low", "normal", "normal", "high")[index % 4],
                category,
                area,
                steps=steps,
            ),
            categories,
            areas,
        )
    # Bengawan: Siti's requests from when she worked there, and the current admin's.
    siti_then = _hat(people["customer"], "bengawan", world)
    for days_ago, subject in (
        (640, "POS end-of-day report does not balance at Solo Baru store"),
        (610, "Need 20 more POS licences for the Lebaran season"),
    ):
        _play(
            world,
            Script(
                "customer",
                days_ago,
                subject,
                subject + ".",
                "normal",
                0,
                2,
                steps=[
                    A(3, "agent_two", "Sorted: please check again tomorrow morning.", "resolved"),
                    S(24 * 9, "", "closed"),
                ],
            ),
            categories,
            areas,
            hat=siti_then,
        )
    for days_ago, subject, breach in (
        (5.5, "Price labels show the old promotion price at 6 stores", True),
        (4.0, "Store managers cannot approve refunds above Rp 1.000.000", True),
        (30, "Add our new store in Klaten to the POS rollout", False),
    ):
        steps = [] if breach else [A(2, "agent", "Planned for the January rollout.", "resolved")]
        _play(
            world,
            Script("bengawan_admin", days_ago, subject, subject + ".", "high", 0, 2, steps=steps),
            categories,
            areas,
        )
    sla.sweep_breaches(world.now)


def _play(world, script: Script, categories, areas, hat=None) -> Ticket:
    people = world.people
    requester = people[script.requester]
    opened = world.now - timedelta(days=script.days_ago)
    hat = hat or _hat(requester, None, world)
    ticket = ticket_create(
        requester=requester,
        role_assignment=hat,
        subject=script.subject,
        description=script.description,
        priority=script.priority,
        category=categories[script.category],
        product_area=areas[script.area],
        attachments=[demo_file(name) for name in script.files],
        at=opened,
    )
    latest = world.now - timedelta(minutes=5)
    for step in script.steps:
        at = min(opened + timedelta(hours=step.hours), latest)
        actor = people.get(step.who) if step.who else None
        files = [demo_file(name) for name in step.files]
        if step.kind == "assign":
            ticket_update(ticket=ticket, by=actor, assignee=actor, at=at)
        elif step.kind == "agent":
            ticket_reply(
                ticket=ticket,
                author=actor,
                side=Side.AGENT,
                body=step.text,
                attachments=files,
                then_status=step.status or None,
                at=at,
            )
        elif step.kind == "note":
            ticket_reply(
                ticket=ticket,
                author=actor,
                side=Side.AGENT,
                body=step.text,
                internal=True,
                attachments=files,
                at=at,
            )
        elif step.kind == "customer":
            ticket_reply(
                ticket=ticket,
                author=requester,
                side=Side.REQUESTER,
                body=step.text,
                attachments=files,
                at=at,
            )
        elif step.kind == "status":
            side = Side.AGENT if actor else Side.SYSTEM
            ticket_change_status(ticket=ticket, to=Status(step.status), by=actor, side=side, at=at)
        elif step.kind == "rate":
            ticket_rate(
                ticket=ticket, by=requester, rating=int(step.status), comment=step.text, at=at
            )
        ticket.refresh_from_db()
    if script.key:
        world.objects[script.key] = ticket
    return ticket


def _remember(world: DemoWorld) -> None:
    """What tests and the access matrix refer to (found again on a second run)."""
    for script in SCRIPTS:
        if script.key:
            world.objects[script.key] = Ticket.objects.get(subject=script.subject)
    siti = world.objects["tickets:siti"]
    world.objects["tickets:siti-file"] = siti.attachments.filter(message__isnull=True).first()
    world.objects["tickets:internal-file"] = siti.attachments.filter(is_internal=True).first()
    world.objects["tickets:bengawan"] = Ticket.objects.filter(
        organisation=world.orgs["bengawan"], requester=world.people["customer"]
    ).first()
