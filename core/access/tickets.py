"""Who may see and work which ticket. Every ticket screen asks these; none filters by hand.

A person sees a ticket when (any of):
- they asked it, wearing a hat (role assignment) they still wear;
- they are a current organisation admin of the ticket's organisation;
- they are a current employee in a staff group that works the ticket's queue;
- it was shared with them, or a group of theirs, explicitly (guardian direct-FK rows);
- a partner opened it on behalf of an organisation where they are a current customer contact,
  inviting one of their verified e-mail addresses (they read and reply; the partner's side
  keeps closing, reopening and rating). Being named alone grants nothing: no verified
  address or no customer role there, no ticket.

`ticket_visibility` returns ONE filter. The membership branches are written as
`column = ANY(ARRAY(subquery))` on PostgreSQL: the subquery runs once (an InitPlan) and the
outer condition stays indexable, so the OR of branches becomes a bitmap OR of index scans
instead of a sequential scan per row (see bench/ticket_list_plan.py). The queues an agent
works are named instead, as they are read once per request for the navigation anyway.
"""

from collections.abc import Callable

from django.db.models import BooleanField, Exists, F, Func, OuterRef, Q, Subquery
from django.utils import timezone

from core.people.models import Person, RoleAssignment

from . import partners, policies
from .compiled import CompiledCondition, KeptConditions
from .policies import worked_queue_ids  # read with the person's groups; screens ask it here
from .roles import Role


class InSubquery(Func):
    """`column IN (subquery)`, written so PostgreSQL evaluates the subquery once."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, column: str, queryset):
        # Membership has no order: a model's default ordering would only add a sort.
        super().__init__(F(column), Subquery(queryset.order_by()))

    def as_sql(self, compiler, connection, **extra):
        column, column_params = compiler.compile(self.source_expressions[0])
        subquery, subquery_params = compiler.compile(self.source_expressions[1])
        if connection.vendor == "postgresql":
            return f"{column} = ANY(ARRAY{subquery})", (*column_params, *subquery_params)
        return f"{column} IN {subquery}", (*column_params, *subquery_params)


NOTHING = Q(pk__in=[])


def works_tickets(person) -> bool:
    """May open the agent workspace: a current employee who works at least one queue."""
    return person.is_authenticated and bool(worked_queue_ids(person))


def own_side_visibility(person) -> Q:
    """The requester's side through the person's own hats: asked, administered or shared."""
    from core.tickets.models import TicketGroupObjectPermission, TicketUserObjectPermission

    assignments = policies.current_assignments(person)
    if not assignments and not person.is_authenticated:
        return NOTHING
    q = Q(requester_id=person.pk, requester_role_id__in=[a.pk for a in assignments])
    admin_of = sorted({a.organisation_id for a in assignments if a.is_org_admin})
    if admin_of:
        q |= Q(organisation_id__in=admin_of)
    shared_with_person = TicketUserObjectPermission.objects.filter(
        user_id=person.pk, permission__codename="view_ticket"
    ).values("content_object_id")
    shared_with_groups = TicketGroupObjectPermission.objects.filter(
        group__in=person.groups.values("pk"), permission__codename="view_ticket"
    ).values("content_object_id")
    return q | Q(InSubquery("pk", shared_with_person)) | Q(InSubquery("pk", shared_with_groups))


def invited_contact_visibility(person) -> Q:
    """Tickets a partner opened on behalf of an organisation where `person` is a current
    customer contact, naming one of their verified addresses."""
    from allauth.account.models import EmailAddress

    from core.tickets.models import TicketInvitation

    customer_of = sorted(
        {a.organisation_id for a in policies.assignments_for(person, Role.CUSTOMER)}
    )
    if not customer_of:
        return NOTHING
    verified = EmailAddress.objects.filter(user_id=person.pk, verified=True).values("email")
    invited = TicketInvitation.objects.filter(
        email__in=verified, ticket__on_behalf_of_id__in=customer_of
    ).values("ticket_id")
    return Q(InSubquery("pk", invited))


def requester_side_visibility(person) -> Q:
    return own_side_visibility(person) | invited_contact_visibility(person)


def portal_visibility(person, role: Role) -> Q:
    """What a portal's requester screens show: the tickets asked in that portal that the
    person sees on the requester's side and, in the customer portal, the partner tickets
    they were invited to as their organisation's contact."""
    if person is None or not person.is_authenticated or not person.is_active:
        return NOTHING
    q = own_side_visibility(person) & Q(portal=role)
    if role == Role.CUSTOMER:
        q |= invited_contact_visibility(person)
    return q


def named_on_portal(person, role: Role) -> Q:
    """A portal's "my tickets": what portal_visibility shows that the person asked or, in the
    customer portal, was invited to as the contact. Written as (asked ∧ own side ∧ portal) ∨
    invited, which is (asked ∨ invited) ∧ portal_visibility without the invitation subquery
    twice."""
    if person is None or not person.is_authenticated or not person.is_active:
        return NOTHING
    q = Q(requester_id=person.pk) & own_side_visibility(person) & Q(portal=role)
    if role == Role.CUSTOMER:
        q |= invited_contact_visibility(person)
    return q


