"""The plan of the customer ticket list behind its permission check, on the large data set.

    .venv/bin/python bench/run.py --prepare --large full      # once: the bench database
    .venv/bin/python bench/ticket_list_plan.py                # EXPLAIN ANALYZE, as in RESULTS.md

The org admin of the large organisation (p1@large.example) lists all its tickets; the access
rule (own hats, administered organisations, guardian shares to the person and their groups)
and the page are one statement.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portals.settings.test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portals_bench")

import django  # noqa: E402

django.setup()

from core.access.roles import Role  # noqa: E402
from core.people.models import Person  # noqa: E402
from core.tickets import selectors  # noqa: E402
from core.tickets.models import Ticket  # noqa: E402


def main() -> None:
    admin = Person.objects.get(email="p1@large.example")
    page = selectors.requester_tickets(admin, Role.CUSTOMER, scope="organisation", status="all")
    print(f"tickets in the table: {Ticket.objects.count():,}; in the list: {page.count():,}\n")
    print(page[:20].explain(analyze=True))


if __name__ == "__main__":
    main()
