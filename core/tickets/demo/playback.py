"""How a demo ticket is written down and played back: a Script is the opening request, Steps are
what happened after it (replies, notes, status changes, a rating), each some hours after opening,
and `play` replays them through the ticket services at those times."""

from dataclasses import dataclass, field
from datetime import timedelta

from core.access.roles import Role
from core.demo.world import DemoWorld
from core.people.models import RoleAssignment

from ..lifecycle import Side, Status
from ..models import Ticket
from ..services import ticket_change_status, ticket_create, ticket_rate, ticket_reply, ticket_update
from .attachments import demo_file


@dataclass
class Step:
    hours: float  # after the ticket was opened
    kind: str  # agent | customer | note | status | assign | rate
    who: str = ""
    text: str = ""
    status: str = ""
    files: tuple[str, ...] = ()


@dataclass
class Script:
    requester: str
    days_ago: float
    subject: str
    description: str
    priority: str = "normal"
    category: int = 0
    area: int = 0
    files: tuple[str, ...] = ()
    steps: list[Step] = field(default_factory=list)
    key: str = ""


def A(hours, who, text, status="", files=()):  # noqa: N802 - reads like a script
    return Step(hours, "agent", who, text, status, files)


def C(hours, text, files=()):  # noqa: N802
    return Step(hours, "customer", text=text, files=files)


def N(hours, who, text, files=()):  # noqa: N802
    return Step(hours, "note", who, text, files=files)


def S(hours, who, status):  # noqa: N802
    return Step(hours, "status", who, status=status)


def R(hours, rating, text=""):  # noqa: N802
    return Step(hours, "rate", status=str(rating), text=text)


def G(hours, who):  # noqa: N802
    return Step(hours, "assign", who)


def find_hat(person, org_key: str | None, world: DemoWorld, role=Role.CUSTOMER) -> RoleAssignment:
    hats = RoleAssignment.objects.filter(person=person, role=role)
    if org_key:
        hats = hats.filter(organisation=world.orgs[org_key])
    return hats.order_by("-since").first()


def play(world, script: Script, categories, areas, hat=None) -> Ticket:
    people = world.people
    requester = people[script.requester]
    opened = world.now - timedelta(days=script.days_ago)
    hat = hat or find_hat(requester, None, world)
    ticket = ticket_create(
        requester=requester,
        role_assignment=hat,
        subject=script.subject,
        description=script.description,
        priority=script.priority,
        category=categories[script.category],
        product_area=areas[script.area],
        attachments=[demo_file(name) for name in script.files],
        at=opened,
    )
    latest = world.now - timedelta(minutes=5)
    for step in script.steps:
        at = min(opened + timedelta(hours=step.hours), latest)
        actor = people.get(step.who) if step.who else None
        files = [demo_file(name) for name in step.files]
        if step.kind == "assign":
            ticket_update(ticket=ticket, by=actor, assignee=actor, at=at)
        elif step.kind == "agent":
            ticket_reply(
                ticket=ticket,
                author=actor,
                side=Side.AGENT,
                body=step.text,
                attachments=files,
                then_status=step.status or None,
                at=at,
            )
        elif step.kind == "note":
            ticket_reply(
                ticket=ticket,
                author=actor,
                side=Side.AGENT,
                body=step.text,
                internal=True,
                attachments=files,
                at=at,
            )
        elif step.kind == "customer":
            ticket_reply(
                ticket=ticket,
                author=requester,
                side=Side.REQUESTER,
                body=step.text,
                attachments=files,
                at=at,
            )
        elif step.kind == "status":
            side = Side.AGENT if actor else Side.SYSTEM
            ticket_change_status(ticket=ticket, to=Status(step.status), by=actor, side=side, at=at)
        elif step.kind == "rate":
            ticket_rate(
                ticket=ticket, by=requester, rating=int(step.status), comment=step.text, at=at
            )
        ticket.refresh_from_db()
    if script.key:
        world.objects[script.key] = ticket
    return ticket
