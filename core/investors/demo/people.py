"""The people IR serves in the demo: alert subscribers in Indonesia and abroad, Wulan as a
verified shareholder, and her information request answered in the IR queue."""

from datetime import timedelta

from django.db import transaction

from core.access.roles import Role
from core.demo.world import DemoWorld
from core.people.models import RoleAssignment
from core.tickets import notify
from core.tickets.lifecycle import Side
from core.tickets.models import Queue, Ticket
from core.tickets.services import ticket_create, ticket_reply

from ..models import InvestorProfile, Subscriber

WULAN_REQUEST = "Dividend payment date for the 2025 final dividend"
SUBSCRIBERS = [
    ("wulan.sari@mail.example", "id", (1, 1, 1, 1)),
    ("dewi.lestari@mail.example", "id", (1, 0, 0, 1)),
    ("kenji.tanaka@garudacapital.example", "en", (1, 1, 1, 1)),
    ("research@garudacapital.example", "en", (1, 1, 0, 0)),
    ("anna.schmidt@nordfonds.example", "en", (1, 0, 1, 1)),
    ("rizal.hakim@mail.example", "id", (1, 0, 1, 0)),
    ("priya.raman@lionrock.example", "en", (1, 1, 1, 1)),
    ("yusuf.pratama@mail.example", "id", (0, 0, 1, 0)),
]


def seed_people(world: DemoWorld) -> None:
    for email, language, (results, filings, press, events) in SUBSCRIBERS:
        Subscriber.objects.get_or_create(
            email=email,
            defaults={
                "language": language,
                "wants_results": bool(results),
                "wants_filings": bool(filings),
                "wants_press": bool(press),
                "wants_events": bool(events),
                "confirmed_at": world.now - timedelta(days=200),
            },
        )
    wulan = world.people["investor"]
    profile, _ = InvestorProfile.objects.get_or_create(person=wulan)
    if profile.holder_verified_at is None:
        profile.holder_verified_at = world.now - timedelta(days=120)
        profile.holder_verified_by = world.people["ir_officer"]
        profile.holder_reference = "KSEI sub-account 00-1234-5678 (broker statement)"
        profile.save()
    InvestorProfile.objects.get_or_create(person=world.people["multi"])


@transaction.atomic
def seed_requests(world: DemoWorld) -> None:
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
