"""Leads, the partner's side: answer an offered lead (accept: it becomes a deal registration;
decline with a reason) within the time given, or claim one from the pool."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.access import partners as access
from core.access import policies
from core.access.guards import portal_required
from core.access.roles import Role
from core.partners.models import Lead
from core.partners.services import leads as services

from .forms import LeadAcceptForm, LeadDeclineForm

ROLE = Role.PARTNER


def partner_leads(person):
    return Lead.objects.filter(access.lead_visibility(person, as_channel=False))


@portal_required(ROLE)
@require_GET
def lead_list(request):
    leads = (
        partner_leads(request.user)
        .select_related("partner", "deal")
        .order_by("status", "respond_by", "-created_at")[:100]
    )
    groups = {"offered": [], "pool": [], "accepted": [], "closed": []}
    for lead in leads:
        groups.setdefault(lead.status, []).append(lead)
    return render(request, "partner_portal/leads/list.html", {"groups": groups})


def _get(request, pk):
    return get_object_or_404(partner_leads(request.user).select_related("partner", "deal"), pk=pk)


@portal_required(ROLE)
@require_GET
def lead_detail(request, pk: int):
    lead = _get(request, pk)
    return render(
        request,
        "partner_portal/leads/detail.html",
        {"lead": lead, "accept_form": LeadAcceptForm(), "decline_form": LeadDeclineForm()},
    )


@portal_required(ROLE)
@require_POST
def lead_answer(request, pk: int):
    lead = _get(request, pk)
    accept_form = LeadAcceptForm(request.POST if "accept" in request.POST else None)
    decline_form = LeadDeclineForm(request.POST if "decline" in request.POST else None)
    try:
        if "decline" in request.POST and decline_form.is_valid():
            services.lead_decline(
                lead=lead, by=request.user, reason=decline_form.cleaned_data["reason"]
            )
            messages.success(request, _("Declined; the lead goes to another partner."))
            return redirect("partner:leads")
        if "accept" in request.POST and accept_form.is_valid():
            data = accept_form.cleaned_data
            if lead.status == Lead.Status.POOL:
                firms = policies.organisations_of(request.user, ROLE)
                firm = next((f for f in firms if f.country == lead.country), firms[0])
                deal = services.lead_claim(
                    lead=lead,
                    by=request.user,
                    organisation=firm,
                    next_step=data["next_step"],
                    expected_revenue=data["expected_revenue"],
                )
            else:
                deal = services.lead_accept(
                    lead=lead,
                    by=request.user,
                    next_step=data["next_step"],
                    expected_revenue=data["expected_revenue"],
                )
            messages.success(request, _("Yours: complete the deal registration and submit it."))
            return redirect("partner:deal-edit", deal.pk)
    except services.LeadError as error:
        messages.error(request, error.message)
        return redirect("partner:lead", lead.pk)
    return render(
        request,
        "partner_portal/leads/detail.html",
        {
            "lead": lead,
            "accept_form": accept_form or LeadAcceptForm(),
            "decline_form": decline_form or LeadDeclineForm(),
        },
        status=400,
    )
