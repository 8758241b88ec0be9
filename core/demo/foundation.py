"""Demo organisations and people: every kind of person the access rules know, with history."""

from dataclasses import dataclass, field
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.db import transaction

from core.access.roles import Duty, OrganisationKind, Role
from core.cms.structure import ensure_site_structure
from core.orgs.models import Organisation, PartnerTier, ValueTier
from core.people.models import Person, RoleAssignment
from core.people.services import role_end, role_grant

from .world import DEMO_PASSWORD, DemoWorld

# key: (name, kind, country, city, e-mail domain)
ORGANISATIONS = {
    "samudra": (
        "PT Samudra Teknologi Nusantara",
        OrganisationKind.OWN_COMPANY,
        "ID",
        "Jakarta",
        "samudra.example",
    ),
    "sinarjaya": (
        "PT Sinar Jaya Abadi",
        OrganisationKind.CUSTOMER,
        "ID",
        "Surabaya",
        "sinarjaya.example",
    ),
    "acme": (
        "Acme Logistics Pty Ltd",
        OrganisationKind.CUSTOMER,
        "AU",
        "Sydney",
        "acme-logistics.example",
    ),
    "bengawan": (
        "Bengawan Retail Group",
        OrganisationKind.CUSTOMER,
        "ID",
        "Surakarta",
        "bengawan.example",
    ),
    "nusantara": (
        "Nusantara Solutions",
        OrganisationKind.PARTNER,
        "ID",
        "Jakarta",
        "nusantara-solutions.example",
    ),
    "pacific": (
        "Pacific Channel Partners Pte Ltd",
        OrganisationKind.PARTNER,
        "SG",
        "Singapore",
        "pacificchannel.example",
    ),
    "garuda": (
        "Garuda Capital Management",
        OrganisationKind.INVESTOR,
        "ID",
        "Jakarta",
        "garudacapital.example",
    ),
}

# slug: (name, rank, discount %, MDF share %, lead weight, deal protection days, benefits)
PARTNER_TIERS = {
    "registered": ("Registered", 1, 0, 0, 1, 60, "Partner portal, training and deal registration."),
    "silver": ("Silver", 2, 10, 2, 2, 90, "10% discount, market development funds, leads."),
    "gold": ("Gold", 3, 20, 3, 3, 120, "20% discount, a channel manager, priority leads."),
    "platinum": ("Platinum", 4, 30, 5, 5, 180, "30% discount, joint planning, first leads."),
}
# slug: what a firm needs to reach the tier (won value in USD and won deals over the last
# 12 months, people with a valid certificate); the scorecard shows progress toward the next.
TIER_REQUIREMENTS = {
    "registered": (0, 0, 0),
    "silver": (20000, 1, 1),
    "gold": (100000, 3, 2),
    "platinum": (250000, 6, 4),
}
ORGANISATION_TIERS = {
    "nusantara": {"partner_tier": "gold"},
    "pacific": {"partner_tier": "silver"},
    "sinarjaya": {"value_tier": ValueTier.GOLD},
    "acme": {"value_tier": ValueTier.SILVER},
}


@dataclass(frozen=True)
class Hat:
    role: Role
    org: str | None
    title: str = ""
    admin: bool = False
    years_ago: float = 1.0
    ended_years_ago: float | None = None


@dataclass(frozen=True)
class DemoPerson:
    name: str
    email: str
    hats: tuple[Hat, ...] = ()
    duties: tuple[Duty, ...] = ()
    superuser: bool = False
    language: str = "en"
    time_zone: str = "Asia/Jakarta"
    preferred: str = ""
    extra: dict = field(default_factory=dict)


