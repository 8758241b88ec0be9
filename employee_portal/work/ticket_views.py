"""The ticket workspace: the full thread with internal notes, replies, changes, the answer
article and the requester's other tickets."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.access import tickets as ticket_access
from core.access.tickets import ticket_agent_required
from core.params import search_text, whole_number
from core.tickets import answers, lifecycle, selectors, threads
from core.tickets.lifecycle import Side
from core.tickets.models import Ticket
from core.tickets.models.tickets import attach_organisation_names
from core.tickets.services import (
    ticket_change_status,
    ticket_link_answer,
    ticket_reply,
    ticket_update,
)
from core.uploads.responses import private_file_response

from .forms import AgentReplyForm, TicketUpdateForm


def get_ticket(request, reference: str) -> Ticket:
    ticket = get_object_or_404(
        # What the page shows. PostgreSQL's join search grows exponentially with the joined
        # tables (eight took 4.3 ms to plan, six 0.6 ms), so the organisations and the answer
        # article (a page of 35 columns) are fetched apart, with no query for an unset one.
        Ticket.objects.visible_to(request.user, as_agent=True)
        .select_related("requester", "requester_role", "queue", "assignee")
        .prefetch_related("answer_page"),
        reference=reference,
    )
    attach_organisation_names([ticket])
    return ticket


def _context(request, ticket: Ticket, **forms) -> dict:
    now = timezone.now()
    targets = lifecycle.allowed_targets(ticket, side=Side.AGENT, at=now)
    other_tickets, others_total, others_visible = selectors.requesters_other_tickets(
        ticket, request.user
    )
    article_query = search_text(request, "article")
    contacts = selectors.invited_contacts(ticket)
    return {
        "ticket": ticket,
        "contacts": contacts,
        "thread": threads.rendered_thread(
            ticket,
            internal=True,
            whole=request.GET.get("thread") == "all",
            file_url_name="employee:work-ticket-file",
            contact_emails=[contact["email"] for contact in contacts],
        ),
        "reply_form": forms.get("reply_form") or AgentReplyForm(targets=targets),
        "update_form": forms.get("update_form")
        or TicketUpdateForm(ticket=ticket, targets=targets, from_cache=True),
        "other_tickets": other_tickets,
        "others_hidden": others_total - others_visible,
        "worked_queue_ids": ticket_access.worked_queue_ids(request.user),
        "article_query": article_query,
        "article_results": list(answers.search_answer_pages(article_query)),
    }


@ticket_agent_required
@require_GET
def workspace(request, reference: str):
    ticket = get_ticket(request, reference)
    return render(request, "employee_portal/work/ticket.html", _context(request, ticket))


@ticket_agent_required
@require_POST
def reply(request, reference: str):
    ticket = get_ticket(request, reference)
    targets = lifecycle.allowed_targets(ticket, side=Side.AGENT, at=timezone.now())
    form = AgentReplyForm(request.POST, request.FILES, targets=targets)
    if form.is_valid():
        data = form.cleaned_data
        try:
            ticket_reply(
                ticket=ticket,
                author=request.user,
                side=Side.AGENT,
                body=data["body"],
                internal=data["internal"],
                attachments=data["attachments"],
                then_status=data["then_status"] or None,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            note = _("Internal note added.") if data["internal"] else _("Reply sent.")
            messages.success(request, note)
            return redirect("employee:work-ticket", ticket.reference)
    context = _context(request, ticket, reply_form=form)
    return render(request, "employee_portal/work/ticket.html", context, status=400)


@ticket_agent_required
@require_POST
def update(request, reference: str):
    ticket = get_ticket(request, reference)
    targets = lifecycle.allowed_targets(ticket, side=Side.AGENT, at=timezone.now())
    form = TicketUpdateForm(request.POST, ticket=ticket, targets=targets)
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                if data["status"] != ticket.status:
                    ticket = ticket_change_status(
                        ticket=ticket,
                        to=data["status"],
                        by=request.user,
                        side=Side.AGENT,
                        request=request,
                    )
                ticket = ticket_update(
                    ticket=ticket,
                    by=request.user,
                    priority=data["priority"],
                    queue=data["queue"],
                    category=data["category"],
                    assignee=data["assignee"],
                    request=request,
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Ticket updated."))
            if not ticket_access.may_work(request.user, ticket):
                messages.info(request, _("The ticket moved to a queue you don't work."))
                return redirect("employee:work")
            return redirect("employee:work-ticket", ticket.reference)
    context = _context(request, ticket, update_form=form)
    return render(request, "employee_portal/work/ticket.html", context, status=400)


@ticket_agent_required
@require_POST
def link_answer(request, reference: str):
    ticket = get_ticket(request, reference)
    page_id = request.POST.get("page", "")
    page = None
    if page_id:
        page = get_object_or_404(answers.answer_pages(), pk=whole_number(page_id) or 0)
    ticket_link_answer(ticket=ticket, page=page, by=request.user)
    messages.success(request, _("Answer article linked.") if page else _("Answer article removed."))
    return redirect("employee:work-ticket", ticket.reference)


@ticket_agent_required
@require_GET
def ticket_file(request, reference: str, file_id: int):
    """Any attachment of a ticket in the agent's queues, internal ones included."""
    ticket = get_ticket(request, reference)
    attachment = get_object_or_404(ticket.attachments.all(), pk=file_id)
    return private_file_response(attachment, download="download" in request.GET)
