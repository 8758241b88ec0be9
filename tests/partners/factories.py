"""Builders for partner-programme tests: firms with tiers, partner contacts, deals, budgets."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from core.access.roles import Duty, OrganisationKind, Role
from core.orgs.models import PartnerTier
from core.partners.models import MdfBudget, Product
from core.partners.services.deals import DealData, deal_create
from tests.factories import OrganisationFactory, person_with


def tier(slug="gold", rank=3, protection_days=120) -> PartnerTier:
    found, _ = PartnerTier.objects.get_or_create(
        slug=slug,
        defaults={"name": slug.title(), "rank": rank, "deal_protection_days": protection_days},
    )
    return found


def firm(name=None, tier_slug="gold", **fields):
    ranks = {"registered": 1, "silver": 2, "gold": 3, "platinum": 4}
    extra = {"name": name} if name else {}
    return OrganisationFactory(
        kind=OrganisationKind.PARTNER,
        partner_tier=tier(tier_slug, ranks.get(tier_slug, 9)),
        **extra,
        **fields,
    )


def partner_at(organisation, *, admin=False):
    return person_with(Role.PARTNER, organisation=organisation, admin=admin)


def channel_manager():
    return person_with(Role.EMPLOYEE, duties=(Duty.CHANNEL_MANAGER,))


def product(name="Samudra WMS") -> Product:
    found, _ = Product.objects.get_or_create(
        name=name, defaults={"code": name.lower().replace(" ", "-")}
    )
    return found


def deal_data(**overrides) -> DealData:
    values = {
        "title": "Warehouse roll-out",
        "customer_company": "PT Maju Bersama",
        "customer_domain": "majubersama.example",
        "contact_name": "Andi Saputra",
        "contact_email": "andi@majubersama.example",
        "contact_phone": "",
        "products": [product()],
        "value": Decimal("40000"),
        "currency": "USD",
        "expected_close": timezone.localdate() + timedelta(days=60),
        "notes": "",
    }
    values.update(overrides)
    return DealData(**values)


def make_deal(partner_firm, by=None, *, submit=False, **overrides):
    by = by or partner_at(partner_firm)
    return deal_create(
        partner=partner_firm, registered_by=by, data=deal_data(**overrides), submit=submit
    )


def budget(partner_firm, amount="10000", **fields) -> MdfBudget:
    today = timezone.localdate()
    return MdfBudget.objects.create(
        partner=partner_firm,
        period=fields.pop("period", "This half"),
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=150),
        amount=Decimal(amount),
        **fields,
    )
