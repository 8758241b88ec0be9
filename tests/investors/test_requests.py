"""Information requests: the investor portal mounts the shared requester screens, and what an
investor asks lands in the Investor relations queue, as partner questions land on the desk."""

import pytest
from django.urls import reverse

from core.access.roles import Duty, Role
from core.tickets.models import Category, Ticket
from tests.factories import person_with
from tests.tickets.factories import support_desk

pytestmark = pytest.mark.django_db


def test_an_investor_asks_investor_relations_and_follows_the_answer(client):
    desk = support_desk(slug="investor-relations", role=Role.INVESTOR, group=Duty.IR_OFFICER.value)
    support_desk(slug="support")
    wulan = person_with(Role.INVESTOR)
    client.force_login(wulan)
    page = client.get(reverse("investor:ticket-new"))
    assert page.status_code == 200
    assert "Ask investor relations" in page.content.decode()
    assert "product_area" not in page.content.decode()  # investors are not asked for a product
    response = client.post(
        reverse("investor:ticket-new"),
        {
            "assignment": wulan.role_assignments.get().pk,
            "subject": "Dividend date",
            "description": "When is the final dividend paid?",
            "priority": "normal",
        },
    )
    ticket = Ticket.objects.get()
    assert response.url == reverse("investor:ticket-detail", args=[ticket.reference])
    assert (ticket.queue, ticket.portal) == (desk.queue, Role.INVESTOR)
    listing = client.get(reverse("investor:tickets")).content.decode()
    assert "Information requests" in listing and "Dividend date" in listing
    # the same ticket does not exist in another portal's screens
    assert client.get(reverse("customer:ticket-detail", args=[ticket.reference])).status_code == 403


def test_a_partner_question_goes_to_the_partner_desk_unless_its_category_routes_it(client):
    desk = support_desk(slug="partner-desk", role=Role.PARTNER, group=Duty.CHANNEL_MANAGER.value)
    other = support_desk(slug="support")
    routed = Category.objects.create(name="Billing", portal=Role.PARTNER, queue=other.queue)
    agus = person_with(Role.PARTNER)
    client.force_login(agus)
    for subject, category in (("Deal question", ""), ("Invoice", routed.pk)):
        client.post(
            reverse("partner:ticket-new"),
            {
                "assignment": agus.role_assignments.get().pk,
                "subject": subject,
                "description": "Please help.",
                "priority": "normal",
                "category": category,
            },
        )
    assert Ticket.objects.get(subject="Deal question").queue == desk.queue
    assert Ticket.objects.get(subject="Invoice").queue == other.queue
    assert "Support" in client.get(reverse("partner:tickets")).content.decode()
