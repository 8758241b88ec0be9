"""Deal registrations of the generated partner firms, in every state of their lifecycle."""

from django.db import connection

from core.partners.models import DealRegistration

from .people import DOMAIN, FIRM
from .sql import insert_series

STATUS_OF_N = (
    "(ARRAY['draft','submitted','more_info','approved','approved','rejected','won','won',"
    "'lost','expired'])[1 + n %% 10]"
)


def deals(sizes, progress) -> None:
    """Deal n belongs to the partner admin at the n-th generated partner firm (cycling)."""
    admins = _partner_admins()
    if not admins:
        return
    insert_series(
        DealRegistration,
        label="deal registrations",
        count=sizes.deals,
        columns={
            "partner_id": "r.organisation_id",
            "registered_by_id": "r.person_id",
            "title": "'Rollout of handheld scanners, phase ' || (1 + n %% 4)",
            "customer_company": f"{FIRM}[1 + n %% 10] || ' Customer ' || n",
            "customer_key": f"lower({FIRM}[1 + n %% 10]) || ' customer ' || n",
            "customer_domain": f"'customer' || n || '.{DOMAIN}'",
            "contact_name": "'Purchasing team'",
            "value": "1000 + (n * 7919) %% 250000",
            "expected_close": "(now() + ((n %% 300 - 60) || ' days')::interval)::date",
            "status": STATUS_OF_N,
            "submitted_at": "CASE WHEN n %% 10 > 0 THEN now() - (n %% 400 || ' days')"
            "::interval END",
            "approved_at": "CASE WHEN n %% 10 IN (3, 4, 6, 7) THEN now() - (n %% 90 || ' days')"
            "::interval END",
            "protected_until": "CASE WHEN n %% 10 IN (3, 4) THEN now() + (n %% 90 || ' days')"
            "::interval END",
            "closed_at": "CASE WHEN n %% 10 >= 6 THEN now() - (n %% 60 || ' days')::interval END",
            "created_at": "now() - (n %% 500 || ' days')::interval",
        },
        joins="JOIN large_partner_admins r ON r.rn = 1 + n %% %(admins)s",
        params={"admins": admins},
        progress=progress,
    )


def _partner_admins() -> int:
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS large_partner_admins")
        cursor.execute(
            "CREATE TEMPORARY TABLE large_partner_admins AS "
            "SELECT row_number() OVER (ORDER BY r.id) AS rn, r.person_id, r.organisation_id "
            "FROM people_roleassignment r JOIN orgs_organisation o ON o.id = r.organisation_id "
            "WHERE r.role = 'partner' AND r.is_org_admin AND o.slug LIKE %s",
            ["large-org-%"],
        )
        cursor.execute("CREATE UNIQUE INDEX ON large_partner_admins (rn)")
        cursor.execute("SELECT count(*) FROM large_partner_admins")
        return cursor.fetchone()[0]
