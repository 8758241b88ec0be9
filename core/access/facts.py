"""What a person holds, kept in the shared cache between requests.

Every signed-in page asks what its person holds: role assignments, staff groups with the
ticket queues they work, a second factor, and for employees their model permissions. Those
change seldom and are read on every request, so they are kept in the cache under the
person's key (one cache read instead of up to four queries), and every change to them
forgets the key: the services that grant and end roles, and the signal receivers below for
the admin screens, allauth's MFA views and anything else that saves the models. Assignments
are kept with their dates and filtered for "current" on each read, so one that starts or
ends later needs no expiry of its own.
"""

from dataclasses import dataclass
from datetime import datetime

from allauth.mfa.models import Authenticator
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils import timezone

from core.people.models import RoleAssignment

from .roles import Role

# Bounds how long a change made outside the ORM (raw SQL, a bulk update) can go unseen.
TIMEOUT = 5 * 60
_KEY = "access-v2:{}"


@dataclass(frozen=True)
class AccessFacts:
    assignments: tuple[RoleAssignment, ...]  # current and future ones, by role and organisation
    group_names: frozenset[str]
    worked_queue_ids: frozenset[int]  # active queues worked through those groups
    has_totp: bool
    # Employees' model permissions ("app_label.codename"), their own and their groups': staff
    # screens ask has_perm. None for everyone else, who is asked the database when it comes up.
    permissions: frozenset[str] | None

    def current_assignments(self, at: datetime) -> list[RoleAssignment]:
        return [a for a in self.assignments if a.since <= at and (a.until is None or a.until > at)]


def facts_of(person) -> AccessFacts:
    """The person's access facts: from this request's memo, the cache, or the database."""
    facts = person.__dict__.get("_access_facts")
    if facts is None:
        key = _KEY.format(person.pk)
        facts = cache.get(key)
        if facts is None:
            facts = _read(person)
            cache.set(key, facts, TIMEOUT)
        person.__dict__["_access_facts"] = facts
    return facts


def _read(person) -> AccessFacts:
    now = timezone.now()
    assignments = tuple(
        RoleAssignment.objects.filter(Q(until__isnull=True) | Q(until__gt=now), person=person)
        .select_related("organisation")
        .order_by("role", "organisation__name", "since")
    )
    # Groups count only for employees (duties, ticket queues): others need no query.
    employed = any(a.role == Role.EMPLOYEE for a in assignments)
    rows = (
        list(
            person.groups.order_by().values_list(
                "name", "ticket_queues__pk", "ticket_queues__is_active"
            )
        )
        if employed
        else []
    )
    return AccessFacts(
        assignments=assignments,
        group_names=frozenset(name for name, _, _ in rows),
        worked_queue_ids=frozenset(q for _, q, active in rows if q is not None and active),
        has_totp=Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP).exists(),
        permissions=permission_names(person) if employed else None,
    )


def permission_names(person) -> frozenset[str]:
    """The person's model permissions, their own and their groups', in one query."""
    rows = (
        Permission.objects.filter(Q(user=person) | Q(group__user=person))
        .values_list("content_type__app_label", "codename")
        .distinct()
    )
    return frozenset(f"{app_label}.{codename}" for app_label, codename in rows)


def forget(person_ids) -> None:
    """Drop these people's cached facts, now and again at commit: a request in another
    process may meanwhile have read the rows from before the change and cached them."""
    keys = [_KEY.format(pk) for pk in person_ids]
    if not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def _members_of_groups(group_ids) -> list[int]:
    Person = get_user_model()
    return list(Person.objects.filter(groups__in=group_ids).values_list("pk", flat=True))


def _on_assignment(sender, instance, **kwargs):
    forget([instance.person_id])


def _on_authenticator(sender, instance, **kwargs):
    forget([instance.user_id])


def _on_group(sender, instance, **kwargs):
    forget(_members_of_groups([instance.pk]))


def _relation_changed(people_of_owner, people_of_target):
    """A receiver for a many-to-many behind what people hold (a person's groups and
    permissions, a group's permissions). `people_of_owner(ids)` finds who stands for objects
    of the side that declares it (a person: themselves; a group: its members), and
    `people_of_target(ids)` who holds objects of the other side, before a clear from there."""

    def receiver(sender, instance, action, reverse, pk_set, **kwargs):
        if not reverse:
            if action.startswith("post_"):
                forget(people_of_owner([instance.pk]))
        elif action == "pre_clear":
            forget(people_of_target([instance.pk]))
        elif action in ("post_add", "post_remove"):
            forget(people_of_owner(pk_set))

    return receiver


def _themselves(person_ids):
    return person_ids


def _on_queue(sender, instance, **kwargs):
    forget(_members_of_groups(instance.agent_groups.values_list("pk", flat=True)))


def _on_queue_groups(sender, instance, action, reverse, pk_set, **kwargs):
    """queue.agent_groups changed (forward) or group.ticket_queues changed (reverse)."""
    if reverse:
        if action.startswith("post_") or action == "pre_clear":
            forget(_members_of_groups([instance.pk]))
    elif action == "pre_clear":
        _on_queue(sender, instance)
    elif action in ("post_add", "post_remove"):
        forget(_members_of_groups(pk_set))


def _holders_of_permissions(permission_ids) -> set[int]:
    """Everyone holding one of these permissions, directly or through a group."""
    Person = get_user_model()
    return set(
        Person.objects.filter(
            Q(user_permissions__in=permission_ids) | Q(groups__permissions__in=permission_ids)
        ).values_list("pk", flat=True)
    )


def _on_permission_deleted(sender, instance, **kwargs):
    forget(_holders_of_permissions([instance.pk]))


def _on_organisation(sender, instance, **kwargs):
    # The cached assignments carry their organisation.
    people = RoleAssignment.objects.filter(organisation=instance).values_list("person_id")
    forget({pk for (pk,) in people})


def connect_receivers() -> None:
    Person = get_user_model()
    Queue = apps.get_model("tickets", "Queue")
    Organisation = apps.get_model("orgs", "Organisation")
    uid = "access-facts"
    for signal in (post_save, post_delete):
        signal.connect(_on_assignment, sender=RoleAssignment, dispatch_uid=uid)
        signal.connect(_on_authenticator, sender=Authenticator, dispatch_uid=uid)
    post_save.connect(_on_group, sender=Group, dispatch_uid=uid)
    pre_delete.connect(_on_group, sender=Group, dispatch_uid=uid)
    post_save.connect(_on_queue, sender=Queue, dispatch_uid=uid)
    pre_delete.connect(_on_queue, sender=Queue, dispatch_uid=uid)
    m2m_changed.connect(_on_queue_groups, sender=Queue.agent_groups.through, dispatch_uid=uid)
    post_save.connect(_on_organisation, sender=Organisation, dispatch_uid=uid)
    # Who a change of each relation touches, seen from its owner's side and from the other.
    for through, people_of_owner, people_of_target in (
        (Person.groups.through, _themselves, _members_of_groups),
        (Person.user_permissions.through, _themselves, _holders_of_permissions),
        (Group.permissions.through, _members_of_groups, _holders_of_permissions),
    ):
        receiver = _relation_changed(people_of_owner, people_of_target)
        m2m_changed.connect(receiver, sender=through, dispatch_uid=uid, weak=False)
    pre_delete.connect(_on_permission_deleted, sender=Permission, dispatch_uid=uid)
