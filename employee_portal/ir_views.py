"""Investor relations officers' screens: the disclosure audit (what went live, when, for whom
and by whom; CSV for fair-disclosure evidence) and the verification of shareholders."""

import csv

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.access.guards import duty_required
from core.access.roles import Duty, Role
from core.investors import services
from core.investors.forms import HolderVerifyForm
from core.investors.models import Disclosure
from core.params import calendar_year
from core.people.models import Person

PAGE_SIZE = 50


def _disclosures(request):
    disclosures = Disclosure.objects.select_related("published_by")
    year = request.GET.get("year", "")
    if (number := calendar_year(year)) is not None:
        disclosures = disclosures.filter(published_at__year=number)
    return disclosures.order_by("-published_at", "-pk"), year


@duty_required(Duty.IR_OFFICER)
@require_GET
def disclosures(request):
    rows, year = _disclosures(request)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "employee_portal/ir/disclosures.html", {"page_obj": page, "year": year})


@duty_required(Duty.IR_OFFICER)
@require_GET
def disclosures_csv(request):
    rows, _year = _disclosures(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="disclosures.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "published_at_utc",
            "kind",
            "id",
            "title",
            "category",
            "audience",
            "published_by",
            "scheduled_for_utc",
            "revision",
        ]
    )
    for row in rows.iterator(chunk_size=2000):
        writer.writerow(
            [
                row.published_at.isoformat(),
                row.kind,
                row.object_id,
                _safe(row.title),
                row.category,
                row.audience,
                _safe(row.published_by.get_full_name() if row.published_by else ""),
                row.scheduled_for.isoformat() if row.scheduled_for else "",
                row.revision_id or "",
            ]
        )
    return response


def _safe(text: str) -> str:
    """No spreadsheet formulas from titles or names (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _investors():
    return (
        Person.objects.filter(
            role_assignments__role=Role.INVESTOR, role_assignments__until__isnull=True
        )
        .distinct()
        .select_related("investor_profile")
        .order_by("full_name", "pk")
    )


@duty_required(Duty.IR_OFFICER)
@require_GET
def holders(request):
    query = request.GET.get("q", "")[:100].strip()
    people = _investors()
    if query:
        people = people.filter(
            Q(email__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
        )
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "employee_portal/ir/holders.html",
        {"page_obj": page, "query": query, "form": HolderVerifyForm()},
    )


@duty_required(Duty.IR_OFFICER)
@require_POST
def holder_verify(request, person_id: int):
    investor = get_object_or_404(_investors(), pk=person_id)
    form = HolderVerifyForm(request.POST)
    if form.is_valid():
        services.holder_verify(
            investor=investor,
            by=request.user,
            reference=form.cleaned_data["reference"],
            verified=form.cleaned_data["verified"],
            request=request,
        )
        messages.success(request, _("Saved."))
    else:
        messages.error(request, _("Choose verified or not verified."))
    return redirect("employee:ir-holders")
