"""The channel manager's side of the partner programme: the registration queue with its
conflicts, decisions, protection extensions, applications and market development funds.
Only channel managers reach these screens (everyone else: 404)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from core.access import partners as access
from core.access.guards import duty_required
from core.access.roles import Duty
from core.params import search_text
from core.partners import selectors
from core.partners.closing import deal_close_from_form
from core.partners.forms import CloseDealForm
from core.partners.lifecycle import DealStatus, Side, TransitionNotAllowed
from core.partners.models import ClaimProof, DealRegistration, FundRequest, PartnerApplication
from core.partners.services import deals as deal_services
from core.partners.services import mdf as mdf_services
from core.partners.services import programme as programme_services
from core.uploads.responses import private_file_response

from .forms import ApplicationDecisionForm, DealDecisionForm, ExtendForm, FundDecisionForm

CHANNEL = duty_required(Duty.CHANNEL_MANAGER)
PAGE_SIZE = 25
STATUS_FILTERS = [*DealStatus.choices[1:], ("all", gettext_lazy("All"))]


def channel_deals(person):
    return DealRegistration.objects.visible_to(person, as_channel=True)


def channel_requests(person):
    return FundRequest.objects.filter(access.fund_request_visibility(person, as_channel=True))


@CHANNEL
@require_GET
def overview(request):
    queue = selectors.channel_queue(channel_deals(request.user))
    page = Paginator(queue, PAGE_SIZE).get_page(request.GET.get("page"))
    applications = PartnerApplication.objects.filter(
        status=PartnerApplication.Status.SUBMITTED
    ).order_by("submitted_at")[:50]
    funds = selectors.fund_requests(
        channel_requests(request.user).filter(
            status__in=[FundRequest.Status.SUBMITTED, FundRequest.Status.CLAIMED]
        )
    )[:50]
    return render(
        request,
        "employee_portal/channel/overview.html",
        {
            "page_obj": page,
            "deals": selectors.with_products(page.object_list),
            "applications": applications,
            "funds": funds,
        },
    )


@CHANNEL
@require_GET
def deal_list(request):
    status = request.GET.get("status", "approved")
    query = search_text(request)
    deals = selectors.deal_list(channel_deals(request.user), status=status, query=query)
    page = Paginator(deals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "employee_portal/channel/deals.html",
        {
            "page_obj": page,
            "deals": selectors.with_products(page.object_list),
            "status": status,
            "query": query,
            "status_filters": STATUS_FILTERS,
        },
    )


def _get_deal(request, pk):
    return get_object_or_404(
        channel_deals(request.user).select_related(
            "partner__partner_tier", "registered_by", "customer_account"
        ),
        pk=pk,
    )


def _render_deal(
    request, deal, *, decision_form=None, extend_form=None, close_form=None, status=200
):
    return render(
        request,
        "employee_portal/channel/deal.html",
        {
            "deal": deal,
            "lines": deal.lines.select_related("product"),
            "events": deal.events.select_related("actor"),
            "conflicts": selectors.deal_detail_for_channel(deal),
            "decision_form": decision_form or DealDecisionForm(),
            "extend_form": extend_form or ExtendForm(),
            "close_form": close_form or CloseDealForm(),
            "can_decide": deal.status == DealStatus.SUBMITTED,
            "can_extend": deal.status == DealStatus.APPROVED,
            "can_close": deal.status == DealStatus.APPROVED,
        },
        status=status,
    )


@CHANNEL
@require_GET
def deal_detail(request, pk: int):
    return _render_deal(request, _get_deal(request, pk))


@CHANNEL
@require_POST
def deal_decide(request, pk: int):
    deal = _get_deal(request, pk)
    form = DealDecisionForm(request.POST)
    if form.is_valid():
        try:
            deal_services.deal_decide(
                deal=deal,
                by=request.user,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
            )
        except (TransitionNotAllowed, deal_services.DealConflictError) as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Decision recorded; the partner is e-mailed."))
            return redirect("employee:channel-deal", deal.pk)
    return _render_deal(request, deal, decision_form=form, status=400)


@CHANNEL
@require_POST
def deal_extend(request, pk: int):
    deal = _get_deal(request, pk)
    form = ExtendForm(request.POST)
    if form.is_valid():
        try:
            deal_services.deal_extend(deal=deal, by=request.user, days=form.cleaned_data["days"])
        except TransitionNotAllowed as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Protection extended."))
            return redirect("employee:channel-deal", deal.pk)
    return _render_deal(request, deal, extend_form=form, status=400)


@CHANNEL
@require_POST
def deal_close(request, pk: int):
    """The channel team records an approved registration's outcome (won, or lost with a
    reason), e.g. when the partner did not; the partner is e-mailed."""
    deal = _get_deal(request, pk)
    form = CloseDealForm(request.POST)
    if deal_close_from_form(form, deal=deal, by=request.user, side=Side.CHANNEL) is not None:
        messages.success(request, _("Outcome recorded; the partner is e-mailed."))
        return redirect("employee:channel-deal", deal.pk)
    if form.non_field_errors() and deal.status != DealStatus.APPROVED:
        # Decided meanwhile: nothing to correct on the form.
        messages.error(request, " ".join(form.non_field_errors()))
        return redirect("employee:channel-deal", deal.pk)
    return _render_deal(request, deal, close_form=form, status=400)


@CHANNEL
def application(request, pk: int):
    item = get_object_or_404(
        PartnerApplication.objects.select_related("tier", "organisation"), pk=pk
    )
    form = ApplicationDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            programme_services.application_decide(
                application=item,
                by=request.user,
                decision=data["decision"],
                tier=data["tier"],
                note=data["note"],
            )
        except programme_services.ProgrammeError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Decision recorded; the applicant is e-mailed."))
            return redirect("employee:channel-application", item.pk)
    return render(
        request,
        "employee_portal/channel/application.html",
        {"application": item, "contacts": item.contacts.all(), "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _get_request(request, pk):
    return get_object_or_404(selectors.fund_requests(channel_requests(request.user)), pk=pk)


@CHANNEL
def fund_request(request, pk: int):
    item = _get_request(request, pk)
    form = FundDecisionForm(request.POST or None)
    if request.method == "POST":
        try:
            if "pay" in request.POST:
                mdf_services.claim_pay(fund_request=item, by=request.user)
                messages.success(request, _("Marked as paid."))
                return redirect("employee:channel-fund", item.pk)
            if form.is_valid():
                data = form.cleaned_data
                mdf_services.fund_request_decide(
                    fund_request=item,
                    by=request.user,
                    approve=data["decision"] == "approve",
                    amount=data["amount"],
                    note=data["note"],
                )
                messages.success(request, _("Decision recorded."))
                return redirect("employee:channel-fund", item.pk)
        except mdf_services.MdfError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "employee_portal/channel/fund.html",
        {"fund_request": item, "proofs": item.proofs.all(), "form": form},
        status=400 if request.method == "POST" else 200,
    )


@CHANNEL
@require_GET
def fund_proof(request, pk: int, file_id: int):
    item = _get_request(request, pk)
    return private_file_response(get_object_or_404(ClaimProof, pk=file_id, request=item))
