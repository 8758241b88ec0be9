"""Organisations, people and their roles, at scale."""

from core.orgs.models import Organisation
from core.people.models import Person, RoleAssignment

from .sql import insert_series, sql_array

DOMAIN = "large.example"
GIVEN = sql_array(
    "Dewi Budi Siti Agus Rina Hendra Putu Wulan Ayu Bambang Fajar Nadia Joko Sri Made Ketut "
    "Emily Liam Sarah Grace Daniel Olivia Noah Chen Priya Hiroshi Amir Fatimah Lucas Sofia".split()
)
FAMILY = sql_array(
    "Santoso Lestari Rahayu Wijaya Kusuma Gunawan Pratiwi Sari Hartono Nugroho Putri Susilo "
    "Carter Thompson Lim Wirawan Tan Nguyen Smith Kumar Sato Rahman Silva Müller Hakim".split()
)
FIRM = sql_array(
    [
        "PT Maju Bersama",
        "CV Sumber Rejeki",
        "PT Cahaya Abadi",
        "Harbour Freight",
        "Nusa Indah Group",
        "PT Mitra Sejahtera",
        "Blue Reef Trading",
        "PT Karya Utama",
        "Southern Cross Supply",
        "CV Sinar Terang",
    ]
)
# Seven in ten organisations are customer accounts, two partner firms, one investing entity.
KIND_OF_ORGANISATION_N = (
    "CASE WHEN n %% 10 < 7 THEN 'customer' WHEN n %% 10 < 9 THEN 'partner' ELSE 'investor' END"
)


def organisations(sizes, progress) -> None:
    insert_series(
        Organisation,
        label="organisations",
        count=sizes.organisations,
        columns={
            "name": f"{FIRM}[1 + n %% 10] || ' ' || n",
            "slug": "'large-org-' || n",
            "kind": KIND_OF_ORGANISATION_N,
            "country": "CASE WHEN n %% 3 = 0 THEN 'SG' WHEN n %% 4 = 0 THEN 'AU' ELSE 'ID' END",
            "email_domain": f"'org' || n || '.{DOMAIN}'",
            "partner_tier_id": "CASE WHEN n %% 10 IN (7, 8) THEN (SELECT id FROM orgs_partnertier "
            "ORDER BY rank OFFSET n %% 4 LIMIT 1) END",
        },
        progress=progress,
    )


def people(sizes, progress) -> None:
    insert_series(
        Person,
        label="people",
        count=sizes.persons,
        columns={
            "password": "'!'",  # no usable password: bench sign-ins use sessions
            "email": f"'p' || n || '@{DOMAIN}'",
            "full_name": f"{GIVEN}[1 + n %% 30] || ' ' || {FAMILY}[1 + (n / 30) %% 25]",
        },
        progress=progress,
    )


def roles(sizes, progress) -> None:
    """Person n works at organisation 1 + (n - 1) mod organisations, in the role its kind
    takes; the first person of each organisation is its admin; one in five non-investors
    also invests as an individual."""
    insert_series(
        RoleAssignment,
        label="role assignments",
        count=sizes.persons,
        columns={
            "person_id": "p.id",
            "role": "o.kind",
            "organisation_id": "o.id",
            "is_org_admin": "n <= %(organisations)s",
            "since": "now() - ((n %% 2000) || ' days')::interval",
        },
        joins=(
            f"JOIN people_person p ON p.email = 'p' || n || '@{DOMAIN}' "
            "JOIN orgs_organisation o "
            "ON o.slug = 'large-org-' || (1 + (n - 1) %% %(organisations)s)"
        ),
        params={"organisations": sizes.organisations},
        progress=progress,
    )
    insert_series(
        RoleAssignment,
        label="individual investors",
        count=sizes.persons // 5,
        columns={"person_id": "r.person_id", "role": "'investor'"},
        joins=(
            f"JOIN people_person p ON p.email = 'p' || (n * 5) || '@{DOMAIN}' "
            "JOIN people_roleassignment r ON r.person_id = p.id AND r.role <> 'investor'"
        ),
        progress=progress,
    )
