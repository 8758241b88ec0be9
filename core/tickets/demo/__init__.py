"""Demo tickets: queues, SLA policies, the Jakarta business calendar and ~40 tickets with
months of history across Sinar Jaya, Acme and Bengawan. Idempotent: a second run adds nothing."""

from django.db import transaction

from core.demo.foundation import _seed_person
from core.demo.world import DemoWorld

from .. import notify, sla
from ..models import Ticket
from .history import BENGAWAN_ADMIN, play_bengawan, play_generated
from .playback import play
from .queues import seed_calendar, seed_categories, seed_queues
from .scripted import SCRIPTS


def seed(world: DemoWorld) -> None:
    calendar = seed_calendar(world)
    queues = seed_queues(world, calendar)
    world.people["bengawan_admin"] = _seed_person(world, BENGAWAN_ADMIN)
    categories, areas = seed_categories(queues)
    if not Ticket.objects.filter(subject=SCRIPTS[0].subject).exists():
        with notify.muted():
            _seed_tickets(world, categories, areas)
    _remember(world)
    world.note(
        "Tickets: sign in as Siti (customer) or Rina (agent) and open Tickets / Work queues."
    )


@transaction.atomic
def _seed_tickets(world: DemoWorld, categories, areas) -> None:
    for script in SCRIPTS:
        play(world, script, categories, areas)
    play_generated(world, categories, areas)
    play_bengawan(world, categories, areas)
    sla.sweep_breaches(world.now)


def _remember(world: DemoWorld) -> None:
    """What tests and the access matrix refer to (found again on a second run)."""
    for script in SCRIPTS:
        if script.key:
            world.objects[script.key] = Ticket.objects.get(subject=script.subject)
    siti = world.objects["tickets:siti"]
    world.objects["tickets:siti-file"] = siti.attachments.filter(message__isnull=True).first()
    world.objects["tickets:internal-file"] = siti.attachments.filter(is_internal=True).first()
    world.objects["tickets:bengawan"] = Ticket.objects.filter(
        organisation=world.orgs["bengawan"], requester=world.people["customer"]
    ).first()
