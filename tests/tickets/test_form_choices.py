"""The ticket page's queue and category lists come from the cache and follow every change
to a queue or a category; what is posted is still checked against the database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.access.roles import Role
from core.tickets.form_choices import (
    active_categories,
    active_queues,
    category_choices,
    queue_choices,
)
from core.tickets.models import Category

from .factories import customer, open_ticket, support_desk

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    return support_desk()


def queues() -> list[str]:
    cached = queue_choices()
    assert cached == list(active_queues().values_list("pk", "name"))
    return [name for _pk, name in cached]


def categories(portal=Role.CUSTOMER) -> list[str]:
    cached = category_choices(portal)
    assert cached == list(active_categories(portal).values_list("pk", "name"))
    return [name for _pk, name in cached]


def test_a_second_read_asks_no_query(desk):
    queues(), categories()
    with CaptureQueriesContext(connection) as captured:
        queue_choices(), category_choices(Role.CUSTOMER)
    assert len(captured) == 0


def test_every_change_to_a_queue_or_a_category_shows_at_once(desk):
    billing = support_desk(slug="billing", role=None, group="Billing desk").queue
    assert queues() == ["Billing", "Support"]
    billing.name = "Accounts"
    billing.save()
    assert queues() == ["Accounts", "Support"]
    billing.is_active = False
    billing.save()
    assert queues() == ["Support"]

    hardware = Category.objects.create(name="Hardware", portal=Role.CUSTOMER)
    invoices = Category.objects.create(name="Invoices", portal=Role.PARTNER)
    assert "Hardware" in categories() and "Invoices" not in categories()
    assert "Invoices" in categories(Role.PARTNER)
    hardware.is_active = False
    hardware.save()
    assert "Hardware" not in categories()
    invoices.delete()
    assert "Invoices" not in categories(Role.PARTNER)


def test_the_ticket_page_offers_them_and_a_retired_queue_posted_is_refused(desk, client):
    billing = support_desk(slug="billing", role=None, group="Billing desk").queue
    ticket = open_ticket(customer())
    client.force_login(desk.agent)
    url = reverse("employee:work-ticket", args=[ticket.reference])
    form = client.get(url).context["update_form"]
    assert [name for _pk, name in form.fields["queue"].choices] == ["Billing", "Support"]
    billing.is_active = False
    billing.save()
    form = client.get(url).context["update_form"]
    assert [name for _pk, name in form.fields["queue"].choices] == ["Support"]
    # An entry kept from before (another process, a stale page) is no way to a retired queue.
    response = client.post(
        reverse("employee:work-ticket-update", args=[ticket.reference]),
        {"status": ticket.status, "priority": ticket.priority, "queue": billing.pk},
    )
    assert response.status_code == 400
    ticket.refresh_from_db()
    assert ticket.queue_id == desk.queue.pk


def test_the_new_ticket_form_offers_a_category_field_while_the_portal_has_one(desk):
    from core.tickets.forms import TicketForm

    def has_field() -> bool:
        form = TicketForm(assignments=[], portal=Role.CUSTOMER)
        return "category" in form.fields

    assert not has_field()
    hardware = Category.objects.create(name="Hardware", portal=Role.CUSTOMER)
    assert has_field()
    assert list(TicketForm(assignments=[], portal=Role.CUSTOMER).fields["category"].queryset) == [
        hardware
    ]
    hardware.is_active = False
    hardware.save()
    assert not has_field()
