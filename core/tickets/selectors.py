"""Reading tickets for screens. Each returns a queryset whose cost does not grow with the data
it does not show: lists paginate in the database, threads load with a fixed number of queries."""

from collections import defaultdict

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Q,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast

from core.access import policies
from core.access.roles import Role
from core.params import whole_number
from core.people.models import Person

from .lifecycle import ACTIVE, Status
from .models import Queue, Ticket, TicketEvent
from .models.choices import PRIORITY_RANK, Priority
from .text import render_texts


def search(tickets, query: str):
    """Reference (TCK-000123, 000123 or 123) or words in the subject and description."""
    query = " ".join((query or "").split())[:100]
    if not query:
        return tickets
    condition = Q(subject__icontains=query) | Q(description__icontains=query)
    digits = query.upper().removeprefix("TCK-").lstrip("0")
    if (number := whole_number(digits)) is not None:
        condition |= Q(pk=number)
    return tickets.filter(condition)


def requester_tickets(
    person, role: Role, *, scope: str = "mine", status: str = "", query: str = ""
):
    """A portal's ticket list: the person's own (in the customer portal with the partner
    tickets naming them as contact), or (org admins) their organisation's."""
    from core.access.tickets import kept_condition, named_on_portal

    if scope == "mine":
        tickets = Ticket.objects.filter(kept_condition(named_on_portal, person, role))
    else:
        # Naming the organisations lets the database walk their ticket index in order
        # instead of sorting every ticket the visibility rule's OR admits.
        tickets = Ticket.objects.visible_on_portal(person, role).filter(
            organisation_id__in=administered_organisation_ids(person, role)
        )
    if status == "active":
        tickets = tickets.filter(status__in=ACTIVE)
    elif status in Status.values:
        tickets = tickets.filter(status=status)
    return search(tickets, query).for_lists(with_queue=False).order_by("-updated_at", "-id")


def administered_organisation_ids(person, role: Role) -> list[int]:
    return sorted(
        {a.organisation_id for a in policies.assignments_for(person, role) if a.is_org_admin}
    )


def public_events(ticket):
    return ticket.events.filter(is_public=True).exclude(
        kind__in=[TicketEvent.Kind.REPLY, TicketEvent.Kind.CREATED]
    )


def all_events(ticket):
    return ticket.events.exclude(
        kind__in=[TicketEvent.Kind.REPLY, TicketEvent.Kind.NOTE, TicketEvent.Kind.CREATED]
    )


def queues_for_agent(person):
    from core.access.tickets import worked_queue_ids

    return Queue.objects.filter(pk__in=worked_queue_ids(person)).order_by("name")


def agent_tickets(
    person,
    *,
    queue: Queue | None = None,
    mine: bool = False,
    status: str = "active",
    assignee: str = "",
    priority: str = "",
    query: str = "",
    sort: str = "due",
):
    tickets = Ticket.objects.visible_to(person, as_agent=True)
    if queue is not None:
        tickets = tickets.filter(queue=queue)
    if mine:
        tickets = tickets.filter(assignee=person)
    if status == "active":
        tickets = tickets.filter(status__in=ACTIVE)
    elif status == "breached":
        tickets = tickets.filter(
            Q(first_response_breached=True) | Q(resolution_breached=True), status__in=ACTIVE
        )
    elif status in Status.values:
        tickets = tickets.filter(status=status)
    if assignee == "none":
        tickets = tickets.filter(assignee__isnull=True)
    elif (assignee_id := whole_number(assignee)) is not None:
        tickets = tickets.filter(assignee_id=assignee_id)
    if priority in Priority.values:
        tickets = tickets.filter(priority=priority)
    # A queue's own list does not name the queue on every row.
    tickets = search(tickets, query).for_lists(with_queue=queue is None)
    if sort == "priority":
        tickets = tickets.annotate(
            priority_order=Case(
                *(When(priority=p, then=Value(rank)) for p, rank in PRIORITY_RANK.items()),
                output_field=IntegerField(),
            )
        )
    return tickets.order_by(*SORTS.get(sort, SORTS["due"]))


DUE_FIRST = F("sla_due_at").asc(nulls_last=True)
SORTS = {
    "due": (DUE_FIRST, "-id"),
    "updated": ("-updated_at", "-id"),
    "created": ("-created_at", "-id"),
    "priority": ("-priority_order", DUE_FIRST, "-id"),
}


def assignable_people(queue: Queue):
    """Current employees in a group that works the queue."""
    return agents_of_queues([queue.pk])