# The keys double as the "kinds of person" of the access-matrix test.
PEOPLE = {
    "customer_admin": DemoPerson(
        "Budi Santoso",
        "budi.santoso@sinarjaya.example",
        (Hat(Role.CUSTOMER, "sinarjaya", "IT Manager", admin=True, years_ago=3),),
        language="id",
    ),
    "customer": DemoPerson(
        "Siti Rahayu",
        "siti.rahayu@sinarjaya.example",
        (
            Hat(Role.CUSTOMER, "sinarjaya", "Warehouse Supervisor", years_ago=1.5),
            Hat(Role.CUSTOMER, "bengawan", "Store Systems Lead", years_ago=4, ended_years_ago=1.6),
        ),
        language="id",
    ),
    "other_customer": DemoPerson(
        "Emily Carter",
        "emily.carter@acme-logistics.example",
        (Hat(Role.CUSTOMER, "acme", "Head of Operations", admin=True, years_ago=2),),
        time_zone="Australia/Sydney",
    ),
    "partner": DemoPerson(
        "Agus Wijaya",
        "agus.wijaya@nusantara-solutions.example",
        (Hat(Role.PARTNER, "nusantara", "Managing Director", admin=True, years_ago=4),),
    ),
    "other_partner": DemoPerson(
        "Liam O'Connor",
        "liam.oconnor@pacificchannel.example",
        (Hat(Role.PARTNER, "pacific", "Channel Director", admin=True, years_ago=2.5),),
        time_zone="Asia/Singapore",
    ),
    "employee": DemoPerson(
        "Joko Susilo",
        "joko.susilo@samudra.example",
        (Hat(Role.EMPLOYEE, "samudra", "Finance Analyst", years_ago=5),),
        language="id",
    ),
    "agent": DemoPerson(
        "Rina Kusuma",
        "rina.kusuma@samudra.example",
        (Hat(Role.EMPLOYEE, "samudra", "Customer Support Specialist", years_ago=3),),
        duties=(Duty.AGENT,),
    ),
    "channel_manager": DemoPerson(
        "Hendra Gunawan",
        "hendra.gunawan@samudra.example",
        (
            Hat(Role.EMPLOYEE, "samudra", "Channel Manager, Indonesia", years_ago=2),
            Hat(Role.PARTNER, "nusantara", "Sales Engineer", years_ago=5, ended_years_ago=2.1),
        ),
        duties=(Duty.CHANNEL_MANAGER,),
    ),
    "ir_officer": DemoPerson(
        "Sarah Thompson",
        "sarah.thompson@samudra.example",
        (Hat(Role.EMPLOYEE, "samudra", "Investor Relations Officer", years_ago=1.2),),
        duties=(Duty.IR_OFFICER,),
    ),
    "content_editor": DemoPerson(
        "Putu Ayu Pratiwi",
        "putu.pratiwi@samudra.example",
        (Hat(Role.EMPLOYEE, "samudra", "Knowledge Manager", years_ago=2.8),),
        duties=(Duty.CONTENT_EDITOR,),
        time_zone="Asia/Makassar",
        preferred="Ayu",
    ),
    "investor": DemoPerson(
        "Wulan Sari",
        "wulan.sari@mail.example",
        (Hat(Role.INVESTOR, None, years_ago=1.1),),
        language="id",
    ),
    "multi": DemoPerson(
        "Dewi Lestari",
        "dewi.lestari@mail.example",
        (
            Hat(Role.CUSTOMER, "acme", "Procurement Lead", years_ago=2.2),
            Hat(Role.PARTNER, "nusantara", "Sales Representative", years_ago=1.4),
            Hat(Role.INVESTOR, None, years_ago=0.8),
        ),
    ),
    "norole": DemoPerson("Maya Anggraini", "maya.anggraini@mail.example", language="id"),
    # Further people who make the demo feel lived-in.
    "agent_two": DemoPerson(
        "Arif Hidayat",
        "arif.hidayat@samudra.example",
        (Hat(Role.EMPLOYEE, "samudra", "Senior Support Engineer", years_ago=6),),
        duties=(Duty.AGENT,),
    ),
    "partner_rep": DemoPerson(
        "Rizky Pratama",
        "rizky.pratama@nusantara-solutions.example",
        (Hat(Role.PARTNER, "nusantara", "Account Executive", years_ago=0.9),),
    ),
    "pacific_rep": DemoPerson(
        "Mei Ling Tan",
        "meiling.tan@pacificchannel.example",
        (Hat(Role.PARTNER, "pacific", "Solutions Consultant", years_ago=1.7),),
        time_zone="Asia/Singapore",
    ),
    "analyst": DemoPerson(
        "Kenji Tanaka",
        "kenji.tanaka@garudacapital.example",
        (Hat(Role.INVESTOR, "garuda", "Equity Analyst", years_ago=0.6),),
    ),
    "acme_contact": DemoPerson(
        "Oliver Nguyen",
        "oliver.nguyen@acme-logistics.example",
        (Hat(Role.CUSTOMER, "acme", "Fleet Systems Engineer", years_ago=0.4),),
        time_zone="Australia/Sydney",
    ),
    "admin": DemoPerson(
        "Ari Nugroho",
        "ari.nugroho@samudra.example",
        (Hat(Role.EMPLOYEE, "samudra", "Head of IT", years_ago=7),),
        duties=(Duty.CONTENT_EDITOR,),
        superuser=True,
    ),
}

