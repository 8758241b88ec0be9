"""Who a queue's tickets can be assigned to, as the queue page and the ticket page offer them.

Both pages list the queue's agents on every visit; the query behind the list (people, their
groups, the groups' queues, their employment) cost a ticket page a tenth of its time. The list
is kept in the shared cache and renewed by every change that can alter it: a role assignment,
a person saved (name, deactivation), group membership, a queue's groups, a group or queue
deleted. Employment with its dates is kept and filtered on each read, so a role that starts
or ends later needs no renewal. What is offered is checked again when a ticket is assigned
(core/access/tickets.py), so a change made outside the ORM can only show a name for the
few minutes an entry lives.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from core.access.roles import Role
from core.generations import Generation, renew_on_person_change
from core.people.models import RoleAssignment

from .models import Queue

AGENTS = Generation("queue-agents", timeout=5 * 60)


def assignable_choices(queue: Queue) -> list[tuple[int, str]]:
    """(person id, full name) of the queue's current agents, by name: the same people as
    selectors.assignable_people(queue), from the cache."""
    now = timezone.now()
    chosen: dict[int, str] = {}
    for pk, name, since, until in AGENTS.kept(f"queue:{queue.pk}", lambda: _read(queue, now)):
        if since <= now and (until is None or until > now):
            chosen.setdefault(pk, name)
    return list(chosen.items())


def _read(queue: Queue, now) -> list[tuple]:
    """Active people in the queue's groups with their employments that have not ended."""
    return list(
        RoleAssignment.objects.filter(
            Q(until__isnull=True) | Q(until__gt=now),
            role=Role.EMPLOYEE,
            person__is_active=True,
            person__groups__ticket_queues=queue,
        )
        .order_by("person__full_name", "person_id", "since")
        .values_list("person_id", "person__full_name", "since", "until")
    )


def _on_assignment(sender, instance, **kwargs):
    if instance.role == Role.EMPLOYEE:
        AGENTS.renew()


def connect_receivers() -> None:
    Person = get_user_model()
    uid = "queue-agents"
    renew_on_person_change(AGENTS)
    for signal in (post_save, post_delete):
        signal.connect(_on_assignment, sender=RoleAssignment, dispatch_uid=uid)
    for model in (Group, Queue):  # their memberships go with them, without m2m signals
        post_delete.connect(AGENTS.renew, sender=model, dispatch_uid=uid)
    m2m_changed.connect(AGENTS.renew, sender=Person.groups.through, dispatch_uid=uid)
    m2m_changed.connect(AGENTS.renew, sender=Queue.agent_groups.through, dispatch_uid=uid)
