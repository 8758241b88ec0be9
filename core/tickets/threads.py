"""A ticket's rendered thread, kept in the shared cache.

Rendering a thread (the opening, the latest messages with their files, the changes between
them) was half of a ticket page's time. A thread only grows: messages, files, changes and
invitations are never edited or removed, so the largest id of each, read in one small query,
names its version. That version, the side (the team's, with internal notes, or the
requester's), the window, the language, the time zone and the portal's file address name the
rendering. The one thing in it that changes in place, people's names and addresses, renews
every rendering when any person is saved (a sign-in aside) or removed, and a release whose
thread templates differ names its renderings apart (a digest of their source; a change to
the code or translations they use shows as old renderings leave the cache, within 15 minutes).
"""

import hashlib
from functools import cache

from django.db import connection
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core.generations import Generation, renew_on_person_change

from .models import Ticket, TicketAttachment, TicketEvent, TicketInvitation, TicketMessage
from .selectors import timeline

THREADS = Generation("ticket-threads")
TEMPLATES = ("tickets/includes/timeline.html", "tickets/includes/files.html")
THREAD_PARTS = (TicketMessage, TicketEvent, TicketAttachment, TicketInvitation)


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
        f"{timezone.get_current_timezone_name()}:{file_url_name}:{_templates_digest()}"
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
    """The largest id of the ticket's messages, changes, files and invitations: one query,
    written out because the ORM took longer to write its four subqueries (about 2 ms, every
    ticket page) than PostgreSQL takes to answer them (0.3 ms)."""
    with connection.cursor() as cursor:
        cursor.execute(_version_sql(), [ticket.pk] * len(THREAD_PARTS))
        return cursor.fetchone()


@cache
def _version_sql() -> str:
    quote = connection.ops.quote_name
    # Only our models' table and column names, quoted, are written into it.
    latest = []
    for part in THREAD_PARTS:
        table, key = quote(part._meta.db_table), quote(part._meta.pk.column)
        ticket = quote(part._meta.get_field("ticket").column)
        latest.append(
            f"(SELECT {key} FROM {table} WHERE {ticket} = %s ORDER BY {key} DESC LIMIT 1)"  # noqa: S608
        )
    return "SELECT " + ", ".join(latest)


@cache
def _templates_digest() -> str:
    sources = "".join(get_template(name).template.source for name in TEMPLATES)
    return hashlib.sha256(sources.encode()).hexdigest()[:12]


def connect_receivers() -> None:
    renew_on_person_change(THREADS)
