"""References come from the row's primary key: unique even when tickets are opened at once."""

import threading
from unittest import mock

import pytest
from django.db import connection, connections

from core.tickets.models import Ticket

from .factories import customer, open_ticket, support_desk


@pytest.mark.django_db
def test_references_are_readable_and_follow_each_other():
    support_desk()
    person = customer()
    first, second = open_ticket(person), open_ticket(person)
    assert first.reference == f"TCK-{first.pk:06d}"
    assert second.reference == f"TCK-{second.pk:06d}" != first.reference


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_tickets_opened_at_the_same_moment_never_share_a_reference():
    support_desk()
    people = [customer() for _ in range(6)]
    per_thread = 5
    barrier = threading.Barrier(len(people))
    errors: list[BaseException] = []

    def open_many(person):
        try:
            barrier.wait(timeout=10)
            for n in range(per_thread):
                open_ticket(person, subject=f"Parallel {n}")
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=open_many, args=(p,)) for p in people]
    # E-mail delivery is not what this test is about, and Celery's eager mode keeps a
    # process-wide "inside a task" flag that threads running tasks at once can leave set.
    with mock.patch("core.notifications.services.enqueue_after_commit"):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert not errors, errors
    references = list(Ticket.objects.values_list("reference", flat=True))
    assert len(references) == len(people) * per_thread
    assert len(set(references)) == len(references)
    assert connection.vendor == "postgresql"
