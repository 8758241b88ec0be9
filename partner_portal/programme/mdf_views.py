"""Market development funds, the partner's side: budgets, requests, claims with proof."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.access import partners as access
from core.access.guards import portal_required
from core.access.roles import Role
from core.partners import selectors
from core.partners.models import ClaimProof, FundRequest, MdfBudget
from core.partners.services import mdf as services
from core.uploads.responses import private_file_response

from .forms import ClaimForm, FundRequestForm

ROLE = Role.PARTNER


def partner_budgets(person):
    return MdfBudget.objects.filter(access.budget_visibility(person, as_channel=False))


def partner_requests(person):
    return FundRequest.objects.filter(access.fund_request_visibility(person, as_channel=False))


def get_request(request, pk: int) -> FundRequest:
    return get_object_or_404(selectors.fund_requests(partner_requests(request.user)), pk=pk)


@portal_required(ROLE)
def mdf_overview(request):
    budgets = partner_budgets(request.user).select_related("partner")
    form = FundRequestForm(request.POST or None, budgets=budgets)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            fund_request = services.fund_request_submit(
                budget=data["budget"],
                by=request.user,
                activity=data["activity"],
                planned_cost=data["planned_cost"],
                expected_outcome=data["expected_outcome"],
            )
        except services.MdfError as error:
            form.add_error("planned_cost", error.message)
        else:
            messages.success(request, _("Requested: the channel team will decide."))
            return redirect("partner:mdf-request", fund_request.pk)
    page = Paginator(selectors.fund_requests(partner_requests(request.user)), 20).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "partner_portal/mdf/overview.html",
        {"budgets": list(budgets), "form": form, "page_obj": page, "requests": page.object_list},
        status=400 if request.method == "POST" else 200,
    )


@portal_required(ROLE)
def mdf_request(request, pk: int):
    fund_request = get_request(request, pk)
    form = ClaimForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.claim_submit(
                fund_request=fund_request,
                by=request.user,
                amount=form.cleaned_data["amount"],
                notes=form.cleaned_data["notes"],
                proofs=form.cleaned_data["proofs"],
            )
        except services.MdfError as error:
            form.add_error("amount", error.message)
        else:
            messages.success(request, _("Claim submitted with its proof."))
            return redirect("partner:mdf-request", fund_request.pk)
    return render(
        request,
        "partner_portal/mdf/request.html",
        {
            "fund_request": fund_request,
            "proofs": fund_request.proofs.all(),
            "form": form,
            "can_claim": fund_request.status == FundRequest.Status.APPROVED,
        },
        status=400 if request.method == "POST" else 200,
    )


@portal_required(ROLE)
@require_GET
def mdf_proof(request, pk: int, file_id: int):
    fund_request = get_request(request, pk)
    proof = get_object_or_404(ClaimProof, pk=file_id, request=fund_request)
    return private_file_response(proof)