def decides_as_requester(ticket, role: Role) -> bool:
    """On a portal's requester screens the requester's side closes, reopens and rates that
    portal's tickets. A ticket of another portal is there only because its contact was
    invited (portal_visibility): they read and reply, the partner who asked decides."""
    return ticket.portal == role


def may_invite_contact(person, ticket) -> bool:
    """Names another of the end customer's contacts on a ticket asked on their behalf: the
    rule that lets a person open such a ticket (partners.may_open_ticket_for), as a contact
    of the firm that asked. Callers look the ticket up through the scoped queryset first, so
    a ticket the person may not see answers 404 before this is asked."""
    if ticket.on_behalf_of_id is None or ticket.organisation_id is None:
        return False
    return partners.may_open_ticket_for(
        person, firm=ticket.organisation, customer=ticket.on_behalf_of
    )


def contacts_with_access(ticket):
    """The people an invitation of `ticket` reaches today: active, with the invited address
    verified and the customer role at the ticket's end customer. One query."""
    from allauth.account.models import EmailAddress

    from core.people.models import Person, RoleAssignment

    if ticket.on_behalf_of_id is None:
        return Person.objects.none()
    now = timezone.now()
    return Person.objects.filter(
        Exists(
            EmailAddress.objects.filter(
                user=OuterRef("pk"),
                verified=True,
                email__in=ticket.invitations.values("email"),
            )
        ),
        Exists(
            RoleAssignment.objects.current(now).filter(
                person=OuterRef("pk"),
                role=Role.CUSTOMER,
                organisation_id=ticket.on_behalf_of_id,
            )
        ),
        is_active=True,
    )


def agent_side_visibility(person) -> Q:
    # The worked queues are read once per request anyway (the navigation asks); naming them
    # lets the planner use the queue's own statistics and partial indexes.
    worked = worked_queue_ids(person)
    return Q(queue_id__in=sorted(worked)) if worked else NOTHING


def ticket_visibility(person, *, as_agent: bool | None = None) -> Q:
    if person is None or not person.is_authenticated or not person.is_active:
        return NOTHING
    if as_agent is True:
        return agent_side_visibility(person)
    if as_agent is False:
        return requester_side_visibility(person)
    return requester_side_visibility(person) | agent_side_visibility(person)


_KEPT = KeptConditions("tickets.Ticket")


def kept_condition(rule: Callable[..., Q], person, *args, **kwargs) -> CompiledCondition:
    """`rule(person, *args, **kwargs)`, one of the rules above, as a condition on tickets
    that is built and written to SQL once per process for the person's access signature:
    the rules read nothing else of the person outside the SQL."""
    key = (rule, args, tuple(sorted(kwargs.items())), policies.access_signature(person))
    return _KEPT.get(key, lambda: rule(person, *args, **kwargs))


def may_work(person, ticket) -> bool:
    """Acts on the ticket as an agent: works its queue."""
    return ticket.queue_id in worked_queue_ids(person)


def may_see_internal(person, ticket) -> bool:
    """Internal notes and their files: the ticket's queue agents only, never the requester."""
    return may_work(person, ticket)


def may_be_assigned(person, queue) -> bool:
    """An assignee works the ticket's queue (checked again at assignment time)."""
    from core.tickets.models import Queue

    return (
        policies.is_staff_member(person)
        and Queue.objects.filter(pk=queue.pk, agent_groups__user=person).exists()
    )


def assignable_ids(person_ids, queue) -> set[int]:
    """`may_be_assigned` for many people at once, in one query: those of `person_ids` who are
    active, current employees and work the queue."""
    employed = RoleAssignment.objects.current().filter(person=OuterRef("pk"), role=Role.EMPLOYEE)
    return set(
        Person.objects.filter(
            pk__in=person_ids, is_active=True, groups__in=queue.agent_groups.all()
        )
        .filter(Exists(employed))
        .values_list("pk", flat=True)
    )


def requester_portal_role(ticket) -> Role:
    return Role(ticket.portal)


def agent_entry(person) -> "policies.Entry":
    """The agent workspace: like a staff duty, but the duty is data (working a queue). Without
    it the workspace does not exist for the person (404)."""
    from .roles import PORTALS

    entry = policies.portal_entry(person, PORTALS[Role.EMPLOYEE])
    if entry is policies.Entry.NO_ROLE or (
        entry is policies.Entry.ALLOWED and not works_tickets(person)
    ):
        return policies.Entry.NOT_FOUND
    return entry


def ticket_agent_required(view):
    """Guard for agent workspace views (function views)."""
    from functools import wraps

    from .guards import respond_to
    from .roles import PORTALS

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        portal = PORTALS[Role.EMPLOYEE]
        refusal = respond_to(request, agent_entry(request.user), portal)
        if refusal is not None:
            return refusal
        request.portal = portal
        return view(request, *args, **kwargs)

    return wrapped
