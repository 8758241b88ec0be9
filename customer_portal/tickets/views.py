"""Customer self-service tickets. Every ticket is looked up through the access module's
scoped queryset; one the person may not see answers 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from core.access import policies
from core.access.guards import portal_required
from core.access.roles import Role
from core.tickets import deflection, lifecycle, selectors
from core.tickets.lifecycle import Side, Status
from core.tickets.models import Ticket
from core.tickets.services import ticket_change_status, ticket_create, ticket_rate, ticket_reply
from core.uploads.responses import private_file_response

from .forms import RatingForm, ReplyForm, TicketForm

ROLE = Role.CUSTOMER
PAGE_SIZE = 20
STATUS_FILTERS = [("active", gettext_lazy("Active")), *Status.choices, ("all", gettext_lazy("All"))]


def customer_tickets(person):
    return Ticket.objects.visible_to(person, as_agent=False).in_portal(ROLE)


def get_ticket(request, reference: str) -> Ticket:
    return get_object_or_404(
        customer_tickets(request.user).select_related(
            "assignee",
            "requester",
            "queue",
            "category",
            "product_area",
            "answer_page",
            "organisation",
        ),
        reference=reference,
    )


@portal_required(ROLE)
@require_GET
def ticket_list(request):
    is_admin = any(a.is_org_admin for a in policies.assignments_for(request.user, ROLE))
    scope = request.GET.get("scope", "mine")
    scope = scope if scope == "organisation" and is_admin else "mine"
    status = request.GET.get("status", "active")
    query = request.GET.get("q", "")
    tickets = selectors.requester_tickets(
        request.user, ROLE, scope=scope, status=status, query=query
    ).select_related("organisation")
    page = Paginator(tickets, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "customer_portal/tickets/list.html",
        {
            "page_obj": page,
            "tickets": page.object_list,
            "scope": scope,
            "status": status,
            "query": query,
            "is_admin": is_admin,
            "status_filters": STATUS_FILTERS,
        },
    )


@portal_required(ROLE)
def ticket_new(request):
    assignments = policies.assignments_for(request.user, ROLE)
    form = TicketForm(
        request.POST or None, request.FILES or None, assignments=assignments, portal=ROLE
    )
    suggestions = []
    if request.method == "POST":
        checking = "check" in request.POST
        if checking:
            suggestions = deflection.suggest(request.user, request.POST.get("subject", ""))
        elif form.is_valid():
            data = form.cleaned_data
            try:
                ticket = ticket_create(
                    requester=request.user,
                    role_assignment=data["assignment"],
                    subject=data["subject"],
                    description=data["description"],
                    priority=data["priority"],
                    category=data["category"],
                    product_area=data["product_area"],
                    attachments=data["attachments"],
                    request=request,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Thank you. Your ticket %(reference)s is with our team.")
                    % {"reference": ticket.reference},
                )
                return redirect("customer:ticket-detail", ticket.reference)
    status = 400 if request.method == "POST" and form.errors else 200
    return render(
        request,
        "customer_portal/tickets/new.html",
        {
            "form": form,
            "suggestions": suggestions,
            "checked": request.method == "POST" and "check" in request.POST,
            "deflection_on": deflection.has_providers(),
        },
        status=status,
    )


@portal_required(ROLE)
@require_GET
def ticket_suggestions(request):
    """The htmx fragment the new-ticket form asks for while the subject is typed."""
    suggestions = deflection.suggest(request.user, request.GET.get("subject", ""))
    return render(
        request, "customer_portal/tickets/_suggestions.html", {"suggestions": suggestions}
    )


def _detail_context(request, ticket: Ticket, **forms) -> dict:
    now = timezone.now()
    return {
        "ticket": ticket,
        "timeline": selectors.timeline(ticket, internal=False),
        "opening_files": list(selectors.opening_attachments(ticket).filter(is_internal=False)),
        "file_url_name": "customer:ticket-file",
        "reply_form": forms.get("reply_form") or ReplyForm(),
        "rating_form": forms.get("rating_form")
        or RatingForm(
            initial={"rating": ticket.satisfaction_rating, "comment": ticket.satisfaction_comment}
        ),
        "may_close": Status.CLOSED
        in lifecycle.allowed_targets(ticket, side=Side.REQUESTER, at=now),
        "may_reopen": lifecycle.may_reopen(ticket, side=Side.REQUESTER, at=now),
        "reopen_deadline": lifecycle.reopen_deadline(ticket),
        "may_reply": ticket.status != Status.CLOSED,
        "may_rate": ticket.status in lifecycle.DONE,
    }


@portal_required(ROLE)
@require_GET
def ticket_detail(request, reference: str):
    ticket = get_ticket(request, reference)
    return render(request, "customer_portal/tickets/detail.html", _detail_context(request, ticket))


@portal_required(ROLE)
@require_POST
def ticket_reply_view(request, reference: str):
    ticket = get_ticket(request, reference)
    form = ReplyForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            ticket_reply(
                ticket=ticket,
                author=request.user,
                side=Side.REQUESTER,
                body=form.cleaned_data["body"],
                attachments=form.cleaned_data["attachments"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your reply is sent."))
            return redirect("customer:ticket-detail", ticket.reference)
    context = _detail_context(request, ticket, reply_form=form)
    return render(request, "customer_portal/tickets/detail.html", context, status=400)


@portal_required(ROLE)
@require_POST
def ticket_status(request, reference: str):
    ticket = get_ticket(request, reference)
    target = {"close": Status.CLOSED, "reopen": Status.OPEN}.get(request.POST.get("action"))
    if target is None:
        messages.error(request, _("Choose to close or reopen the ticket."))
        return redirect("customer:ticket-detail", ticket.reference)
    try:
        ticket_change_status(
            ticket=ticket, to=target, by=request.user, side=Side.REQUESTER, request=request
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        done = (
            _("The ticket is closed.")
            if target == Status.CLOSED
            else _("The ticket is open again.")
        )
        messages.success(request, done)
    return redirect("customer:ticket-detail", ticket.reference)


@portal_required(ROLE)
@require_POST
def ticket_rate_view(request, reference: str):
    ticket = get_ticket(request, reference)
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            ticket_rate(
                ticket=ticket,
                by=request.user,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you for rating our help."))
            return redirect("customer:ticket-detail", ticket.reference)
    context = _detail_context(request, ticket, rating_form=form)
    return render(request, "customer_portal/tickets/detail.html", context, status=400)


@portal_required(ROLE)
@require_GET
def ticket_file(request, reference: str, file_id: int):
    """A public attachment of a ticket the person may see; internal files do not exist here."""
    ticket = get_ticket(request, reference)
    attachment = get_object_or_404(ticket.attachments.filter(is_internal=False), pk=file_id)
    return private_file_response(attachment, download="download" in request.GET)
