"""Leads, the channel manager's side: enter a lead (distributed at once unless it is left in
the pool to be claimed), see who would get it and why, and hand a pool lead out."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import partners as access
from core.access.guards import duty_required
from core.access.roles import Duty
from core.partners.models import Lead
from core.partners.services import leads as services

from .forms import LeadForm

CHANNEL = duty_required(Duty.CHANNEL_MANAGER)


def channel_leads(person):
    return Lead.objects.filter(access.lead_visibility(person, as_channel=True))


@CHANNEL
def lead_list(request):
    form = LeadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        lead = services.lead_create(by=request.user, distribute=not data["claimable"], **data)
        if lead.partner_id:
            messages.success(request, _("Offered to %(firm)s.") % {"firm": lead.partner.name})
        else:
            messages.success(request, _("The lead is in the pool."))
        return redirect("employee:channel-lead", lead.pk)
    leads = channel_leads(request.user).select_related("partner").order_by("-created_at", "-pk")
    page = Paginator(leads, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "employee_portal/channel/leads.html",
        {"form": form, "page_obj": page, "leads": page.object_list},
        status=400 if request.method == "POST" else 200,
    )


@CHANNEL
def lead_detail(request, pk: int):
    lead = get_object_or_404(channel_leads(request.user).select_related("partner", "deal"), pk=pk)
    return render(
        request,
        "employee_portal/channel/lead.html",
        {
            "lead": lead,
            "offers": lead.offers.select_related("partner", "responded_by"),
            "candidates": services.candidates(lead) if lead.status == Lead.Status.POOL else [],
        },
    )


@CHANNEL
@require_POST
def lead_distribute(request, pk: int):
    lead = get_object_or_404(channel_leads(request.user), pk=pk)
    try:
        offer = services.lead_distribute(lead=lead, by=request.user)
    except services.LeadError as error:
        messages.error(request, error.message)
    else:
        if offer is None:
            messages.warning(request, _("No partner firm is eligible for this lead."))
        else:
            messages.success(request, _("Offered to %(firm)s.") % {"firm": offer.partner.name})
    return redirect("employee:channel-lead", lead.pk)
