"""Queues, "my work" and bulk assignment. Tickets come only from the access module's scoped
queryset (Ticket.objects.visible_to(person, as_agent=True))."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from core.access.tickets import ticket_agent_required, worked_queue_ids
from core.pagination import CappedPaginator
from core.params import search_text, whole_number
from core.people.models import Person
from core.tickets import agents, selectors
from core.tickets.lifecycle import ACTIVE, Status
from core.tickets.models import Priority, Ticket
from core.tickets.services import ticket_assign_many

from .forms import BulkAssignForm

PAGE_SIZE = 25
STATUS_FILTERS = [
    ("active", gettext_lazy("Active")),
    ("breached", gettext_lazy("SLA missed")),
    *Status.choices,
    ("all", gettext_lazy("All")),
]
SORT_CHOICES = [
    ("due", gettext_lazy("SLA due time")),
    ("priority", gettext_lazy("Priority")),
    ("updated", gettext_lazy("Last activity")),
    ("created", gettext_lazy("Newest")),
]


@ticket_agent_required
@require_GET
def overview(request):
    queues = list(selectors.queues_for_agent(request.user))
    counts = {
        row["queue"]: row
        for row in Ticket.objects.visible_to(request.user, as_agent=True)
        .filter(status__in=ACTIVE)
        .values("queue")
        .annotate(
            active=Count("pk"),
            unassigned=Count("pk", filter=Q(assignee__isnull=True)),
            breached=Count(
                "pk", filter=Q(first_response_breached=True) | Q(resolution_breached=True)
            ),
            mine=Count("pk", filter=Q(assignee=request.user)),
        )
    }
    for queue in queues:
        queue.counts = counts.get(queue.pk, {})
    mine = list(selectors.agent_tickets(request.user, mine=True)[:10])
    return render(request, "employee_portal/work/overview.html", {"queues": queues, "mine": mine})


def _list_params(request) -> dict:
    return {
        "status": request.GET.get("status", "active"),
        "assignee": request.GET.get("assignee", ""),
        "priority": request.GET.get("priority", ""),
        "query": search_text(request),
        "sort": request.GET.get("sort", "due"),
    }


def _render_list(request, *, title, tickets, params, queue=None, assignable=()):
    page = CappedPaginator(tickets, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "employee_portal/work/list.html",
        {
            "title": title,
            "queue": queue,
            "page_obj": page,
            "tickets": page.object_list,
            "params": params,
            "status_filters": STATUS_FILTERS,
            "sort_choices": SORT_CHOICES,
            "priorities": Priority.choices,
            "assignable": assignable,
            "show_queue": queue is None,
        },
    )


@ticket_agent_required
@require_GET
def my_work(request):
    params = _list_params(request)
    tickets = selectors.agent_tickets(request.user, mine=True, **params)
    return _render_list(request, title=_("My work"), tickets=tickets, params=params)


@ticket_agent_required
@require_GET
def queue_view(request, slug: str):
    queue = get_object_or_404(selectors.queues_for_agent(request.user), slug=slug)
    params = _list_params(request)
    tickets = selectors.agent_tickets(request.user, queue=queue, **params)
    return _render_list(
        request,
        title=queue.name,
        tickets=tickets,
        params=params,
        queue=queue,
        assignable=agents.assignable_choices(queue),
    )


@ticket_agent_required
@require_POST
def bulk_assign(request):
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    form = BulkAssignForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(back or "employee:work")
    choice = form.cleaned_data["assignee"]
    if choice == "me":
        assignee = request.user
    elif choice == "none":
        assignee = None
    else:
        assignee = get_object_or_404(
            selectors.agents_of_queues(worked_queue_ids(request.user)),
            pk=whole_number(choice) or 0,
        )
    # Only tickets this agent may work are touched, whatever ids were posted.
    tickets = (
        Ticket.objects.visible_to(request.user, as_agent=True)
        .filter(pk__in=form.cleaned_data["ids"][:200])
        .select_related("queue")
    )
    assigned, skipped = ticket_assign_many(
        tickets=tickets, assignee=assignee, by=request.user, request=request
    )
    if assigned:
        messages.success(request, _("%(count)d tickets assigned.") % {"count": assigned})
    if skipped:
        messages.warning(
            request,
            _("%(count)d tickets were skipped: %(person)s does not work their queue.")
            % {"count": skipped, "person": assignee},
        )
    return redirect(back or "employee:work")


def person_label(person: Person) -> str:
    return person.get_full_name()