def agents_of_queues(queue_ids):
    """Current employees in a group that works any of these queues."""
    from django.utils import timezone

    now = timezone.now()
    return (
        Person.objects.filter(is_active=True, groups__ticket_queues__in=list(queue_ids))
        .filter(
            Q(role_assignments__until__isnull=True) | Q(role_assignments__until__gt=now),
            role_assignments__role=Role.EMPLOYEE,
            role_assignments__since__lte=now,
        )
        .distinct()
        .order_by("full_name")
    )


def requesters_other_tickets(ticket, person, *, limit: int = 10):
    """The requester's other tickets, across all their roles, that `person` may see, and how
    many more exist that they may not (so nothing is hidden silently, nothing leaks)."""
    from core.access.tickets import kept_condition, ticket_visibility

    # One query: each row says whether `person` may see it, and window counts over all of
    # them give both totals (the access filter, costly to write, is written once for both).
    rows = list(
        Ticket.objects.filter(requester_id=ticket.requester_id)
        .exclude(pk=ticket.pk)
        .annotate(visible=kept_condition(ticket_visibility, person))
        .annotate(
            total=Window(Count("pk")),
            visible_total=Window(Sum(Cast("visible", IntegerField()))),
        )
        .select_related("queue")
        .only("reference", "subject", "portal", "status", "queue__name")
        .order_by("-visible", "-updated_at")[:limit]
    )
    if not rows:
        return [], 0, 0
    return [row for row in rows if row.visible], rows[0].total, rows[0].visible_total or 0


def invited_contacts(ticket) -> list[dict]:
    """The end customer's invited contacts of a partner's ticket, each with whether they can
    follow it yet (an account with the address verified and the customer role there), for
    the team. Two queries, none for a ticket without an end customer."""
    from core.access.tickets import contacts_with_access

    if ticket.on_behalf_of_id is None:
        return []
    reached = set(
        contacts_with_access(ticket)
        .filter(emailaddress__verified=True)
        .values_list("emailaddress__email", flat=True)
    )
    return [
        {"email": invitation.email, "has_access": invitation.email in reached}
        for invitation in ticket.invitations.all()
    ]


def recent_for_requester(person, role: Role, *, limit: int = 5):
    return list(requester_tickets(person, role)[:limit])


def people_current_hat(person, role: Role):
    """The hat to open a ticket in: the person's current assignment of `role` (the first one
    when they hold it at several organisations)."""
    return next(iter(policies.assignments_for(person, role)), None)


# A long thread opens at its latest messages, as mail clients do: rendering hundreds of
# messages on every visit would make the page's cost grow with the thread.
THREAD_WINDOW = 30


class Timeline(list):
    """Timeline entries, oldest first; `earlier` counts the messages left out before them,
    `opening_files` are the files of the opening description."""

    earlier: int = 0
    opening_files: list


def timeline(ticket, *, internal: bool, whole: bool = False) -> Timeline:
    """Messages and changes, oldest first: the latest THREAD_WINDOW messages and the changes
    since the first of them, or the whole thread. The requester's side (internal=False) sees
    public replies, public files and public changes only. Three queries, whatever the
    thread's length: messages, their files with the opening's, changes."""
    messages = ticket.messages.select_related("author")
    events = (all_events(ticket) if internal else public_events(ticket)).select_related("actor")
    events = events.exclude(kind=TicketEvent.Kind.ATTACHMENT)
    if not internal:
        messages = messages.filter(is_internal=False)
    entries = Timeline()
    if whole:
        shown = list(messages)
    else:
        # The thread's length rides along on each row (a window over all of its messages).
        latest = messages.annotate(thread_length=Window(Count("pk"))).order_by("-created_at", "-id")
        shown = list(latest[:THREAD_WINDOW])[::-1]
        if shown and shown[0].thread_length > len(shown):
            entries.earlier = shown[0].thread_length - len(shown)
            events = events.filter(at__gte=shown[0].created_at)
    entries.opening_files = _attach_files(ticket, shown, internal=internal)
    for message, html in zip(shown, render_texts([m.body for m in shown]), strict=True):
        message.body_html = html
    entries += [{"kind": "message", "at": m.created_at, "item": m} for m in shown]
    entries += [{"kind": "event", "at": e.at, "item": e} for e in events]
    entries.sort(key=lambda entry: (entry["at"], entry["kind"] != "message"))
    return entries


def _attach_files(ticket, messages, *, internal: bool) -> list:
    """Sets `files` on each message and returns the opening description's, in one query.
    Plain lists, not a prefetch: Django's prefetch builds a queryset per message, which cost
    a long thread's page more than the query itself."""
    files = ticket.attachments.filter(
        Q(message__isnull=True) | Q(message_id__in=[m.pk for m in messages])
    )
    if not internal:
        files = files.filter(is_internal=False)
    by_message = defaultdict(list)
    for file in files:
        by_message[file.message_id].append(file)
    for message in messages:
        message.files = by_message.get(message.pk, [])
    return by_message.get(None, [])
