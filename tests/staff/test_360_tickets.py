"""Tickets on customer 360: counted for every employee, listed for those who work the queue."""

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.access.roles import Role
from core.tickets.models import TicketInvitation
from tests.factories import person_with
from tests.tickets.factories import customer, open_ticket, support_desk

pytestmark = pytest.mark.django_db


def _sections(client, url):
    return {s.key: s for s in client.get(url).context["sections"]}


def test_an_agent_of_the_queue_sees_the_persons_tickets_with_links(sign_in):
    desk = support_desk()
    siti = customer()
    ticket = open_ticket(siti, subject="Scanner logs out")
    client = sign_in(desk.agent)
    url = reverse("employee:customer360-person", args=[siti.pk])
    section = _sections(client, url)["tickets"]
    assert section.total == 1
    assert section.rows[0].title == f"{ticket.reference} Scanner logs out"
    assert section.rows[0].url == reverse("employee:work-ticket", args=[ticket.reference])
    timeline = client.get(url).context["timeline"]
    assert any(entry.title.startswith(f"Opened {ticket.reference}") for entry in timeline)


def test_an_employee_outside_the_queue_sees_a_count_but_no_subject(sign_in):
    support_desk()
    siti = customer()
    open_ticket(siti, subject="Payroll question")
    client = sign_in(person_with(Role.EMPLOYEE))
    url = reverse("employee:customer360-person", args=[siti.pk])
    section = _sections(client, url)["tickets"]
    assert (section.total, section.rows) == (1, [])
    assert "Payroll question" not in client.get(url).content.decode()


def test_an_organisations_tickets_appear_on_its_page(sign_in):
    desk = support_desk()
    siti = customer()
    open_ticket(siti)
    organisation = siti.role_assignments.get().organisation
    section = _sections(
        sign_in(desk.agent), reverse("employee:customer360-organisation", args=[organisation.pk])
    )["tickets"]
    assert section.total == 1 and len(section.rows) == 1


def _invite(ticket, email):
    return TicketInvitation.objects.create(ticket=ticket, email=email, invited_by=ticket.requester)


def test_a_ticket_the_person_was_invited_to_is_listed_and_marked(sign_in):
    desk = support_desk()
    emily, someone = customer(), customer()
    asked = open_ticket(emily, subject="Her own question")
    invited = open_ticket(someone, subject="Trackers at the depot")
    _invite(invited, emily.email)
    _invite(asked, emily.email)  # asked and invited: one row, marked as asked
    unverified = open_ticket(someone, subject="Named by an unverified address")
    EmailAddress.objects.create(user=emily, email="emily@elsewhere.example", verified=False)
    _invite(unverified, "emily@elsewhere.example")
    url = reverse("employee:customer360-person", args=[emily.pk])
    section = _sections(sign_in(desk.agent), url)["tickets"]
    assert section.total == 2
    rows = {row.title: row for row in section.rows}
    assert set(rows) == {
        f"{asked.reference} Her own question",
        f"{invited.reference} Trackers at the depot",
    }
    assert rows[f"{invited.reference} Trackers at the depot"].detail.startswith(
        "Invited as the customer's contact"
    )
    assert "Invited" not in rows[f"{asked.reference} Her own question"].detail


def test_360_with_tickets_costs_the_same_queries_however_many(sign_in):
    desk = support_desk()
    siti = customer()
    open_ticket(siti)
    _invite(open_ticket(customer()), siti.email)
    client = sign_in(desk.agent)
    url = reverse("employee:customer360-person", args=[siti.pk])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    count()
    before = count()
    for n in range(15):
        open_ticket(siti, subject=f"Another problem {n}")
        _invite(open_ticket(customer(), subject=f"Invited {n}"), siti.email)
    assert count() == before
