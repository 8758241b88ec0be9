"""The partner programme's support demo: Nusantara won and holds registrations for two existing
customer accounts, and asks the partner desk on their behalf.

- Agus asks about Acme Logistics' fleet trackers and invites Emily Carter, Acme's head of
  operations: she has an account with the customer role at Acme, so she follows the ticket
  in the customer portal and has replied there. Hendra's internal note stays hidden from both.
- Rizky asks about Bengawan Retail Group's receipt printers and invites Sri Wahyuni, who has
  no account yet: she was e-mailed how to get one (demo e-mails are muted), and the team
  sees "invited; no access yet".

Idempotent: a second run finds the tickets by subject and only remembers them."""

from datetime import timedelta

from django.db import transaction

from core.access.roles import Role
from core.demo.world import DemoWorld
from core.people.models import RoleAssignment
from core.tickets import notify
from core.tickets.demo.attachments import demo_file
from core.tickets.lifecycle import Side
from core.tickets.models import ProductArea, Queue, Ticket
from core.tickets.services import ticket_create, ticket_reply, ticket_update

from .deals import seed_deal
from .programme import PRODUCTS

# Same shape as deals.DEALS: existing customer accounts, so the channel manager approves them.
DEALS = [
    (
        "acme-fleet",
        "nusantara",
        "partner",
        "Acme Logistics Pty Ltd",
        "acme-logistics.example",
        "Emily Carter",
        ("fleet",),
        "47000",
        "USD",
        [("submit",), ("approve", "Existing account: Nusantara runs their Jakarta depots.")],
        60,
    ),
    (
        "bengawan-pos",
        "nusantara",
        "partner_rep",
        "Bengawan Retail Group",
        "bengawan.example",
        "Yohanes Prasetyo",
        ("pos",),
        "36000",
        "USD",
        [("submit",), ("approve", ""), ("won",)],
        170,
    ),
]
ACME_SUBJECT = "Fleet trackers at Acme's Cakung depot stopped reporting positions"
BENGAWAN_SUBJECT = "Receipt printers at Bengawan's new Klaten store print blank receipts"


@transaction.atomic
def seed(world: DemoWorld) -> None:
    products = {key: world.objects[f"partners:product:{key}"] for key in PRODUCTS}
    hendra = world.people["channel_manager"]
    for spec in DEALS:
        seed_deal(world, products, hendra, *spec)
    if not Ticket.objects.filter(subject=ACME_SUBJECT).exists():
        with notify.muted():
            _seed_tickets(world)
    world.objects["tickets:behalf"] = Ticket.objects.get(subject=ACME_SUBJECT)
    world.objects["tickets:behalf-pending"] = Ticket.objects.get(subject=BENGAWAN_SUBJECT)
    world.objects["tickets:behalf-internal-file"] = (
        world.objects["tickets:behalf"].attachments.filter(is_internal=True).first()
    )
    world.note(
        "Partner support for an end customer: Agus's ticket for Acme Logistics (Partner desk, "
        "Hendra); Emily follows it under Tickets in the customer portal."
    )


def _seed_tickets(world: DemoWorld) -> None:
    people, orgs = world.people, world.orgs
    desk = Queue.objects.get(slug="partner-desk")
    hendra, emily = people["channel_manager"], people["other_customer"]
    opened = world.now - timedelta(days=2, hours=3)
    acme = _ask(
        people["partner"],
        orgs["acme"],
        "emily.carter@acme-logistics.example",
        ACME_SUBJECT,
        "Since the firmware 3.2 update on Monday, 14 of the 40 trackers on Acme's Jakarta "
        "trucks show no position. The trucks run; the trackers power on. Emily Carter at Acme "
        "can check units on site.",
        desk=desk,
        area="Fleet tracker",
        at=opened,
    )
    ticket_update(ticket=acme, by=hendra, assignee=hendra, at=opened + timedelta(minutes=40))
    # (hours after opening, author, internal note?, text, status afterwards)
    steps = [
        (
            1.5,
            hendra,
            False,
            "Thank you, Agus. We see the 14 units since the 3.2 push. Emily, could you "
            "restart one of them and tell us whether its LED blinks green?",
            None,
        ),
        (
            5,
            emily,
            False,
            "Restarted unit FL-0231 at Cakung: the LED blinks green, still no position.",
            None,
        ),
        (
            6,
            hendra,
            True,
            "Firmware 3.2 sets the wrong APN for Telkomsel SIMs. Engineering ticket ENG-412; "
            "fix goes out with 3.2.1 tonight.",
            None,
        ),
        (
            7,
            hendra,
            False,
            "Found it: the update set a wrong mobile network setting on these SIM cards. A "
            "corrected update reaches the trackers tonight; please check them in the morning.",
            "pending",
        ),
    ]
    for hours, author, internal, body, status in steps:
        side = Side.AGENT if author == hendra else Side.REQUESTER
        ticket_reply(
            ticket=acme,
            author=author,
            side=side,
            body=body,
            internal=internal,
            attachments=[demo_file("tracker-apn.txt")] if internal else [],
            then_status=status,
            at=opened + timedelta(hours=hours),
        )
    _ask(
        people["partner_rep"],
        orgs["bengawan"],
        "sri.wahyuni@bengawan.example",
        BENGAWAN_SUBJECT,
        "The two Epson printers we installed at the Klaten store print empty receipts since "
        "Saturday; the POS shows the sales. Sri Wahyuni runs the store's IT.",
        desk=desk,
        area="Retail POS",
        at=world.now - timedelta(hours=5),
    )


def _ask(person, customer, contact, subject, description, *, desk, area, at):
    """`person` asks the partner desk on behalf of `customer`, inviting `contact`."""
    hat = RoleAssignment.objects.current().filter(person=person, role=Role.PARTNER).first()
    return ticket_create(
        requester=person,
        role_assignment=hat,
        subject=subject,
        description=description,
        priority="high",
        product_area=ProductArea.objects.filter(name=area).first(),
        queue=desk,
        on_behalf_of=customer,
        contact_email=contact,
        at=at,
    )
