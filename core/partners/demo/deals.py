"""Demo deal registrations in every state for both firms, including a conflict over the same
end customer, each replayed through the deal services and backdated to when it happened."""

from datetime import timedelta
from decimal import Decimal

from ..lifecycle import DealStatus, Side
from ..models import DealEvent, DealRegistration
from ..services import deals

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
