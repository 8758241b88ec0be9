"""Demo staff: departments, an org chart with managers, profiles, company news and goals."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction

from core.access.roles import Role
from core.cms.models import PortalPage
from core.staff.models import (
    Department,
    EmployeeProfile,
    Goal,
    GoalComment,
    NewsIndexPage,
    NewsPage,
)

from .foundation import DemoPerson, Hat, _seed_person
from .world import DemoWorld

DEPARTMENTS = {
    "support": "Customer Support",
    "sales": "Sales & Channels",
    "finance": "Finance",
    "it": "IT",
    "ir": "Investor Relations",
    "product": "Product",
}

# More colleagues, so the directory and the org chart feel real. Keys go in world.people.
COLLEAGUES = {
    "coo": DemoPerson(
        "Bambang Hartono",
        "bambang.hartono@samudra.example",
        (Hat(Role.EMPLOYEE, "samudra", "Chief Operating Officer", years_ago=9),),
        language="id",
    ),
    "head_support": DemoPerson(
        "Dian Permata",
        "dian.permata@samudra.example",
        (Hat(Role.EMPLOYEE, "samudra", "Head of Customer Support", years_ago=6),),
    ),
    "head_sales": DemoPerson(
        "Daniel Wirawan",
        "daniel.wirawan@samudra.example",
        (Hat(Role.EMPLOYEE, "samudra", "Head of Sales & Channels", years_ago=4),),
    ),
    "head_finance": DemoPerson(
        "Grace Lim",
        "grace.lim@samudra.example",
        (Hat(Role.EMPLOYEE, "samudra", "Finance Manager", years_ago=5),),
        time_zone="Asia/Singapore",
    ),
    "head_product": DemoPerson(
        "Fajar Nugraha",
        "fajar.nugraha@samudra.example",
        (Hat(Role.EMPLOYEE, "samudra", "Head of Product", years_ago=3.5),),
    ),
    "it_support": DemoPerson(
        "Nadia Putri",
        "nadia.putri@samudra.example",
        (Hat(Role.EMPLOYEE, "samudra", "IT Support Engineer", years_ago=1.3),),
        language="id",
    ),
}


@dataclass(frozen=True)
class Profile:
    department: str | None
    manager: str | None
    location: str
    phone: str
    skills: str
    about: str = ""


PROFILES = {
    "coo": Profile(None, None, "Jakarta", "+62 21 5088 1001", "Operations, Strategy, Logistics"),
    "head_support": Profile(
        "support",
        "coo",
        "Jakarta",
        "+62 21 5088 1210",
        "Support operations, SLAs, Coaching",
        "I look after the people who look after our customers.",
    ),
    "head_sales": Profile(
        "sales",
        "coo",
        "Jakarta",
        "+62 21 5088 1300",
        "Channel strategy, Negotiation, Partner programmes",
    ),
    "head_finance": Profile(
        "finance", "coo", "Singapore", "+65 6808 2200", "Budgeting, IFRS, Treasury"
    ),
    "head_product": Profile(
        "product", "coo", "Bandung", "+62 22 8606 4100", "Product discovery, WMS, Roadmaps"
    ),
    "it_support": Profile(
        "it", "admin", "Jakarta", "+62 21 5088 1420", "Laptops, Networking, Microsoft 365"
    ),
    "admin": Profile(
        "it",
        "coo",
        "Jakarta",
        "+62 21 5088 1400",
        "Security, Identity, Cloud infrastructure, Python",
    ),
    "agent": Profile(
        "support",
        "head_support",
        "Jakarta",
        "+62 21 5088 1211",
        "Bahasa Indonesia, English, WMS, Escalations",
        "First line for logistics customers; happy to help with WMS questions.",
    ),
    "agent_two": Profile(
        "support",
        "head_support",
        "Yogyakarta",
        "+62 274 880 1212",
        "Integrations, SQL, APIs, Mentoring",
    ),
    "channel_manager": Profile(
        "sales",
        "head_sales",
        "Jakarta",
        "+62 21 5088 1301",
        "Partner enablement, Deal registration, Bahasa Indonesia",
    ),
    "employee": Profile(
        "finance", "head_finance", "Jakarta", "+62 21 5088 1201", "Excel, Accounts payable, Tax"
    ),
    "ir_officer": Profile(
        "ir", "coo", "Jakarta", "+62 21 5088 1500", "Investor relations, Reporting, English"
    ),
    "content_editor": Profile(
        "product",
        "head_product",
        "Denpasar",
        "+62 361 470 1600",
        "Technical writing, Wagtail, Knowledge base, Balinese",
    ),
}

HEADS = {
    "support": "head_support",
    "sales": "head_sales",
    "finance": "head_finance",
    "it": "admin",
    "ir": "ir_officer",
    "product": "head_product",
}

NEWS = [
    # (days ago, title, summary, departments, text)
    (
        2,
        "Town hall: our plans for 2027",
        "Bambang Hartono walks through next year's priorities on Friday at 15:00 WIB.",
        (),
        "Join us in the Jakarta office or online. We will cover the Surabaya expansion, the new partner programme and the WMS 5 roadmap. Questions can be sent in advance to the COO's office.",
    ),
    (
        6,
        "Surabaya office opens in January",
        "Twenty desks, a training room and our first customer experience centre outside Jakarta.",
        (),
        "The new office in Surabaya opens on 12 January. It will host the East Java support team and a customer experience centre for logistics clients.",
    ),
    (
        9,
        "New escalation rota for the support team",
        "From Monday, P1 incidents page the on-call senior engineer directly.",
        ("support",),
        "The escalation rota moves to a weekly rotation. Please take the updated 'Handling customer escalations' course before your first shift on the new rota.",
    ),
    (
        15,
        "Q4 partner incentive is live",
        "Registered deals closed before 31 December earn partners an extra 3% margin.",
        ("sales",),
        "Partners have been told through the partner portal. Please remind your partners to register deals early so approvals do not pile up in December.",
    ),
    (
        21,
        "Year-end closing calendar",
        "Cut-off for expense claims is 15 December.",
        ("finance",),
        "The finance team has published the closing calendar. Supplier invoices received after 20 December will be booked in January.",
    ),
    (
        34,
        "Laptop refresh programme",
        "Laptops older than four years will be replaced in the first quarter.",
        (),
        "IT will contact you to book a time. Please make sure your files are in the shared drive before the swap.",
    ),
]

GOALS = {
    "employee": [
        (
            "Automate the monthly accounts-payable reconciliation",
            60,
            "active",
            45,
            "head_finance",
            "Good progress. Let's review the exception report together next week.",
        ),
        ("Pass the Brevet A tax certification", 30, "active", 120, None, None),
        (
            "Close the books for Q3 within five working days",
            100,
            "achieved",
            -40,
            "head_finance",
            "Well done, a day ahead of plan.",
        ),
    ],
    "agent": [
        (
            "Reach a customer satisfaction score of 4.7 or more",
            70,
            "active",
            60,
            "head_support",
            "You are at 4.6 this month. The callback habit is paying off.",
        ),
        ("Write five knowledge-base articles on WMS integrations", 40, "active", 90, None, None),
    ],
    "agent_two": [("Mentor two new support engineers", 50, "active", 75, None, None)],
    "channel_manager": [
        (
            "Onboard three new partners in East Java",
            33,
            "active",
            100,
            "head_sales",
            "Let's discuss the Surabaya pipeline.",
        ),
    ],
    "content_editor": [
        ("Move the partner FAQ into the knowledge base", 80, "active", 20, None, None)
    ],
}


@transaction.atomic
def seed(world: DemoWorld) -> None:
    for key, spec in COLLEAGUES.items():
        world.people[key] = _seed_person(world, spec)
    departments = {}
    for key, name in DEPARTMENTS.items():
        departments[key], _ = Department.objects.get_or_create(
            name=name, defaults={"slug": name.lower().replace(" & ", "-").replace(" ", "-")}
        )
        world.objects[f"staff:department:{key}"] = departments[key]
    for key, spec in PROFILES.items():
        person = world.people[key]
        EmployeeProfile.objects.get_or_create(
            person=person,
            defaults={
                "department": departments.get(spec.department) if spec.department else None,
                "manager": world.people[spec.manager] if spec.manager else None,
                "location": spec.location,
                "phone": spec.phone,
                "skills": spec.skills,
                "about": spec.about,
            },
        )
    for key, head in HEADS.items():
        Department.objects.filter(pk=departments[key].pk, head__isnull=True).update(
            head=world.people[head]
        )
    _seed_news(world, departments)
    _seed_goals(world)


def _seed_news(world: DemoWorld, departments) -> None:
    root = PortalPage.objects.get(portal=Role.EMPLOYEE)
    index = NewsIndexPage.objects.child_of(root).first()
    if index is None:
        index = root.add_child(
            instance=NewsIndexPage(
                title="Company news", slug="news", intro="What is happening at Samudra."
            )
        )
    world.objects["page:news-index"] = index
    today = world.now.date()
    for days_ago, title, summary, audience, text in NEWS:
        page = NewsPage.objects.child_of(index).filter(title=title).first()
        if page is None:
            page = NewsPage(
                title=title,
                summary=summary,
                date=today - timedelta(days=days_ago),
                body=[{"type": "paragraph", "value": f"<p>{text}</p>"}],
            )
            index.add_child(instance=page)
            if audience:
                page.departments.set([departments[key] for key in audience])
            page.save_revision().publish()
            index.refresh_from_db()
        world.objects[f"page:news:{title}"] = page
    world.objects["page:news-everyone"] = NewsPage.objects.get(title=NEWS[0][1])
    world.objects["page:news-support"] = NewsPage.objects.get(title=NEWS[2][1])


def _seed_goals(world: DemoWorld) -> None:
    for key, goals in GOALS.items():
        owner = world.people[key]
        for title, progress, status, due_in, commenter, comment in goals:
            goal, created = Goal.objects.get_or_create(
                owner=owner,
                title=title,
                defaults={
                    "progress": progress,
                    "status": status,
                    "due_on": world.now.date() + timedelta(days=due_in),
                    "description": "Agreed in the mid-year review.",
                },
            )
            if created and commenter:
                GoalComment.objects.create(goal=goal, author=world.people[commenter], body=comment)
            world.objects.setdefault(f"staff:goal:{key}", goal)
