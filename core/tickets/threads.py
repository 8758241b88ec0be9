"""A ticket's rendered thread, kept in the shared cache.

Rendering a thread (the opening, the latest messages with their files, the changes between
them) was half of a ticket page's time. A thread only grows: messages, files, changes and
invitations are never edited or removed, so the largest id of each, read in one small query,
names its version. That version, the side (the team's, with internal notes, or the
requester's), the window, the language, the time zone and the portal's file address name the
rendering. The one thing in it that changes in place, people's names and addresses, renews
every rendering when any person is saved (a sign-in aside) or removed.
"""

from django.db.models import OuterRef, Subquery
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core.generations import Generation, renew_on_person_change

from .models import Ticket, TicketAttachment, TicketEvent, TicketInvitation, TicketMessage
from .selectors import timeline

THREADS = Generation("ticket-threads")


def rendered_thread(
    ticket: Ticket, *, internal: bool, whole: bool, file_url_name: str, contact_emails
) -> SafeString:
    """The thread as tickets/includes/timeline.html renders it, from the cache when this
    version of it was rendered for this side, window, language and time zone before."""
    version = "-".join(str(part or 0) for part in _version(ticket))
    side = "team" if internal else "requester"
    window = "whole" if whole else "latest"
    key = (
        f"{ticket.pk}:{version}:{side}:{window}:{get_language()}:"
        f"{timezone.get_current_timezone_name()}:{file_url_name}"
    )

    def render() -> str:
        return render_to_string(
            "tickets/includes/timeline.html",
            {
                "ticket": ticket,
                "timeline": timeline(ticket, internal=internal, whole=whole),
                "file_url_name": file_url_name,
                "contact_emails": contact_emails,
            },
        )

    # Only render_to_string's output of our own template is ever stored under this key.
    return mark_safe(THREADS.kept(key, render))  # noqa: S308


def _version(ticket: Ticket) -> tuple:
    """The largest id of the ticket's messages, changes, files and invitations: one query."""

    def latest(model):
        rows = model.objects.filter(ticket=OuterRef("pk")).order_by("-pk").values("pk")[:1]
        return Subquery(rows)

    return (
        Ticket.objects.filter(pk=ticket.pk)
        .values_list(
            latest(TicketMessage),
            latest(TicketEvent),
            latest(TicketAttachment),
            latest(TicketInvitation),
        )
        .get()
    )


def connect_receivers() -> None:
    renew_on_person_change(THREADS)
