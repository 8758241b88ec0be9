"""An access filter written to SQL once: the same rows as the filter itself, in every shape
of query the screens use, and its SQL written once however often a statement uses it."""

import pytest

from core.access.compiled import CompiledCondition
from core.access.tickets import ticket_visibility
from core.tickets.models import Ticket, TicketMessage
from core.tickets.services import ticket_share
from tests.factories import OrganisationFactory
from tests.tickets.factories import customer, open_ticket, support_desk

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    """Siti's organisation admin sees both of its tickets; a stranger's ticket is shared
    with her; another stranger's she never sees."""
    support_desk()
    organisation = OrganisationFactory()
    admin, colleague = customer(organisation, admin=True), customer(organisation)
    stranger = customer()
    mine, colleagues = open_ticket(admin), open_ticket(colleague)
    shared, hidden = open_ticket(stranger), open_ticket(customer())
    ticket_share(ticket=shared, by=stranger, with_person=admin)
    return admin, {mine.pk, colleagues.pk, shared.pk}, hidden


def ids(queryset):
    return set(queryset.values_list("pk", flat=True))


def test_it_admits_the_rows_the_filter_admits(scene):
    admin, visible, _hidden = scene
    condition = CompiledCondition(Ticket, ticket_visibility(admin))
    assert ids(Ticket.objects.filter(ticket_visibility(admin))) == visible
    assert ids(Ticket.objects.filter(condition)) == visible
    assert ids(Ticket.objects.exclude(condition)) == ids(Ticket.objects.all()) - visible
    flags = dict(Ticket.objects.annotate(visible=condition).values_list("pk", "visible"))
    assert {pk for pk, flag in flags.items() if flag} == visible


def test_nested_in_another_query_its_tables_are_renamed_with_it(scene):
    admin, visible, hidden = scene
    visible_ids = Ticket.objects.visible_to(admin).values("pk")
    # The outer query names tickets_ticket too: SQL written for the inner one's original
    # names would read the outer row instead, and admit every ticket.
    assert ids(Ticket.objects.filter(pk__in=visible_ids)) == visible
    messages = TicketMessage.objects.filter(ticket__in=visible_ids)
    assert hidden.pk not in set(messages.values_list("ticket_id", flat=True))
    either = Ticket.objects.visible_to(admin) | Ticket.objects.filter(pk=hidden.pk)
    assert ids(either) == visible | {hidden.pk}


def test_one_statement_and_a_count_with_a_page_write_it_once(scene, monkeypatch):
    admin, visible, _hidden = scene
    condition = CompiledCondition(Ticket, ticket_visibility(admin))
    written = []
    original = condition.where.as_sql
    monkeypatch.setattr(
        condition.where, "as_sql", lambda *args: written.append(1) or original(*args)
    )
    tickets = Ticket.objects.filter(condition).order_by("pk")
    assert tickets[:10].count() == len(visible)
    assert len(list(tickets[:10])) == len(visible)
    assert len(written) == 1


def test_it_refuses_a_queryset_of_another_model(scene):
    admin, _visible, _hidden = scene
    with pytest.raises(ValueError, match="Ticket rows"):
        list(TicketMessage.objects.filter(CompiledCondition(Ticket, ticket_visibility(admin))))
