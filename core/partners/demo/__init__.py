"""The partner programme's demo: products, rules, deals in every state for both firms (with a
conflict), leads, market development funds, and one application waiting for review.

Idempotent: a second run finds what the first made (by end customer and firm) and only
remembers it for tests and the access matrix."""

from django.db import transaction

from core.demo.world import DemoWorld

from .deals import DEALS, seed_deal
from .leads import seed_leads
from .mdf import seed_mdf
from .programme import seed_application, seed_programme


@transaction.atomic
def seed(world: DemoWorld) -> None:
    products = seed_programme(world)
    hendra = world.people["channel_manager"]
    for spec in DEALS:
        seed_deal(world, products, hendra, *spec)
    seed_leads(world, hendra)
    seed_mdf(world, hendra)
    seed_application(world)
