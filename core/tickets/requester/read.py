"""The requester's read screens: the ticket list, the ticket page, the new-ticket form's
suggestions and the ticket's public files."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy

from core.access import policies
from core.pagination import CappedPaginator
from core.params import search_text

from .. import deflection, selectors
from ..lifecycle import Status
from .screens import ScreensBase

PAGE_SIZE = 20
STATUS_FILTERS = [("active", gettext_lazy("Active")), *Status.choices, ("all", gettext_lazy("All"))]


class ReadViews(ScreensBase):
    def ticket_list(self, request):
        is_admin = any(a.is_org_admin for a in policies.assignments_for(request.user, self.role))
        scope = request.GET.get("scope", "mine")
        scope = scope if scope == "organisation" and is_admin else "mine"
        status = request.GET.get("status", "active")
        query = search_text(request)
        tickets = selectors.requester_tickets(
            request.user, self.role, scope=scope, status=status, query=query
        )
        page = CappedPaginator(tickets, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request,
            "tickets/requester/list.html",
            self.context(
                page_obj=page,
                tickets=page.object_list,
                scope=scope,
                status=status,
                query=query,
                is_admin=is_admin,
                status_filters=STATUS_FILTERS,
            ),
        )

    def ticket_suggestions(self, request):
        """The htmx fragment the new-ticket form asks for while the subject is typed."""
        suggestions = deflection.suggest(request.user, request.GET.get("subject", ""))
        return render(request, "tickets/requester/_suggestions.html", {"suggestions": suggestions})

    def ticket_detail(self, request, reference: str):
        ticket = self.get_ticket(request, reference)
        whole_thread = request.GET.get("thread") == "all"
        context = self.detail_context(request, ticket, whole_thread=whole_thread)
        return render(request, "tickets/requester/detail.html", context)

    def ticket_file(self, request, reference: str, file_id: int):
        """A public attachment of a ticket the person may see; internal files do not exist."""
        from core.uploads.responses import private_file_response

        ticket = self.get_ticket(request, reference)
        attachment = get_object_or_404(ticket.attachments.filter(is_internal=False), pk=file_id)
        return private_file_response(attachment, download="download" in request.GET)
