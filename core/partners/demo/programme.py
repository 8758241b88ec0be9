"""The programme the partner demo runs in: Samudra's products, auto-approval limits per tier,
the two firms' territories and specialisations, and one application waiting for review."""

from decimal import Decimal

from core.demo.world import DemoWorld

from ..models import AutoApprovalRule, PartnerApplication, PartnerProfile, Product
from ..services import programme

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


def seed_programme(world: DemoWorld) -> dict[str, Product]:
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
    return products


def seed_application(world) -> None:
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
