"""The ticket badges and the portal's name: a choice's label in the reader's language, and a
value that is no longer a choice shown as it is stored rather than failing the page."""

from types import SimpleNamespace

from django.utils import translation

from core.tickets.templatetags.ticket_tags import portal_name, ticket_priority, ticket_status


def test_a_status_badge_names_the_status_in_the_readers_language():
    ticket = SimpleNamespace(status="pending", priority="high")
    with translation.override("en"):
        english = ticket_status(ticket)
    with translation.override("id"):
        indonesian = ticket_status(ticket)
    assert (
        english == '<span class="ticket-status ticket-status-pending">Waiting for customer</span>'
    )
    assert (
        indonesian == '<span class="ticket-status ticket-status-pending">Menunggu pelanggan</span>'
    )


def test_a_value_that_is_no_choice_is_shown_as_stored():
    ticket = SimpleNamespace(status="retired_status", priority="urgent<b>")
    assert ticket_status(ticket) == (
        '<span class="ticket-status ticket-status-retired_status">retired_status</span>'
    )
    assert "urgent&lt;b&gt;</span>" in ticket_priority(ticket)


def test_the_portal_is_named_by_its_role():
    with translation.override("en"):
        assert portal_name("partner") == "Partner"
    assert portal_name("retired_portal") == "retired_portal"
