"""Tickets and their threads, at scale: most long closed, some running against their SLA,
one organisation much larger than the rest, and one ticket with a long thread."""

from django.db import connection

from core.people.models import Person
from core.tickets.models import Ticket, TicketMessage

from .people import DOMAIN
from .sql import insert_series, sql_array

LARGE_ORGANISATION = "large-org-1"
LONG_THREAD_REFERENCE = "L-1"
LONG_THREAD_MESSAGES = 200
SUBJECTS = sql_array(
    [
        "Scanner app logs out after update",
        "Invoice shows the wrong tax rate",
        "Cannot export the monthly report",
        "Driver app is slow on Android",
        "Request to add a new warehouse user",
        "Tracking page shows an old status",
        "Password reset e-mail not arriving",
        "API returns 429 at month end",
    ]
)
STATUS_OF_N = (
    "CASE WHEN n %% 50 = 0 THEN 'new' WHEN n %% 50 < 4 THEN 'open' "
    "WHEN n %% 50 = 4 THEN 'pending' WHEN n %% 50 = 5 THEN 'resolved' ELSE 'closed' END"
)
RUNNING = "n %% 50 < 4"


def _hats_table(name: str, where: str) -> int:
    """A numbered temporary table of customer hats, so ticket n can pick hat 1 + n mod count
    with an equality join."""
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {name}")
        cursor.execute(
            f"CREATE TEMPORARY TABLE {name} AS "  # noqa: S608 - fixed names
            "SELECT row_number() OVER (ORDER BY r.id) AS rn, r.id, r.person_id, r.organisation_id "
            "FROM people_roleassignment r JOIN people_person p ON p.id = r.person_id "
            "JOIN orgs_organisation o ON o.id = r.organisation_id "
            f"WHERE r.role = 'customer' AND p.email LIKE %s AND {where}",
            [f"%@{DOMAIN}"],
        )
        cursor.execute(f"CREATE UNIQUE INDEX ON {name} (rn)")
        cursor.execute(f"SELECT count(*) FROM {name}")  # noqa: S608 - fixed names
        return cursor.fetchone()[0]


def _ticket_columns(prefix: str) -> dict[str, str]:
    due = f"CASE WHEN {RUNNING} THEN now() + ((n %% 72 - 24) || ' hours')::interval END"
    done = (
        f"CASE WHEN NOT ({RUNNING}) AND n %% 50 <> 4 "
        "THEN now() - (n %% 900 || ' hours')::interval END"
    )
    return {
        "reference": f"'{prefix}' || n",
        "subject": f"{SUBJECTS}[1 + n %% 8]",
        "description": "'Generated for the large data set.'",
        "requester_id": "h.person_id",
        "requester_role_id": "h.id",
        "portal": "'customer'",
        "organisation_id": "h.organisation_id",
        "queue_id": "q.id",
        "priority": "(ARRAY['low','normal','normal','high','urgent'])[1 + n %% 5]",
        "status": STATUS_OF_N,
        "created_at": "now() - ((n %% 40000) || ' hours')::interval",
        "updated_at": "now() - ((n %% 20000) || ' hours')::interval",
        "first_response_due_at": due,
        "resolution_due_at": due,
        "sla_due_at": due,
        "first_responded_at": f"CASE WHEN NOT ({RUNNING}) THEN now() - interval '900 hours' END",
        "resolved_at": done,
        "closed_at": "CASE WHEN n %% 50 > 5 THEN now() - (n %% 800 || ' hours')::interval END",
    }


def tickets(sizes, progress) -> None:
    everyone = _hats_table("large_hats", "true")
    large = _hats_table("large_org_hats", f"o.slug = '{LARGE_ORGANISATION}'")
    queue = "JOIN tickets_queue q ON q.slug = 'support' "
    # One ticket in ten belongs to the large organisation, so its admin's list is long.
    insert_series(
        Ticket,
        label="tickets",
        count=sizes.tickets - sizes.tickets // 10,
        columns=_ticket_columns("L-"),
        joins=queue + "JOIN large_hats h ON h.rn = 1 + n %% %(hats)s",
        params={"hats": everyone},
        progress=progress,
    )
    insert_series(
        Ticket,
        label="tickets of the large organisation",
        count=sizes.tickets // 10,
        columns=_ticket_columns("LO-"),
        joins=queue + "JOIN large_org_hats h ON h.rn = 1 + n %% %(hats)s",
        params={"hats": large},
        progress=progress,
    )


def messages(sizes, progress) -> None:
    """The first LONG_THREAD_MESSAGES messages form one long thread; the rest spread evenly.
    Two in five are the support team's: an internal note and a public reply."""
    spread = sizes.tickets - sizes.tickets // 10 - 1
    agent = Person.objects.filter(groups__ticket_queues__slug="support").order_by("pk").first()
    insert_series(
        TicketMessage,
        label="ticket messages",
        count=sizes.messages,
        columns={
            "ticket_id": "t.id",
            "author_id": "CASE WHEN n %% 5 IN (0, 2) THEN %(agent)s ELSE t.requester_id END",
            "is_internal": "n %% 5 = 0",
            "body": "'Message ' || n || ' of the generated thread.'",
            "created_at": "t.created_at + (n %% 500 || ' minutes')::interval",
        },
        joins=(
            "JOIN tickets_ticket t ON t.reference = CASE WHEN n <= %(long)s THEN %(long_ref)s "
            "ELSE 'L-' || (2 + n %% %(spread)s) END"
        ),
        params={
            "long": LONG_THREAD_MESSAGES,
            "long_ref": LONG_THREAD_REFERENCE,
            "spread": max(spread, 1),
            "agent": agent.pk if agent else None,
        },
        progress=progress,
    )
