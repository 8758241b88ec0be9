"""Reads for the partner programme's screens, each in a fixed number of queries."""

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from .lifecycle import OPEN, DealStatus
from .models import DealLine, DealRegistration, FundRequest


def deal_list(deals: QuerySet, *, status: str = "open", query: str = "") -> QuerySet:
    if status == "open":
        deals = deals.filter(status__in=OPEN | {DealStatus.DRAFT})
    elif status in DealStatus.values:
        deals = deals.filter(status=status)
    if query:
        deals = deals.filter(Q(customer_company__icontains=query) | Q(title__icontains=query))
    return deals.select_related("partner__partner_tier").order_by("-created_at", "-pk")


def with_products(deals) -> list[DealRegistration]:
    """One query for the products of a page of registrations."""
    deals = list(deals)
    lines = DealLine.objects.filter(deal__in=deals).select_related("product")
    by_deal: dict[int, list] = {}
    for line in lines:
        by_deal.setdefault(line.deal_id, []).append(line.product)
    for deal in deals:
        deal.product_list = by_deal.get(deal.pk, [])
    return deals


def channel_queue(deals: QuerySet) -> QuerySet:
    return (
        deals.filter(status=DealStatus.SUBMITTED)
        .select_related("partner__partner_tier", "registered_by")
        .annotate(conflict_count=Count("conflicts"))
        .order_by("submitted_at", "pk")
    )


def deal_detail_for_channel(deal: DealRegistration):
    return deal.conflicts.select_related("other_deal__partner", "organisation")


def deal_figures(deals: QuerySet) -> dict:
    return deals.aggregate(
        registered=Count("pk", filter=~Q(status=DealStatus.DRAFT)),
        approved=Count(
            "pk",
            filter=Q(
                status__in=[
                    DealStatus.APPROVED,
                    DealStatus.WON,
                    DealStatus.LOST,
                    DealStatus.EXPIRED,
                ]
            ),
        ),
        won=Count("pk", filter=Q(status=DealStatus.WON)),
        lost=Count("pk", filter=Q(status=DealStatus.LOST)),
        won_value=Sum("value", filter=Q(status=DealStatus.WON)),
        open_value=Sum("value", filter=Q(status=DealStatus.APPROVED)),
    )


def fund_requests(requests: QuerySet) -> QuerySet:
    return requests.select_related("budget__partner", "requested_by").order_by(
        "-submitted_at", "-pk"
    )


def with_proofs(requests) -> list[FundRequest]:
    return list(requests.prefetch_related(Prefetch("proofs")))
