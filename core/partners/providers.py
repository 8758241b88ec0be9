"""The partner programme in the approvals inbox and in customer 360.

Inbox (channel managers): submitted deal registrations (approve, or reject with a reason;
asking for more information is on the registration's page), partner applications (decided on
their page, since approval needs a tier) and fund requests (approve in full or reject).
Customer 360: a partner firm's registrations, the registrations naming a customer account,
and the registrations a person entered. Every employee sees the count; only channel managers
see the rows, which link to the channel screens.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import approvals, customer360
from core.access import partners as access
from core.access.roles import OrganisationKind

from .lifecycle import DealStatus, TransitionNotAllowed
from .models import DealRegistration, FundRequest, PartnerApplication
from .normalise import company_key

TONES = {
    "submitted": "warning",
    "more_info": "warning",
    "approved": "success",
    "won": "success",
    "rejected": "danger",
    "expired": "danger",
}


# --- approvals -------------------------------------------------------------------------------
def _queue(person):
    return DealRegistration.objects.visible_to(person, as_channel=True).filter(
        status=DealStatus.SUBMITTED
    )


def _deal_pending(person, limit):
    return [
        approvals.ApprovalItem(
            provider="partner-deals",
            item_id=str(d.pk),
            kind=_("Deal registration"),
            title=f"{d.reference} {d.customer_company}",
            requested_by=" · ".join(
                part for part in (getattr(d.registered_by, "full_name", ""), d.partner.name) if part
            ),
            requested_at=d.submitted_at or d.created_at,
            summary=f"{d.value:,.0f} {d.currency}",
            detail_url=reverse("employee:channel-deal", args=[d.pk]),
        )
        for d in _queue(person)
        .select_related("partner", "registered_by")
        .order_by("-submitted_at")[:limit]
    ]


def _deal_decide(person, item_id, approve, reason):
    from .services.deals import DealConflictError, deal_decide

    deal = _queue(person).filter(pk=int(item_id)).first()
    if deal is None:
        raise Http404
    try:
        deal_decide(
            deal=deal,
            by=person,
            decision=DealStatus.APPROVED if approve else DealStatus.REJECTED,
            reason=reason,
        )
    except (TransitionNotAllowed, DealConflictError) as error:
        raise ValidationError(error.message) from None
    return _("Registration approved.") if approve else _("Registration rejected.")


approvals.register(
    approvals.ApprovalProvider(
        key="partner-deals",
        label=gettext_lazy("Deal registrations"),
        pending=_deal_pending,
        count=lambda person: _queue(person).count(),
        decide=_deal_decide,
        order=30,
    )
)


def _applications(person):
    if not access.is_channel_manager(person):
        return PartnerApplication.objects.none()
    return PartnerApplication.objects.filter(status=PartnerApplication.Status.SUBMITTED)


def _application_decide(person, item_id, approve, reason):
    from .services.programme import ProgrammeError, application_decide

    application = _applications(person).filter(pk=int(item_id)).first()
    if application is None:
        raise Http404
    if approve:
        raise ValidationError(_("Choose the tier on the application's page."))
    try:
        application_decide(application=application, by=person, decision="rejected", note=reason)
    except ProgrammeError as error:
        raise ValidationError(error.message) from None
    return _("Application rejected.")


approvals.register(
    approvals.ApprovalProvider(
        key="partner-applications",
        label=gettext_lazy("Partner applications"),
        pending=lambda person, limit: [
            approvals.ApprovalItem(
                provider="partner-applications",
                item_id=str(a.pk),
                kind=_("Partner application"),
                title=a.company,
                requested_by=f"{a.city} {a.country}".strip(),
                requested_at=a.submitted_at,
                summary=a.specialisations,
                detail_url=reverse("employee:channel-application", args=[a.pk]),
                decide_here=False,
            )
            for a in _applications(person).order_by("-submitted_at")[:limit]
        ],
        count=lambda person: _applications(person).count(),
        decide=_application_decide,
        order=31,
    )
)


def _funds(person):
    return FundRequest.objects.filter(
        access.fund_request_visibility(person, as_channel=True),
        status=FundRequest.Status.SUBMITTED,
    )


def _fund_decide(person, item_id, approve, reason):
    from .services.mdf import MdfError, fund_request_decide

    item = _funds(person).filter(pk=int(item_id)).first()
    if item is None:
        raise Http404
    try:
        fund_request_decide(fund_request=item, by=person, approve=approve, note=reason)
    except MdfError as error:
        raise ValidationError(error.message) from None
    return _("Fund request approved.") if approve else _("Fund request rejected.")


approvals.register(
    approvals.ApprovalProvider(
        key="partner-mdf",
        label=gettext_lazy("Market development funds"),
        pending=lambda person, limit: [
            approvals.ApprovalItem(
                provider="partner-mdf",
                item_id=str(f.pk),
                kind=_("Fund request"),
                title=f.activity,
                requested_by=f.budget.partner.name,
                requested_at=f.submitted_at,
                summary=f"{f.planned_cost:,.0f} {f.budget.currency} · {f.expected_outcome}",
                detail_url=reverse("employee:channel-fund", args=[f.pk]),
            )
            for f in _funds(person)
            .select_related("budget__partner")
            .order_by("-submitted_at")[:limit]
        ],
        count=lambda person: _funds(person).count(),
        decide=_fund_decide,
        order=32,
    )
)


# --- customer 360 ----------------------------------------------------------------------------
def _rows(deals, limit, viewer):
    deals = deals.exclude(status=DealStatus.DRAFT)
    total = deals.count()
    if not access.is_channel_manager(viewer):
        return [], total
    rows = [
        customer360.Row(
            title=f"{d.reference} {d.customer_company}",
            detail=f"{d.partner.name} · {d.value:,.0f} {d.currency}",
            url=reverse("employee:channel-deal", args=[d.pk]),
            at=d.created_at,
            badge=d.get_status_display(),
            tone=TONES.get(d.status, ""),
        )
        for d in deals.select_related("partner").order_by("-created_at")[:limit]
    ]
    return rows, total


def _organisation_deals(organisation, limit, viewer):
    if organisation.kind == OrganisationKind.PARTNER:
        return _rows(DealRegistration.objects.filter(partner=organisation), limit, viewer)
    match = Q(customer_key=company_key(organisation.name))
    if organisation.email_domain:
        match |= Q(customer_domain=organisation.email_domain)
    return _rows(DealRegistration.objects.filter(match), limit, viewer)


def _person_timeline(person, limit, viewer):
    if not access.is_channel_manager(viewer):
        return []
    return [
        customer360.Entry(
            at=d.created_at,
            kind=_("Partner"),
            title=_("Registered a deal for %(customer)s") % {"customer": d.customer_company},
            url=reverse("employee:channel-deal", args=[d.pk]),
        )
        for d in DealRegistration.objects.filter(registered_by=person)
        .exclude(status=DealStatus.DRAFT)
        .order_by("-created_at")[:limit]
    ]


customer360.register_section(
    customer360.SectionSpec(
        "partner-deals",
        gettext_lazy("Deal registrations"),
        customer360.ORGANISATION,
        _organisation_deals,
        order=40,
        empty=gettext_lazy("No deal registrations."),
    )
)
customer360.register_section(
    customer360.SectionSpec(
        "partner-deals",
        gettext_lazy("Deals registered"),
        customer360.PERSON,
        lambda person, limit, viewer: _rows(
            DealRegistration.objects.filter(registered_by=person), limit, viewer
        ),
        order=40,
        empty=gettext_lazy("No deals registered."),
    )
)
customer360.register_timeline(
    customer360.TimelineSpec("partner-deals", customer360.PERSON, _person_timeline)
)
