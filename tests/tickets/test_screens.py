"""The customer and agent screens, driven through the test client."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.access.roles import Duty, Role
from core.tickets import deflection
from core.tickets.lifecycle import Side, Status
from core.tickets.models import Category, Ticket
from core.tickets.services import ticket_change_status

from .factories import customer, hat, open_ticket, pdf_upload, png_upload, support_desk

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    return support_desk()


def test_a_customer_opens_a_ticket_with_several_files(desk, client):
    siti = customer()
    category = Category.objects.create(name="Something is broken", portal=Role.CUSTOMER)
    client.force_login(siti)
    assert client.get(reverse("customer:ticket-new")).status_code == 200
    response = client.post(
        reverse("customer:ticket-new"),
        {
            "assignment": siti.role_assignments.get().pk,
            "subject": "Scanner logs out",
            "description": "Every five minutes <b>since Monday</b>.",
            "category": category.pk,
            "priority": "high",
            "attachments": [png_upload(), pdf_upload()],
        },
    )
    ticket = Ticket.objects.get()
    assert response.url == reverse("customer:ticket-detail", args=[ticket.reference])
    assert (ticket.priority, ticket.category, ticket.queue) == ("high", category, desk.queue)
    assert ticket.attachments.count() == 2
    page = client.get(response.url).content.decode()
    assert "&lt;b&gt;since Monday&lt;/b&gt;" in page  # shown as typed, never as markup
    assert "screen.png" in page and "report.pdf" in page


def test_a_refused_file_keeps_what_the_customer_typed(desk, client):
    siti = customer()
    client.force_login(siti)
    response = client.post(
        reverse("customer:ticket-new"),
        {
            "assignment": siti.role_assignments.get().pk,
            "subject": "Invoice is wrong",
            "description": "We were billed for 60 users.",
            "priority": "normal",
            "attachments": [SimpleUploadedFile("invoice.pdf", b"MZ\x90\x00" + b"\x00" * 64)],
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "does not contain what its name says" in html
    assert 'value="Invoice is wrong"' in html and "We were billed for 60 users." in html
    assert not Ticket.objects.exists()


def test_customers_cannot_open_tickets_for_someone_elses_organisation(desk, client):
    siti, emily = customer(), customer()
    client.force_login(siti)
    response = client.post(
        reverse("customer:ticket-new"),
        {
            "assignment": emily.role_assignments.get().pk,
            "subject": "x",
            "description": "y",
            "priority": "normal",
        },
    )
    assert response.status_code == 400 and not Ticket.objects.exists()


def test_the_customer_replies_closes_reopens_and_rates(desk, client):
    siti = customer()
    ticket = open_ticket(siti)
    client.force_login(siti)
    detail = reverse("customer:ticket-detail", args=[ticket.reference])
    client.post(reverse("customer:ticket-reply", args=[ticket.reference]), {"body": "More info"})
    assert ticket.messages.get().body == "More info"
    empty = client.post(reverse("customer:ticket-reply", args=[ticket.reference]), {"body": " "})
    assert empty.status_code == 400
    client.post(reverse("customer:ticket-status", args=[ticket.reference]), {"action": "close"})
    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED
    assert "Reopen ticket" in client.get(detail).content.decode()
    client.post(reverse("customer:ticket-status", args=[ticket.reference]), {"action": "reopen"})
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN
    ticket_change_status(ticket=ticket, to=Status.RESOLVED, by=desk.agent, side=Side.AGENT)
    client.post(
        reverse("customer:ticket-rate", args=[ticket.reference]), {"rating": 5, "comment": "Fast"}
    )
    ticket.refresh_from_db()
    assert (ticket.satisfaction_rating, ticket.satisfaction_comment) == (5, "Fast")


def test_the_list_filters_searches_and_scopes(desk, client):
    budi = customer(admin=True)
    colleague = customer(budi.role_assignments.get().organisation)
    mine = open_ticket(budi, subject="Printer jams")
    theirs = open_ticket(colleague, subject="Scanner logs out")
    client.force_login(budi)
    listing = client.get(reverse("customer:tickets")).content.decode()
    assert "Printer jams" in listing and "Scanner logs out" not in listing
    org = client.get(reverse("customer:tickets") + "?scope=organisation").content.decode()
    assert "Printer jams" in org and "Scanner logs out" in org
    found = client.get(reverse("customer:tickets") + f"?scope=organisation&q={theirs.pk}")
    assert list(found.context["tickets"]) == [theirs]
    closed = client.get(reverse("customer:tickets") + "?status=closed")
    assert list(closed.context["tickets"]) == []
    client.force_login(colleague)
    org = client.get(reverse("customer:tickets") + "?scope=organisation").content.decode()
    assert "Printer jams" not in org  # not an admin: the scope falls back to their own
    assert mine.pk


def test_deflection_shows_nothing_until_a_provider_is_registered(desk, client):
    from core.knowledge.selectors import article_suggestions

    siti = customer()
    client.force_login(siti)
    url = reverse("customer:ticket-suggestions") + "?subject=scanner logs out"
    deflection.unregister_suggestion_provider(article_suggestions)  # the knowledge base's
    try:
        assert "article" not in client.get(url).content.decode()
        assert "hx-get" not in client.get(reverse("customer:ticket-new")).content.decode()
    finally:
        deflection.register_suggestion_provider(article_suggestions)

    def articles(person, text, limit):
        assert person == siti
        return [deflection.Suggestion("Fix scanner sessions", "/help/scanner/")]

    deflection.register_suggestion_provider(articles)
    try:
        html = client.get(url, headers={"HX-Request": "true"}).content.decode()
        assert "Fix scanner sessions" in html and "/help/scanner/" in html
        assert "hx-get" in client.get(reverse("customer:ticket-new")).content.decode()
        assert deflection.suggest(siti, "ab") == []
    finally:
        deflection.unregister_suggestion_provider(articles)


def test_a_failing_provider_never_stops_a_ticket(desk):
    def broken(person, text, limit):
        raise RuntimeError("search is down")

    deflection.register_suggestion_provider(broken)
    try:
        assert deflection.suggest(customer(), "scanner logs out") == []
    finally:
        deflection.unregister_suggestion_provider(broken)


def test_the_agent_replies_adds_a_note_and_changes_the_ticket(desk, client):
    siti = customer()
    ticket = open_ticket(siti)
    client.force_login(desk.agent)
    base = ("employee:work-ticket-reply", "employee:work-ticket-update")
    client.post(
        reverse(base[0], args=[ticket.reference]),
        {"body": "Checked the logs", "internal": "on", "then_status": ""},
    )
    client.post(
        reverse(base[0], args=[ticket.reference]),
        {"body": "Which version?", "then_status": "pending"},
    )
    ticket.refresh_from_db()
    assert ticket.status == Status.PENDING
    assert list(ticket.messages.values_list("is_internal", flat=True)) == [True, False]
    response = client.post(
        reverse(base[1], args=[ticket.reference]),
        {
            "status": "on_hold",
            "priority": "urgent",
            "queue": desk.queue.pk,
            "assignee": desk.other_agent.pk,
        },
    )
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert (ticket.status, ticket.priority, ticket.assignee) == (
        "on_hold",
        "urgent",
        desk.other_agent,
    )
    customer_page = client.get(reverse("employee:work-ticket", args=[ticket.reference]))
    assert "Checked the logs" in customer_page.content.decode()
    client.force_login(siti)
    page = client.get(reverse("customer:ticket-detail", args=[ticket.reference])).content.decode()
    assert "Which version?" in page and "Checked the logs" not in page
    assert desk.other_agent.get_full_name() in page


def test_an_agent_cannot_assign_someone_who_does_not_work_the_queue(desk, client):
    from tests.factories import person_with

    ticket = open_ticket(customer())
    outsider = person_with(Role.EMPLOYEE, duties=(Duty.CHANNEL_MANAGER,))
    client.force_login(desk.agent)
    response = client.post(
        reverse("employee:work-ticket-update", args=[ticket.reference]),
        {"status": "new", "priority": "normal", "queue": desk.queue.pk, "assignee": outsider.pk},
    )
    assert response.status_code == 400
    ticket.refresh_from_db()
    assert ticket.assignee is None


def test_bulk_assign_touches_only_tickets_the_agent_may_work(desk, client):
    other_desk = support_desk(slug="investor-relations", role=Role.INVESTOR, group="IR officers")
    siti = customer()
    ours = [open_ticket(siti) for _ in range(3)]
    from tests.factories import person_with

    investor = person_with(Role.INVESTOR)
    theirs = open_ticket(investor, role_assignment=hat(investor, Role.INVESTOR))
    assert theirs.queue == other_desk.queue
    client.force_login(desk.agent)
    response = client.post(
        reverse("employee:work-bulk-assign"),
        {
            "ids": [t.pk for t in ours] + [theirs.pk, 999999],
            "assignee": "me",
            "next": reverse("employee:work-queue", args=[desk.queue.slug]),
        },
    )
    assert response.status_code == 302
    assert Ticket.objects.filter(assignee=desk.agent).count() == 3
    theirs.refresh_from_db()
    assert theirs.assignee is None
    response = client.post(
        reverse("employee:work-bulk-assign"),
        {"ids": [ours[0].pk], "assignee": str(desk.other_agent.pk)},
    )
    ours[0].refresh_from_db()
    assert ours[0].assignee == desk.other_agent


def test_the_agent_links_a_page_as_the_answer(desk, client):
    from tests.knowledge.factories import article

    page = article(title="Scanner sessions explained", for_customers=True)
    ticket = open_ticket(customer())
    client.force_login(desk.agent)
    workspace = reverse("employee:work-ticket", args=[ticket.reference])
    found = client.get(workspace + "?article=scanner").content.decode()
    assert "Scanner sessions explained" in found
    client.post(reverse("employee:work-ticket-answer", args=[ticket.reference]), {"page": page.pk})
    ticket.refresh_from_db()
    assert ticket.answer_page_id == page.pk
    linked = client.get(workspace).content.decode()
    assert f'<a href="{page.url}">Scanner sessions explained</a>' in linked
    client.force_login(ticket.requester)
    detail = client.get(reverse("customer:ticket-detail", args=[ticket.reference]))
    assert "Scanner sessions explained" in detail.content.decode()


def test_an_answer_the_requester_may_not_read_is_not_shown_to_them(desk, client):
    from tests.knowledge.factories import article

    page = article(title="Internal escalation playbook", for_employees=True)
    ticket = open_ticket(customer())
    client.force_login(desk.agent)
    client.post(reverse("employee:work-ticket-answer", args=[ticket.reference]), {"page": page.pk})
    ticket.refresh_from_db()
    assert ticket.answer_page_id == page.pk  # agents may link any article
    client.force_login(ticket.requester)
    detail = client.get(reverse("customer:ticket-detail", args=[ticket.reference])).content
    assert b"Internal escalation playbook" not in detail
    assert page.url.encode() not in detail


def test_the_navigation_offers_the_workspace_only_to_queue_workers(desk, client):
    from tests.factories import person_with

    client.force_login(desk.agent)
    assert reverse("employee:work") in client.get(reverse("employee:dashboard")).content.decode()
    client.force_login(person_with(Role.EMPLOYEE))
    assert (
        reverse("employee:work") not in client.get(reverse("employee:dashboard")).content.decode()
    )
