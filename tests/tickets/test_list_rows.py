"""List rows carry their organisations' names, read in one query for the whole page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.tickets.models import Ticket
from core.tickets.models.tickets import ListRowIterable
from tests.factories import OrganisationFactory

from .factories import customer, open_ticket, support_desk

pytestmark = pytest.mark.django_db


@pytest.fixture
def tickets():
    support_desk()
    made = [open_ticket(customer(OrganisationFactory(name=f"Firm {n}"))) for n in range(3)]
    # A partner's ticket for an end customer: both organisations are shown.
    partner_ticket = made[0]
    Ticket.objects.filter(pk=partner_ticket.pk).update(
        on_behalf_of=OrganisationFactory(name="PT Sinar Jaya", city="Bandung")
    )
    return made


def test_every_row_names_its_organisations_with_one_query(tickets):
    with CaptureQueriesContext(connection) as queries:
        rows = list(Ticket.objects.order_by("pk").for_lists())
        names = [(str(row.organisation), getattr(row.on_behalf_of, "name", None)) for row in rows]
    assert names == [("Firm 0", "PT Sinar Jaya"), ("Firm 1", None), ("Firm 2", None)]
    assert len(queries) == 2  # the rows, then every organisation they name
    assert 'FROM "orgs_organisation"' in queries[1]["sql"]


def test_another_field_of_a_named_organisation_is_read_not_guessed(tickets):
    row = Ticket.objects.filter(pk=tickets[0].pk).for_lists().get()
    with CaptureQueriesContext(connection) as queries:
        assert row.on_behalf_of.city == "Bandung"
    assert len(queries) == 1


def test_large_lists_ask_once_per_batch(tickets, monkeypatch):
    monkeypatch.setattr(ListRowIterable, "BATCH", 2)
    with CaptureQueriesContext(connection) as queries:
        rows = list(Ticket.objects.order_by("pk").for_lists())
    assert [str(row.organisation) for row in rows] == ["Firm 0", "Firm 1", "Firm 2"]
    assert len(queries) == 3  # the rows, then the organisations of each batch of two


def test_rows_without_organisations_ask_nothing_more(tickets):
    Ticket.objects.update(organisation=None, on_behalf_of=None)
    with CaptureQueriesContext(connection) as queries:
        rows = list(Ticket.objects.for_lists())
    assert [row.organisation for row in rows] == [None] * 3
    assert len(queries) == 1
