"""The service desk the demo tickets land in: the Jakarta business calendar, the four queues
with their SLA policies and staff groups, ticket categories and product areas."""

from datetime import date, time
from decimal import Decimal

from django.contrib.auth.models import Group

from core.access.roles import Duty, Role
from core.calendars.services import calendar_ensure
from core.demo.world import DemoWorld

from ..models import Category, ProductArea, Queue, SLAPolicy

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

HELPDESK_AGENT_KEYS = ("agent_two", "admin")


def seed_calendar(world: DemoWorld):
    calendar = calendar_ensure(
        name="Jakarta office",
        time_zone="Asia/Jakarta",
        week=JAKARTA_WEEK,
        holidays=INDONESIAN_HOLIDAYS,
        description="Monday to Friday, 08:00–17:00 with a lunch break; Indonesian holidays.",
    )
    world.objects["calendar:jakarta"] = calendar
    return calendar


def seed_queues(world: DemoWorld, calendar) -> dict[str, Queue]:
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


def seed_categories(queues: dict[str, Queue]) -> tuple[list[Category], list[ProductArea]]:
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
    return categories, areas