YEAR = timedelta(days=365)


@transaction.atomic
def seed(world: DemoWorld) -> None:
    ensure_site_structure()
    for key, (name, kind, country, city, domain) in ORGANISATIONS.items():
        world.orgs[key], _ = Organisation.objects.get_or_create(
            name=name,
            kind=kind,
            defaults={"country": country, "city": city, "email_domain": domain},
        )
    _seed_tiers(world)
    for key, spec in PEOPLE.items():
        world.people[key] = _seed_person(world, spec)
    world.note(f"Every demo person signs in with the password: {DEMO_PASSWORD}")


def _seed_tiers(world: DemoWorld) -> None:
    tiers = {}
    for slug, (name, rank, discount, mdf, weight, days, benefits) in PARTNER_TIERS.items():
        won_value, won_deals, certified = TIER_REQUIREMENTS[slug]
        tiers[slug], _ = PartnerTier.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "rank": rank,
                "discount_percent": discount,
                "mdf_share_percent": mdf,
                "lead_weight": weight,
                "deal_protection_days": days,
                "benefits": benefits,
                "min_won_value": won_value,
                "requirement_currency": "USD",
                "min_won_deals": won_deals,
                "min_certified_people": certified,
            },
        )
        world.objects[f"tier:{slug}"] = tiers[slug]
    for key, values in ORGANISATION_TIERS.items():
        organisation = world.orgs[key]
        if "partner_tier" in values and organisation.partner_tier_id is None:
            organisation.partner_tier = tiers[values["partner_tier"]]
        if "value_tier" in values and organisation.value_tier == ValueTier.STANDARD:
            organisation.value_tier = values["value_tier"]
        organisation.save(update_fields=["partner_tier", "value_tier"])


def _seed_person(world: DemoWorld, spec: DemoPerson) -> Person:
    person = Person.objects.filter(email=spec.email).first()
    if person is None:
        person = Person.objects.create(
            email=spec.email,
            password=world.password_hash,
            full_name=spec.name,
            preferred_name=spec.preferred,
            language=spec.language,
            time_zone=spec.time_zone,
            is_staff=spec.superuser,
            is_superuser=spec.superuser,
            date_joined=world.now - max((h.years_ago for h in spec.hats), default=0.3) * YEAR,
        )
        EmailAddress.objects.create(user=person, email=spec.email, primary=True, verified=True)
    for hat in spec.hats:
        _seed_hat(world, person, hat)
    for duty in spec.duties:
        person.groups.add(Group.objects.get(name=duty.value))
    if any(h.role is Role.EMPLOYEE for h in spec.hats) or spec.superuser:
        _seed_totp(person)
    return person


def _seed_hat(world: DemoWorld, person: Person, hat: Hat) -> None:
    organisation = world.orgs[hat.org] if hat.org else None
    if RoleAssignment.objects.filter(
        person=person, role=hat.role, organisation=organisation
    ).exists():
        return
    assignment = role_grant(
        person=person,
        role=hat.role,
        organisation=organisation,
        is_org_admin=hat.admin,
        title=hat.title,
        since=world.now - hat.years_ago * YEAR,
    )
    if hat.ended_years_ago is not None:
        role_end(assignment=assignment, at=world.now - hat.ended_years_ago * YEAR)


def _seed_totp(person: Person) -> None:
    """Demo staff get an authenticator; `manage.py demo_totp` prints their current code."""
    if not Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(person, generate_totp_secret())
