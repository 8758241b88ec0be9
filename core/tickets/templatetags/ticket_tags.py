import functools

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language

from core.access.roles import Role

from ..lifecycle import Status
from ..models.choices import Priority
from ..text import render_text

register = template.Library()


@register.filter
def ticket_text(value: str):
    """A message body (plain text) as safe HTML: escaped, links, paragraphs."""
    return render_text(value)


@register.filter
def is_overdue(moment) -> bool:
    return bool(moment) and moment < timezone.now()


@register.inclusion_tag("tickets/includes/recent_panel.html", takes_context=True)
def recent_tickets_panel(context, limit: int = 5):
    """The customer dashboard's "Your recent tickets" panel."""
    from ..selectors import recent_for_requester

    person = context["request"].user
    return {
        "tickets": recent_for_requester(person, Role.CUSTOMER, limit=limit),
        "request": context["request"],
    }


@register.inclusion_tag("tickets/includes/my_work_panel.html", takes_context=True)
def my_work_panel(context, limit: int = 5):
    """The employee dashboard's "My work" panel (only for people who work a queue)."""
    from core.access.tickets import works_tickets

    from ..selectors import agent_tickets

    person = context["request"].user
    if not works_tickets(person):
        return {"show": False}
    tickets = agent_tickets(person, mine=True)
    return {"show": True, "tickets": list(tickets[:limit]), "request": context["request"]}


# Badges are tags rather than included templates: a list renders one per row, and an
# {% include %} costs about ten times as much as this. Each badge is written once per
# language and value and then reused: lists show the same few badges on every row.
@functools.cache
def _badge(kind: str, choices, value, language: str):
    label = _label(choices, value)
    return format_html('<span class="ticket-{} ticket-{}-{}">{}</span>', kind, kind, value, label)


def _label(choices, value) -> str:
    """The choice's label, or the value itself when it is none of them (as get_FOO_display
    writes it, without rebuilding the field's choices on every call: 50 µs a row)."""
    try:
        return choices(value).label
    except ValueError:
        return value


@register.filter
def portal_name(portal: str) -> str:
    """A ticket's portal by its role's name."""
    return _label(Role, portal)


@register.simple_tag
def ticket_status(ticket):
    return _badge("status", Status, ticket.status, get_language())


@register.simple_tag
def ticket_priority(ticket):
    return _badge("priority", Priority, ticket.priority, get_language())
