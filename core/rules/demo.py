"""Demo rules: the issue's examples as data, with some firing history. Idempotent."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.db import transaction

from core.access.roles import Duty
from core.audit.services import audit_record
from core.demo.world import DemoWorld
from core.orgs.models import ValueTier
from core.tickets.models import Ticket

from .models import Action, Condition, EscalationLevel, ReplyTemplate, Rule, RuleFiring

OUT_OF_HOURS = (
    "Halo {{ name }},\n\n"
    "Thank you for your request {{ reference }} (“{{ subject }}”). Our support team works "
    "Monday to Friday, 08:00–17:00 Jakarta time, and is away right now. We will answer as "
    "soon as we are back; urgent incidents are watched around the clock.\n\n"
    "Terima kasih — Samudra Support"
)
EXAMPLE_WEBHOOK = "http://127.0.0.1:9000/hooks/samudra/tickets"


def _rule(name, *, conditions=(), levels=(), actions=(), **fields) -> tuple[Rule, bool]:
    rule, created = Rule.objects.get_or_create(name=name, defaults=fields)
    if created:
        for position, (field, operator, value) in enumerate(conditions):
            Condition.objects.create(
                rule=rule, field=field, operator=operator, value=value, position=position
            )
        for level, hours in levels:
            EscalationLevel.objects.create(rule=rule, level=level, after_business_hours=hours)
        for position, action in enumerate(actions):
            Action.objects.create(rule=rule, position=position, **action)
    return rule, created


@transaction.atomic
def seed(world: DemoWorld) -> None:
    calendar = world.objects["calendar:jakarta"]
    dian, bambang = world.people["head_support"], world.people["coo"]
    template, _ = ReplyTemplate.objects.get_or_create(
        name="Support: outside business hours", defaults={"body": OUT_OF_HOURS}
    )
    escalation, new_escalation = _rule(
        "Gold tier, High priority: escalate while unassigned",
        description="Gold-tier customers' High priority tickets must have an owner within 20 "
        "business hours; after 30 the priority goes up and the COO hears of it.",
        target_kind="ticket",
        trigger="time",
        calendar=calendar,
        order=10,
        conditions=[
            ("priority", "equals", "high"),
            ("value_tier", "equals", ValueTier.GOLD),
            ("assignee", "is_empty", ""),
            ("status", "in", "new,open"),
        ],
        levels=[(1, 20), (2, 30)],
        actions=[
            {"kind": "notify", "level": 1, "person": dian},
            {"kind": "add_tag", "level": 1, "value": "escalated"},
            {"kind": "set_field", "level": 2, "field": "priority", "value": "urgent"},
            {"kind": "notify", "level": 2, "person": bambang},
        ],
    )
    _rule(
        "Support: automatic reply outside business hours",
        description="Tells a customer who writes at night, at the weekend or on a holiday "
        "when to expect us.",
        target_kind="ticket",
        trigger="created",
        calendar=calendar,
        order=20,
        conditions=[("queue", "equals", "support"), ("created_at", "outside_bh", "")],
        actions=[{"kind": "reply", "template": template}],
    )
    _rule(
        "Partner desk: least-loaded channel manager",
        description="New partner questions go to the channel manager with the fewest open tickets.",
        target_kind="ticket",
        trigger="created",
        order=30,
        conditions=[("queue", "equals", "partner-desk"), ("assignee", "is_empty", "")],
        actions=[
            {
                "kind": "assign",
                "strategy": "least_loaded",
                "team": Group.objects.get_or_create(name=Duty.CHANNEL_MANAGER.value)[0],
            }
        ],
    )
    _rule(
        "Resolved tickets: tell the example CRM",
        description="Posts every resolved ticket to the CRM's inbound webhook. Paused until "
        "the CRM team has its receiver running (the address is a local example).",
        target_kind="ticket",
        trigger="changed",
        event="resolved",
        is_active=False,
        order=90,
        actions=[
            {"kind": "webhook", "url": EXAMPLE_WEBHOOK, "secret": "demo-only-signing-secret-2026"}
        ],  # noqa: S106 - demo data
    )
    _rule(
        "Deals over 100,000 from Indonesian partners: tell Hendra",
        description="Hendra manages the channel in Indonesia; large registrations from the "
        "region reach him the moment they are submitted.",
        target_kind="deal_registration",
        trigger="changed",
        event="submitted",
        order=40,
        conditions=[("value", "gt", "100000"), ("country", "equals", "ID")],
        actions=[{"kind": "notify", "person": world.people["channel_manager"]}],
    )
    if new_escalation:
        _history(escalation, world)
        _waiting_ticket(world, calendar)
    world.note(
        "Business rules: Ari opens /django-admin/rules/rule/ — five rules, a test screen each, "
        "the firing history and the webhook delivery log."
    )


def _history(escalation: Rule, world: DemoWorld) -> None:
    """Earlier escalations of Sinar Jaya's (Gold tier) tickets, as the sweep wrote them."""
    sinar = world.orgs.get("sinarjaya")
    tickets = Ticket.objects.filter(organisation=sinar).order_by("created_at")[:3]
    for index, ticket in enumerate(tickets):
        levels = [1, 2] if index == 0 else [1]
        for level in levels:
            at = ticket.created_at + timedelta(days=2 + level)
            outcome = (
                ["notified 1", "tagged escalated"]
                if level == 1
                else ["set priority to urgent", "notified 1"]
            )
            RuleFiring.objects.create(
                rule=escalation,
                target_kind="ticket",
                object_id=ticket.pk,
                level=level,
                trigger="time",
                event=f"level {level}",
                at=at,
                outcome={"actions": outcome},
            )
            audit_record(
                "rule.fired",
                target=ticket,
                changes={
                    "rule": escalation.name,
                    "rule_id": escalation.pk,
                    "trigger": "time",
                    "event": f"level {level}",
                    "level": level,
                    "actions": outcome,
                },
            )


WAITING_SUBJECT = "Pallet labels print blank since this morning's update"


def _waiting_ticket(world: DemoWorld, calendar) -> None:
    """A Gold-tier (Sinar Jaya) High priority ticket nobody has taken, opened four working days
    ago: "Test this rule" lists it at both levels, and a running beat escalates it."""
    from core.people.models import RoleAssignment
    from core.tickets import notify
    from core.tickets.services import ticket_create

    budi = world.people["customer_admin"]
    hat = RoleAssignment.objects.current().filter(person=budi, role="customer").first()
    if hat is None or Ticket.objects.filter(subject=WAITING_SUBJECT).exists():
        return
    schedule = calendar.schedule()
    local = world.now.astimezone(schedule.tz)
    day = local.date() - timedelta(days=4)
    while not schedule.is_working_day(day):
        day -= timedelta(days=1)
    opened = local.replace(year=day.year, month=day.month, day=day.day, hour=9, minute=40)
    with notify.muted():
        ticket_create(
            requester=budi,
            role_assignment=hat,
            subject=WAITING_SUBJECT,
            description="Since the 06:00 update the warehouse printers feed blank labels; "
            "outbound trucks are waiting at Cikarang.",
            priority="high",
            at=opened,
        )
