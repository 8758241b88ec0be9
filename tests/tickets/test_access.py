"""Who sees which ticket: requester (in a hat still worn), org admins, queue agents, shares."""

import pytest
from django.urls import reverse

from core.access.roles import Duty, Role
from core.people.services import role_end
from core.tickets.lifecycle import Side
from core.tickets.models import Ticket
from core.tickets.services import ticket_reply, ticket_share
from tests.factories import OrganisationFactory, PersonFactory, person_with

from .factories import customer, hat, open_ticket, pdf_upload, png_upload, support_desk

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    return support_desk()


def visible(person):
    return set(Ticket.objects.visible_to(person).values_list("pk", flat=True))


def test_a_requester_sees_own_tickets_only(desk):
    org = OrganisationFactory()
    siti, colleague = customer(org), customer(org)
    mine, theirs = open_ticket(siti), open_ticket(colleague)
    assert visible(siti) == {mine.pk}
    assert theirs.pk not in visible(siti)


def test_org_admins_see_their_organisations_tickets_and_no_other(desk):
    org, other_org = OrganisationFactory(), OrganisationFactory()
    budi = customer(org, admin=True)
    colleague_ticket = open_ticket(customer(org))
    elsewhere = open_ticket(customer(other_org))
    assert colleague_ticket.pk in visible(budi)
    assert elsewhere.pk not in visible(budi)


def test_a_requester_who_left_the_organisation_no_longer_sees_its_tickets(desk):
    org = OrganisationFactory()
    siti = customer(org)
    ticket = open_ticket(siti)
    role_end(assignment=hat(siti))
    from core.access.policies import forget_cached_access

    forget_cached_access(siti)
    assert ticket.pk not in visible(siti)


def test_agents_see_the_queues_their_groups_work_only(desk):
    ticket = open_ticket(customer())
    other_desk = support_desk(
        slug="partner-desk", role=Role.PARTNER, group=Duty.CHANNEL_MANAGER.value
    )
    assert ticket.pk in visible(desk.agent)
    assert ticket.pk not in visible(other_desk.agent)
    assert ticket.pk not in set(
        Ticket.objects.visible_to(desk.agent, as_agent=False).values_list("pk", flat=True)
    )


def test_a_former_employee_loses_the_queue_at_once(desk):
    ticket = open_ticket(customer())
    from core.access.policies import forget_cached_access

    role_end(assignment=hat(desk.agent, Role.EMPLOYEE))
    forget_cached_access(desk.agent)
    assert ticket.pk not in visible(desk.agent)


def test_an_explicit_share_lets_one_more_person_see_one_ticket(desk):
    ticket = open_ticket(customer())
    partner = person_with(Role.PARTNER)
    assert ticket.pk not in visible(partner)
    ticket_share(ticket=ticket, with_person=partner, by=desk.agent)
    assert visible(partner) == {ticket.pk}


def test_visibility_is_one_query(desk, django_assert_num_queries):
    budi = customer(admin=True)
    open_ticket(budi)
    budi.groups.all()  # nothing cached that the query would need
    from core.access import policies

    policies.current_assignments(budi)
    with django_assert_num_queries(1):
        list(Ticket.objects.visible_to(budi))


def test_people_without_any_role_see_nothing(desk):
    open_ticket(customer())
    assert visible(PersonFactory()) == set()


def test_internal_attachments_are_never_served_to_the_requester_side(desk, client):
    siti = customer()
    ticket = open_ticket(siti, files=[png_upload()])
    from core.uploads.validation import validate_upload

    ticket_reply(
        ticket=ticket,
        author=desk.agent,
        side=Side.AGENT,
        body="Log attached",
        internal=True,
        attachments=[validate_upload(pdf_upload("server.pdf"))],
    )
    public = ticket.attachments.get(is_internal=False)
    internal = ticket.attachments.get(is_internal=True)
    client.force_login(siti)
    url = reverse("customer:ticket-file", args=[ticket.reference, public.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert (
        client.get(
            reverse("customer:ticket-file", args=[ticket.reference, internal.pk])
        ).status_code
        == 404
    )
    page = client.get(reverse("customer:ticket-detail", args=[ticket.reference])).content.decode()
    assert "Log attached" not in page and "server.pdf" not in page
    client.force_login(desk.agent)
    assert (
        client.get(
            reverse("employee:work-ticket-file", args=[ticket.reference, internal.pk])
        ).status_code
        == 200
    )


def test_the_thread_lists_each_messages_files_and_the_requester_side_only_public_ones(desk, client):
    from core.uploads.validation import validate_upload

    siti = customer()
    ticket = open_ticket(siti, files=[png_upload("opening.png")])
    for body, internal, name in [("Log here", True, "server.pdf"), ("Invoice", False, "bill.pdf")]:
        ticket_reply(
            ticket=ticket,
            author=desk.agent,
            side=Side.AGENT,
            body=body,
            internal=internal,
            attachments=[validate_upload(pdf_upload(name))],
        )

    def files_after(page, heading):
        """The file names shown between `heading` and the next message."""
        after = page.split(heading, 1)[1].split("message-card", 1)[0]
        return sorted(name for name in ("opening.png", "server.pdf", "bill.pdf") if name in after)

    client.force_login(desk.agent)
    page = client.get(reverse("employee:work-ticket", args=[ticket.reference])).content.decode()
    assert files_after(page, "opened the ticket") == ["opening.png"]
    assert files_after(page, "Log here") == ["server.pdf"]
    assert files_after(page, "Invoice") == ["bill.pdf"]
    client.force_login(siti)
    page = client.get(reverse("customer:ticket-detail", args=[ticket.reference])).content.decode()
    assert files_after(page, "opened the ticket") == ["opening.png"]
    assert files_after(page, "Invoice") == ["bill.pdf"]
    assert "server.pdf" not in page


def test_a_file_of_another_ticket_is_not_served_through_this_ones_address(desk, client):
    siti = customer()
    first = open_ticket(siti, files=[png_upload()])
    second = open_ticket(siti)
    client.force_login(siti)
    file_id = first.attachments.get().pk
    assert (
        client.get(reverse("customer:ticket-file", args=[second.reference, file_id])).status_code
        == 404
    )


def test_files_are_served_with_protective_headers(desk, client):
    siti = customer()
    ticket = open_ticket(siti, files=[png_upload()])
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.uploads.validation import validate_upload

    ticket_reply(
        ticket=ticket,
        author=siti,
        side=Side.REQUESTER,
        body="csv",
        attachments=[validate_upload(SimpleUploadedFile("data.csv", b"a,b\n1,2\n"))],
    )
    client.force_login(siti)
    image = ticket.attachments.get(content_type="image/png")
    response = client.get(reverse("customer:ticket-file", args=[ticket.reference, image.pk]))
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    csv = ticket.attachments.get(content_type="text/csv")
    response = client.get(reverse("customer:ticket-file", args=[ticket.reference, csv.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]
    assert "html" not in response["Content-Type"]


def test_private_files_are_stored_outside_the_public_media_folder(desk, settings):
    ticket = open_ticket(customer(), files=[png_upload("../../evil.png")])
    stored = ticket.attachments.get()
    path = stored.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT) + "/")
    assert stored.original_name == "evil.png"
    assert "evil" not in stored.file.name
