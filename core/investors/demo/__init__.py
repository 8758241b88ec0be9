"""Demo investor relations: the IR home with key figures and governance, five fiscal years of
reports and filings (2022–2026), past and upcoming events (the Q3 2026 earnings call with its
report scheduled for the call's morning, AGM 2027), alert subscribers, Wulan as a verified
shareholder and her information request in the IR queue. Idempotent."""

from django.db import transaction

from core.demo.world import DemoWorld

from .events import seed_events
from .pages import seed_pages
from .people import seed_people, seed_requests
from .publications import seed_publications


def seed(world: DemoWorld) -> None:
    with transaction.atomic():
        seed_pages(world)
        publications = seed_publications(world)
        seed_events(world, publications)
        seed_people(world)
    seed_requests(world)
    world.note(
        "Investor relations: /investor-relations/ (public), /investor/reports/ and "
        "/investor/events/; sign in as Wulan (verified shareholder) for investor material; "
        "Sarah (IR officer) edits under Investor relations in /cms/."
    )
