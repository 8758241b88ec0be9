"""Demo leads from the channel team: one offered to matching partners, one accepted by Pacific,
and one left for a partner to claim."""

from decimal import Decimal

from ..models import Lead
from ..services import leads

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


def seed_leads(world, hendra) -> None:
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
