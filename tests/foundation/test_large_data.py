"""The large data generator (issue 10), at its small preset: the same code as the full set."""

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F

from core.access.roles import Role
from core.demo.large import PRESETS
from core.investors.models import Subscriber
from core.knowledge import selectors as knowledge
from core.knowledge.models import KnowledgeArticle
from core.learning.models import Enrolment
from core.orgs.models import Organisation
from core.partners.models import DealRegistration
from core.people.models import Person, RoleAssignment
from core.tickets.models import Ticket, TicketMessage
from core.tickets.selectors import requester_tickets

SMALL = PRESETS["small"]


@pytest.mark.postgres
@pytest.mark.django_db
def test_small_preset_loads_every_table_at_its_size(world, capsys):
    call_command("generate_large_data", preset="small")

    generated = Person.objects.filter(email__endswith="@large.example")
    assert generated.count() == SMALL.persons
    assert Organisation.objects.filter(slug__startswith="large-org-").count() == SMALL.organisations
    assert Ticket.objects.filter(reference__startswith="L").count() == SMALL.tickets
    assert TicketMessage.objects.filter(ticket__reference__startswith="L").count() == SMALL.messages
    assert Enrolment.objects.filter(person__in=generated).count() == SMALL.enrolments
    assert DealRegistration.objects.filter(partner__slug__startswith="large-org-").count() == (
        SMALL.deals
    )
    assert Subscriber.objects.filter(email__endswith="@large.example").count() == SMALL.subscribers
    generated_articles = KnowledgeArticle.objects.filter(url_path__contains="/generated-")
    assert generated_articles.count() == SMALL.articles
    # Searchable like any other, each audience kept, and typos corrected from their words.
    customer = Person.objects.get(email="p2@large.example")
    found = knowledge.search(customer, "scaner")
    assert found.count() and all(a.for_public or a.for_customers for a in found[:20])
    # Everyone holds a role; one in five non-investors also invests as an individual.
    assert RoleAssignment.objects.filter(person__in=generated).count() > SMALL.persons
    assert "tickets" in capsys.readouterr().out


@pytest.mark.postgres
@pytest.mark.django_db
def test_generated_tickets_are_coherent_with_the_access_rules(world):
    call_command("generate_large_data", preset="small")

    admin = Person.objects.get(email="p1@large.example")
    assert RoleAssignment.objects.get(person=admin, role=Role.CUSTOMER).is_org_admin
    organisation_tickets = requester_tickets(
        admin, Role.CUSTOMER, scope="organisation", status="all"
    )
    # The large organisation holds at least one ticket in ten, and its admin sees each of them.
    held = Ticket.objects.filter(organisation__slug="large-org-1").count()
    assert held >= SMALL.tickets // 10
    assert organisation_tickets.count() == held
    mismatched = Ticket.objects.filter(reference__startswith="L").exclude(
        requester_role__person=F("requester")
    )
    assert not mismatched.exists()
    assert TicketMessage.objects.filter(ticket__reference="L-1").count() >= 200
    # A partner firm's admin sees their firm's generated deals; a customer sees none.
    deal = DealRegistration.objects.filter(partner__slug__startswith="large-org-").first()
    assert DealRegistration.objects.visible_to(deal.registered_by).filter(pk=deal.pk).exists()
    assert not DealRegistration.objects.visible_to(admin).exists()


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_second_run_is_refused_rather_than_doubling_the_data(world):
    call_command("generate_large_data", preset="small", tickets=100, messages=200)
    with pytest.raises(CommandError, match="already holds"):
        call_command("generate_large_data", preset="small")


@pytest.mark.django_db
def test_sqlite_is_refused_with_a_clear_message():
    from django.db import connection

    if connection.vendor == "postgresql":
        pytest.skip("this run uses PostgreSQL")
    with pytest.raises(CommandError, match="needs PostgreSQL"):
        call_command("generate_large_data", preset="small")
