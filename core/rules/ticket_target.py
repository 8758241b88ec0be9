"""The ticket as a rule target: its fields (with related ones: organisation value tier, queue),
its events and the effects actions have on it, all through core/tickets services."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from .targets import Field, FieldType, Target, registry


def _queues():
    from core.tickets.models import Queue

    return Queue.objects.order_by("name").values_list("slug", "name")


def _partner_tiers():
    from core.orgs.models import PartnerTier

    return PartnerTier.objects.order_by("rank").values_list("slug", "name")


def _assign(ticket, person) -> None:
    from core.tickets.services import ticket_update

    ticket_update(ticket=ticket, by=None, assignee=person)


def _set_field_many(tickets, name: str, value: str) -> None:
    from core.tickets.models import Queue
    from core.tickets.services import ticket_update_many

    if name == "priority":
        ticket_update_many(tickets=tickets, by=None, priority=value)
    elif name == "queue":
        ticket_update_many(tickets=tickets, by=None, queue=Queue.objects.get(slug=value))
    else:  # pragma: no cover - the form offers settable fields only
        raise ValueError(f"tickets cannot set {name}")


def _set_field(ticket, name: str, value: str) -> None:
    _set_field_many([ticket], name, value)


def _reply(ticket, text: str) -> None:
    from core.tickets.lifecycle import Side
    from core.tickets.services import ticket_reply

    ticket_reply(ticket=ticket, author=None, side=Side.SYSTEM, body=text)


def _team_of(ticket):
    return ticket.queue.agent_groups.all()


def _notify_context(ticket) -> dict:
    from core.tickets.notify import agent_url

    return {"title": str(ticket), "path": agent_url(ticket), "reference": ticket.reference}


def _payload(ticket) -> dict:
    return {
        "reference": ticket.reference,
        "subject": ticket.subject,
        "status": ticket.status,
        "priority": ticket.priority,
        "queue": ticket.queue.slug,
        "portal": ticket.portal,
        "organisation": ticket.organisation.name if ticket.organisation_id else None,
        "created_at": ticket.created_at.isoformat(),
        "resolved_at": ticket.resolved_at.isoformat() if ticket.resolved_at else None,
    }


def _load_of(people):
    from core.tickets.lifecycle import ACTIVE

    return people.annotate(
        open_load=Count("assigned_tickets", filter=Q(assigned_tickets__status__in=ACTIVE))
    )


def _tickets():
    from core.tickets.models import Ticket

    return Ticket.objects.select_related("queue", "organisation", "assignee", "requester")


def register_ticket_target() -> Target:
    from core.orgs.models import ValueTier
    from core.tickets.lifecycle import Status
    from core.tickets.models import Priority, Ticket

    return registry.register(
        Target(
            kind="ticket",
            label=_("Ticket"),
            model=Ticket,
            queryset=_tickets,
            fields=[
                Field(
                    "priority",
                    _("priority"),
                    "priority",
                    FieldType.CHOICE,
                    choices=Priority.choices,
                    settable=True,
                ),
                Field("status", _("status"), "status", FieldType.CHOICE, choices=Status.choices),
                Field(
                    "queue",
                    _("queue"),
                    "queue__slug",
                    FieldType.CHOICE,
                    choices=_queues,
                    settable=True,
                ),
                Field(
                    "portal",
                    _("portal"),
                    "portal",
                    FieldType.CHOICE,
                    choices=Ticket._meta.get_field("portal").choices,
                ),
                Field(
                    "value_tier",
                    _("organisation value tier"),
                    "organisation__value_tier",
                    FieldType.CHOICE,
                    choices=ValueTier.choices,
                ),
                Field(
                    "partner_tier",
                    _("organisation partner tier"),
                    "organisation__partner_tier__slug",
                    FieldType.CHOICE,
                    choices=_partner_tiers,
                ),
                Field("organisation", _("organisation name"), "organisation__name", FieldType.TEXT),
                Field("category", _("category"), "category__name", FieldType.TEXT),
                Field("subject", _("subject"), "subject", FieldType.TEXT),
                Field("assignee", _("assignee"), "assignee", FieldType.PERSON),
                Field("requester", _("requester"), "requester", FieldType.PERSON),
                Field("created_at", _("opened"), "created_at", FieldType.DATETIME),
                Field("updated_at", _("last activity"), "updated_at", FieldType.DATETIME),
                Field("tags", _("tags"), "pk", FieldType.TAGS),
            ],
            events=("created", "changed", "resolved"),
            clock_field="created_at",
            assign=_assign,
            set_field=_set_field,
            set_field_many=_set_field_many,
            reply=_reply,
            team_of=_team_of,
            notify_context=_notify_context,
            payload=_payload,
            load_of=_load_of,
        )
    )
