"""Fifty people answering one ticket at the same moment: every reply is kept, in order."""

import threading
from unittest import mock

import pytest
from django.db import connections

from core.tickets.lifecycle import Side
from core.tickets.models import TicketEvent, TicketMessage
from core.tickets.services import ticket_reply

from .factories import customer, open_ticket, support_desk

REPLIES = 50


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_parallel_replies_on_one_ticket_are_all_stored_in_order():
    desk = support_desk()
    siti = customer()
    ticket = open_ticket(siti)
    barrier = threading.Barrier(REPLIES)
    errors: list[BaseException] = []

    def answer(n: int) -> None:
        try:
            barrier.wait(timeout=30)
            author, side = (desk.agent, Side.AGENT) if n % 2 else (siti, Side.REQUESTER)
            ticket_reply(ticket=ticket, author=author, side=side, body=f"Reply {n}")
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=answer, args=(n,)) for n in range(REPLIES)]
    # Delivery is not under test; Celery's eager flag is process-wide (see test_references).
    with mock.patch("core.notifications.services.enqueue_after_commit"):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)

    assert not errors, errors
    stored = list(TicketMessage.objects.filter(ticket=ticket).order_by("created_at", "id"))
    assert sorted(m.body for m in stored) == sorted(f"Reply {n}" for n in range(REPLIES))
    # "In order": the thread's order by time is the order in which the rows were written.
    assert [m.pk for m in stored] == sorted(m.pk for m in stored)
    replies = TicketEvent.objects.filter(ticket=ticket, kind=TicketEvent.Kind.REPLY).count()
    assert replies == REPLIES
    ticket.refresh_from_db()
    assert ticket.updated_at >= stored[-1].created_at
