"""The partner programme's demo: products, rules, deals in every state for both firms (with a
conflict), leads, market development funds, and one application waiting for review.

Idempotent: a second run finds what the first made (by end customer and firm) and only
remembers it for tests and the access matrix."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from core.demo.files import simple_pdf
from core.demo.world import DemoWorld
from core.uploads.validation import validate_upload

from .lifecycle import DealStatus, Side
from .models import (
    AutoApprovalRule,
    DealEvent,
    DealRegistration,
    FundRequest,
    Lead,
    MdfBudget,
    PartnerApplication,
    PartnerProfile,
    Product,
)
from .services import deals, leads, mdf, programme

PRODUCTS = {
    "wms": "Samudra WMS",
    "fleet": "Samudra Fleet",
    "pos": "Samudra POS",
    "analytics": "Samudra Analytics",
}
PROFILES = {
    "nusantara": (
        "jakarta, west java, central java, east java, bali",
        "warehousing, retail, logistics",
    ),
    "pacific": ("singapore, malaysia, australia", "logistics, freight, cold chain"),
}

# key: (firm, registered by, customer, domain, contact, products, value, currency, story, days ago)
# story: the states it goes through after creation, with the channel manager's notes.
DEALS = [
    (
        "maju",
        "nusantara",
        "partner",
        "PT Maju Bersama",
        "majubersama.co.id",
        "Andi Saputra",
        ("wms",),
        "86000",
        "USD",
        [("submit",), ("approve", "Good fit; protected for Gold.")],
        40,
    ),
    (
        "maju-pacific",
        "pacific",
        "other_partner",
        "PT. Maju Bersama Tbk",
        "",
        "Andi Saputra",
        ("wms",),
        "70000",
        "USD",
        [("submit",), ("reject", "Nusantara Solutions already holds this customer for WMS.")],
        25,
    ),
    (
        "maju-fleet",
        "pacific",
        "pacific_rep",
        "Maju Bersama",
        "majubersama.co.id",
        "Rudy Hartanto",
        ("fleet",),
        "54000",
        "USD",
        [("submit",)],
        3,
    ),
    (
        "sinarjaya",
        "nusantara",
        "multi",
        "PT Sinar Jaya Abadi",
        "sinarjaya.example",
        "Budi Santoso",
        ("analytics",),
        "62000",
        "USD",
        [("submit",)],
        2,
    ),
    (
        "sumber-rejeki",
        "nusantara",
        "partner_rep",
        "Toko Sumber Rejeki",
        "sumberrejeki.example",
        "Ibu Lina Wijaya",
        ("pos",),
        "12500",
        "USD",
        [],
        1,
    ),
    (
        "berkah",
        "nusantara",
        "partner",
        "CV Berkah Logistik",
        "berkahlogistik.example",
        "Hadi Prasetyo",
        ("fleet",),
        "78000",
        "USD",
        [("submit",), ("more_info", "How many vehicles, and is the tender public?")],
        9,
    ),
    (
        "sentosa",
        "nusantara",
        "partner_rep",
        "PT Sentosa Makmur",
        "sentosamakmur.example",
        "Yuliana Tan",
        ("wms", "analytics"),
        "28000",
        "USD",
        [("submit",), ("won",)],
        120,
    ),
    (
        "cahaya-retail",
        "nusantara",
        "partner",
        "PT Cahaya Retailindo",
        "cahayaretail.example",
        "Fitri Handayani",
        ("pos",),
        "64000",
        "USD",
        [("submit",), ("approve", ""), ("lost", "Customer chose a local vendor on price.")],
        150,
    ),
    (
        "sari-rasa",
        "nusantara",
        "partner_rep",
        "UD Sari Rasa",
        "sarirasa.example",
        "Made Wirawan",
        ("pos",),
        "9000",
        "USD",
        [("submit",), ("approve", ""), ("expire",)],
        200,
    ),
    (
        "harbour",
        "pacific",
        "other_partner",
        "Harbour Freight Co",
        "harbourfreight.example",
        "Grace Tan",
        ("fleet", "analytics"),
        "120000",
        "SGD",
        [("submit",)],
        4,
    ),
    (
        "lion-city",
        "pacific",
        "pacific_rep",
        "Lion City Cold Chain Pte Ltd",
        "lioncitycold.example",
        "Marcus Lee",
        ("wms",),
        "95000",
        "SGD",
        [("submit",), ("approve", "Approved; joint visit planned.")],
        30,
    ),
    (
        "straits",
        "pacific",
        "other_partner",
        "Straits Trading Co",
        "straitstrading.example",
        "Priya Nair",
        ("analytics",),
        "45000",
        "SGD",
        [("submit",), ("approve", ""), ("won",)],
        100,
    ),
    (
        "kopitiam",
        "pacific",
        "pacific_rep",
        "Kopi Tiam Holdings",
        "kopitiam.example",
        "Daniel Ong",
        ("pos",),
        "18000",
        "SGD",
        [],
        2,
    ),
]


def _period(today: date) -> tuple[str, date, date]:
    if today.month <= 6:
        return f"{today.year} H1", date(today.year, 1, 1), date(today.year, 6, 30)
    return f"{today.year} H2", date(today.year, 7, 1), date(today.year, 12, 31)


@transaction.atomic
def seed(world: DemoWorld) -> None:
    products = {}
    for key, name in PRODUCTS.items():
        products[key], _ = Product.objects.get_or_create(
            name=name, defaults={"code": f"samudra-{key}"}
        )
        world.objects[f"partners:product:{key}"] = products[key]
    AutoApprovalRule.objects.get_or_create(
        tier=world.objects["tier:gold"], currency="USD", defaults={"max_value": Decimal("50000")}
    )
    AutoApprovalRule.objects.get_or_create(
        tier=world.objects["tier:platinum"],
        currency="USD",
        defaults={"max_value": Decimal("100000")},
    )
    for key, (territories, specialisations) in PROFILES.items():
        PartnerProfile.objects.get_or_create(
            organisation=world.orgs[key],
            defaults={"territories": territories, "specialisations": specialisations},
        )
    hendra = world.people["channel_manager"]
    for spec in DEALS:
        seed_deal(world, products, hendra, *spec)
    _seed_leads(world, hendra)
    _seed_mdf(world, hendra)
    _seed_application(world)


def seed_deal(
    world,
    products,
    hendra,
    key,
    firm,
    who,
    customer,
    domain,
    contact,
    items,
    value,
    currency,
    story,
    days_ago,
):
    partner = world.orgs[firm]
    found = DealRegistration.objects.filter(partner=partner, customer_company=customer).first()
    if found is not None:
        world.objects[f"deal:{key}"] = found
        return
    person = world.people[who]
    deal = deals.deal_create(
        partner=partner,
        registered_by=person,
        data=deals.DealData(
            title=f"{', '.join(products[i].name for i in items)} for {customer}",
            customer_company=customer,
            customer_domain=domain,
            contact_name=contact,
            contact_email="",
            contact_phone="",
            products=[products[i] for i in items],
            value=Decimal(value),
            currency=currency,
            expected_close=(world.now + timedelta(days=75 - days_ago // 2)).date(),
            notes="Met at the regional partner day." if days_ago > 20 else "",
        ),
    )
    for step in story:
        deal.refresh_from_db()
        if step[0] == "submit":
            deal = deals.deal_submit(deal=deal, by=person)
        elif step[0] == "approve" and deal.status == DealStatus.SUBMITTED:
            deal = deals.deal_decide(
                deal=deal, by=hendra, decision=DealStatus.APPROVED, reason=step[1]
            )
        elif step[0] in ("reject", "more_info"):
            decision = DealStatus.REJECTED if step[0] == "reject" else DealStatus.MORE_INFO
            deal = deals.deal_decide(deal=deal, by=hendra, decision=decision, reason=step[1])
        elif step[0] in ("won", "lost"):
            deal = deals.deal_close(
                deal=deal,
                by=person,
                side=Side.PARTNER,
                won=step[0] == "won",
                reason=step[1] if len(step) > 1 else "",
            )
        elif step[0] == "expire":
            DealRegistration.objects.filter(pk=deal.pk).update(protected_until=world.now)
            deals.deals_expire(now=world.now + timedelta(seconds=1))
    _backdate(deal, world.now - timedelta(days=days_ago))
    world.objects[f"deal:{key}"] = DealRegistration.objects.get(pk=deal.pk)


def _backdate(deal, start) -> None:
    """Spread the history over the days since `start`, as it would have happened."""
    events = list(DealEvent.objects.filter(deal=deal).order_by("pk"))
    span = (deal.created_at - start) / max(len(events), 1)
    for index, event in enumerate(events):
        event.at = start + span * index
        DealEvent.objects.filter(pk=event.pk).update(at=event.at)
    changes = {"created_at": start}
    submitted = next((e.at for e in events if e.action == "submitted"), None)
    if submitted:
        changes["submitted_at"] = submitted
    approved = next((e.at for e in events if e.action == "approved"), None)
    if approved:
        changes["approved_at"] = approved
        refreshed = DealRegistration.objects.get(pk=deal.pk)
        if refreshed.status == DealStatus.APPROVED:
            changes["protected_until"] = approved + (
                refreshed.protected_until - refreshed.approved_at
            )
    DealRegistration.objects.filter(pk=deal.pk).update(**changes)


LEADS = [
    (
        "lead:gudang",
        {
            "company": "PT Gudang Nusa Raya",
            "contact_name": "Sri Mulyani",
            "country": "ID",
            "territory": "West Java",
            "specialisation": "warehousing",
            "estimated_value": Decimal("60000"),
            "description": "Two warehouses in Bekasi; wants barcode picking by Q2.",
        },
    ),
    (
        "lead:kapal",
        {
            "company": "Kapal Laut Express",
            "contact_name": "Wei Jie Lim",
            "country": "SG",
            "specialisation": "freight",
            "estimated_value": Decimal("80000"),
            "currency": "SGD",
            "description": "Container tracking for 40 trucks.",
        },
    ),
    (
        "lead:surabaya",
        {
            "company": "Toko Elektronik Surabaya",
            "contact_name": "Hendro Kusuma",
            "country": "ID",
            "territory": "East Java",
            "specialisation": "retail",
            "estimated_value": Decimal("15000"),
            "claimable": True,
            "description": "Eight stores, POS replacement.",
        },
    ),
]


def _seed_leads(world, hendra) -> None:
    for key, fields in LEADS:
        lead = Lead.objects.filter(company=fields["company"]).first()
        if lead is None:
            lead = leads.lead_create(by=hendra, distribute=key != "lead:surabaya", **fields)
            if key == "lead:kapal":
                leads.lead_accept(
                    lead=lead,
                    by=world.people["other_partner"],
                    next_step="Demo at their Jurong depot",
                    expected_revenue=Decimal("75000"),
                )
        world.objects[key] = Lead.objects.get(pk=lead.pk)


def _proof(name: str):
    content = simple_pdf(
        name.removesuffix(".pdf").replace("-", " ").title(),
        ["Proof of performance", "Samudra demo"],
    )
    return validate_upload(SimpleUploadedFile(name, content))


def _seed_mdf(world, hendra) -> None:
    period, starts, ends = _period(world.now.date())
    budgets = {}
    for key, amount, currency in (("nusantara", "25000", "USD"), ("pacific", "15000", "SGD")):
        budgets[key], _ = MdfBudget.objects.get_or_create(
            partner=world.orgs[key],
            period=period,
            defaults={
                "starts_on": starts,
                "ends_on": ends,
                "amount": Decimal(amount),
                "currency": currency,
            },
        )
        world.objects[f"mdf:budget:{key}"] = budgets[key]
    plans = [
        (
            "mdf:seminar",
            "nusantara",
            "partner",
            "Warehouse automation seminar, Jakarta",
            "8000",
            "60 logistics managers; 10 qualified opportunities.",
            ("approve", "8000"),
            ("claim", "7450"),
        ),
        (
            "mdf:expo",
            "nusantara",
            "partner_rep",
            "Booth at Indonesia Logistics Expo",
            "6000",
            "Meet 200 visitors; 25 leads.",
            ("approve", "5000"),
            ("claim", "5000"),
            ("pay",),
        ),
        (
            "mdf:webinar",
            "nusantara",
            "multi",
            "POS webinar series for retailers",
            "2500",
            "Three webinars, 150 sign-ups.",
        ),
        (
            "mdf:linkedin",
            "pacific",
            "other_partner",
            "LinkedIn campaign: cold-chain visibility",
            "4000",
            "1,000 visits; 30 demo requests.",
            ("approve", "3500"),
        ),
        (
            "mdf:roadshow",
            "pacific",
            "pacific_rep",
            "Kuala Lumpur roadshow",
            "9000",
            "Four customer visits a day for a week.",
            ("reject", "Outside this half's focus markets."),
        ),
    ]
    for key, firm, who, activity, cost, outcome, *steps in plans:
        item = FundRequest.objects.filter(budget=budgets[firm], activity=activity).first()
        if item is None:
            item = mdf.fund_request_submit(
                budget=budgets[firm],
                by=world.people[who],
                activity=activity,
                planned_cost=Decimal(cost),
                expected_outcome=outcome,
            )
            for step in steps:
                if step[0] == "approve":
                    item = mdf.fund_request_decide(
                        fund_request=item, by=hendra, approve=True, amount=Decimal(step[1])
                    )
                elif step[0] == "reject":
                    item = mdf.fund_request_decide(
                        fund_request=item, by=hendra, approve=False, note=step[1]
                    )
                elif step[0] == "claim":
                    item = mdf.claim_submit(
                        fund_request=item,
                        by=world.people[who],
                        amount=Decimal(step[1]),
                        notes="Held as planned; attendee list and invoices attached.",
                        proofs=[_proof(f"{key.split(':')[1]}-invoices.pdf")],
                    )
                elif step[0] == "pay":
                    item = mdf.claim_pay(fund_request=item, by=hendra)
        world.objects[key] = item
        world.objects[f"{key}:proof"] = item.proofs.first()


def _seed_application(world) -> None:
    application = PartnerApplication.objects.filter(company="CV Cahaya Digital").first()
    if application is None:
        application = programme.application_submit(
            data={
                "company": "CV Cahaya Digital",
                "country": "ID",
                "city": "Bandung",
                "territory": "West Java",
                "website": "https://cahayadigital.example",
                "specialisations": "retail, point of sale",
                "message": "Twelve consultants; we implement POS for 40 retail chains"
                " in West Java.",
            },
            contacts=[
                {
                    "name": "Rahmat Hidayat",
                    "email": "rahmat@cahayadigital.example",
                    "title": "Director",
                    "is_admin": True,
                },
                {
                    "name": "Nurul Aini",
                    "email": "nurul@cahayadigital.example",
                    "title": "Sales Lead",
                    "is_admin": False,
                },
            ],
        )
    world.objects["partners:application"] = application
