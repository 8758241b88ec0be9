"""The queue's agents, as the queue and ticket pages offer them, come from the cache and follow
every change that can alter them: the same people as the live query, at each step."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.access.roles import Role
from core.people.models import RoleAssignment
from core.people.services import role_end
from core.tickets.agents import assignable_choices
from core.tickets.selectors import assignable_people
from tests.factories import person_with

from .factories import customer, open_ticket, support_desk

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    return support_desk()


def offered(queue):
    cached = assignable_choices(queue)
    assert cached == list(assignable_people(queue).values_list("pk", "full_name"))
    return {name for _pk, name in cached}


def test_a_second_read_asks_no_query(desk):
    offered(desk.queue)
    with CaptureQueriesContext(connection) as queries:
        assignable_choices(desk.queue)
    assert len(queries) == 0


def test_every_change_that_alters_the_agents_shows_at_once(desk):
    queue, agent = desk.queue, desk.agent
    group = queue.agent_groups.get()
    before = offered(queue)
    assert agent.full_name in before

    newcomer = person_with(Role.EMPLOYEE, full_name="Putri Maharani")
    assert "Putri Maharani" not in offered(queue)
    newcomer.groups.add(group)
    assert "Putri Maharani" in offered(queue)

    newcomer.full_name = "Putri Maharani Siregar"
    newcomer.save()
    assert "Putri Maharani Siregar" in offered(queue)

    role_end(assignment=newcomer.role_assignments.get(role=Role.EMPLOYEE))
    assert "Putri Maharani Siregar" not in offered(queue)

    agent.is_active = False
    agent.save()
    assert agent.full_name not in offered(queue)

    group.user_set.remove(desk.other_agent)
    assert desk.other_agent.full_name not in offered(queue)
    group.user_set.add(desk.other_agent)
    assert desk.other_agent.full_name in offered(queue)

    queue.agent_groups.clear()
    assert offered(queue) == set()
    other_group = Group.objects.create(name="Second line")
    other_group.user_set.add(desk.other_agent)
    queue.agent_groups.add(other_group)
    assert offered(queue) == {desk.other_agent.full_name}
    other_group.delete()
    assert offered(queue) == set()


def test_an_employment_that_starts_or_ends_later_needs_no_renewal(desk):
    queue = desk.queue
    group = queue.agent_groups.get()
    now = timezone.now()
    starting = person_with(Role.EMPLOYEE, full_name="Bayu Pratama")
    starting.groups.add(group)
    assignment = desk.agent.role_assignments.get(role=Role.EMPLOYEE)
    RoleAssignment.objects.filter(pk=assignment.pk).update(until=now + timedelta(hours=1))
    RoleAssignment.objects.filter(person=starting).update(since=now + timedelta(hours=1))
    # Cached now, the dated changes made without a signal: only the dates decide from here.
    assert "Bayu Pratama" not in offered(queue) and desk.agent.full_name in offered(queue)

    later = now + timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        names = {name for _pk, name in assignable_choices(queue)}
    assert "Bayu Pratama" in names and desk.agent.full_name not in names


def test_a_sign_in_does_not_renew_the_list(desk, client):
    offered(desk.queue)
    client.force_login(desk.agent)  # saves last_login only
    with CaptureQueriesContext(connection) as queries:
        assignable_choices(desk.queue)
    assert len(queries) == 0


def test_the_pages_offer_the_cached_agents_and_assignment_still_checks(desk, client):
    ticket = open_ticket(customer())
    client.force_login(desk.agent)
    page = client.get(reverse("employee:work-ticket", args=[ticket.reference])).content.decode()
    queue_page = client.get(reverse("employee:work-queue", args=[desk.queue.slug])).content
    assert desk.other_agent.full_name in page
    assert desk.other_agent.full_name.encode() in queue_page
    stranger = person_with(Role.EMPLOYEE)
    response = client.post(
        reverse("employee:work-ticket-update", args=[ticket.reference]),
        {
            "status": ticket.status,
            "priority": ticket.priority,
            "queue": ticket.queue_id,
            "assignee": stranger.pk,
        },
    )
    assert response.status_code == 400
    ticket.refresh_from_db()
    assert ticket.assignee_id is None
