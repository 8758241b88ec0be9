"""Deal registrations, the partner's side. Every registration comes from the access module's
scoped queryset (the person's own firms only); any other answers 404."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from core.access import partners as access
from core.access.guards import portal_required
from core.access.roles import Role
from core.params import search_text
from core.partners import selectors
from core.partners.closing import deal_close_from_form
from core.partners.forms import CloseDealForm
from core.partners.lifecycle import EDITABLE, DealStatus, Side, TransitionNotAllowed
from core.partners.models import DealRegistration
from core.partners.services import deals as services

from .forms import DealForm

ROLE = Role.PARTNER
PAGE_SIZE = 20
STATUS_FILTERS = [("open", gettext_lazy("Open")), *DealStatus.choices, ("all", gettext_lazy("All"))]


def partner_deals(person):
    return DealRegistration.objects.visible_to(person, as_channel=False)


def get_deal(request, pk: int) -> DealRegistration:
    return get_object_or_404(
        partner_deals(request.user).select_related("partner", "registered_by", "decided_by"),
        pk=pk,
    )


@portal_required(ROLE)
@require_GET
def deal_list(request):
    status = request.GET.get("status", "open")
    query = search_text(request)
    deals = selectors.deal_list(partner_deals(request.user), status=status, query=query)
    page = Paginator(deals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "partner_portal/deals/list.html",
        {
            "page_obj": page,
            "deals": selectors.with_products(page.object_list),
            "status": status,
            "query": query,
            "status_filters": STATUS_FILTERS,
        },
    )


def _save_form(request, form, deal=None):
    submit = "submit" in request.POST
    try:
        if deal is None:
            deal = services.deal_create(
                partner=form.firm(), registered_by=request.user, data=form.deal_data()
            )
        else:
            deal = services.deal_update(deal=deal, by=request.user, data=form.deal_data())
        if submit:
            deal = services.deal_submit(deal=deal, by=request.user)
    except TransitionNotAllowed as error:
        form.add_error(None, error.message)
        return None
    if deal.status == DealStatus.APPROVED:
        messages.success(request, _("Registered and approved automatically: it is protected."))
    elif deal.status == DealStatus.SUBMITTED:
        messages.success(request, _("Submitted: the channel team will review it."))
    else:
        messages.success(request, _("Saved as a draft."))
    return deal


@portal_required(ROLE)
def deal_new(request):
    firms = sorted(access_firms(request.user), key=lambda f: f.name)
    form = DealForm(request.POST or None, firms=firms)
    if request.method == "POST" and form.is_valid():
        deal = _save_form(request, form)
        if deal is not None:
            return redirect("partner:deal", deal.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "partner_portal/deals/form.html", {"form": form, "deal": None}, status=status
    )


def access_firms(person):
    from core.access import policies

    return policies.organisations_of(person, ROLE)


@portal_required(ROLE)
def deal_edit(request, pk: int):
    deal = get_deal(request, pk)
    if not access.may_edit_deal(request.user, deal):
        messages.error(request, _("This registration can no longer be changed."))
        return redirect("partner:deal", deal.pk)
    form = DealForm(request.POST or None, initial=DealForm.initial_from(deal), firms=[deal.partner])
    if request.method == "POST" and form.is_valid():
        saved = _save_form(request, form, deal)
        if saved is not None:
            return redirect("partner:deal", deal.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "partner_portal/deals/form.html", {"form": form, "deal": deal}, status=status
    )


@portal_required(ROLE)
@require_GET
def deal_detail(request, pk: int):
    deal = get_deal(request, pk)
    return render(
        request,
        "partner_portal/deals/detail.html",
        {
            "deal": deal,
            "lines": deal.lines.select_related("product"),
            "events": deal.events.select_related("actor"),
            "editable": deal.status in EDITABLE,
            "can_close": deal.status == DealStatus.APPROVED,
            "close_form": CloseDealForm(),
        },
    )


@portal_required(ROLE)
@require_POST
def deal_submit(request, pk: int):
    deal = get_deal(request, pk)
    try:
        deal = services.deal_submit(deal=deal, by=request.user)
    except TransitionNotAllowed as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Submitted: the channel team will review it."))
    return redirect("partner:deal", deal.pk)


@portal_required(ROLE)
@require_POST
def deal_close(request, pk: int):
    deal = get_deal(request, pk)
    form = CloseDealForm(request.POST)
    if deal_close_from_form(form, deal=deal, by=request.user, side=Side.PARTNER) is not None:
        messages.success(request, _("Thank you: the outcome is recorded."))
    elif form.non_field_errors():
        messages.error(request, " ".join(form.non_field_errors()))
    else:
        messages.error(request, _("Choose won or lost."))
    return redirect("partner:deal", deal.pk)
