"""Demo investor relations: an information request from Wulan in the IR queue."""

from datetime import timedelta

from django.db import transaction

from core.access.roles import Role
from core.demo.world import DemoWorld
from core.people.models import RoleAssignment
from core.tickets import notify
from core.tickets.lifecycle import Side
from core.tickets.models import Queue, Ticket
from core.tickets.services import ticket_create, ticket_reply

WULAN_REQUEST = "Dividend payment date for the 2025 final dividend"


def seed(world: DemoWorld) -> None:
    _seed_requests(world)
    world.note("Investor relations: sign in as Wulan (investor) and open Information requests.")


@transaction.atomic
def _seed_requests(world: DemoWorld) -> None:
    wulan = world.people["investor"]
    ticket = Ticket.objects.filter(requester=wulan, subject=WULAN_REQUEST).first()
    if ticket is None:
        hat = RoleAssignment.objects.filter(person=wulan, role=Role.INVESTOR).first()
        queue = Queue.objects.filter(slug="investor-relations").first()
        at = world.now - timedelta(days=3)
        with notify.muted():
            ticket = ticket_create(
                requester=wulan,
                role_assignment=hat,
                subject=WULAN_REQUEST,
                description=(
                    "Selamat siang. I hold Samudra shares through my broker. When will the final "
                    "dividend for fiscal 2025 be paid, and what is the recording date?"
                ),
                queue=queue,
                at=at,
            )
            ticket_reply(
                ticket=ticket,
                author=world.people["ir_officer"],
                side=Side.AGENT,
                body=(
                    "Dear Ms Sari, the AGM on 12 May 2027 will vote on the final dividend; the "
                    "recording date and payment date follow in the AGM results announcement."
                ),
                attachments=(),
                at=at + timedelta(hours=5),
            )
    world.objects["investors:wulan-request"] = ticket
