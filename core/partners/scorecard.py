"""A partner firm's scorecard, in a fixed number of queries whatever its history:
deals (registered, approved, won, value, win rate), lead acceptance speed, MDF spent,
certifications held by its people, and where it stands in the tier ladder."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.utils import timezone

from core.access.roles import Role
from core.learning.models import Certificate
from core.orgs.models import PartnerTier
from core.people.models import RoleAssignment

from .lifecycle import DealStatus
from .models import DealRegistration, FundRequest, LeadOffer

DECIDED = [DealStatus.APPROVED, DealStatus.WON, DealStatus.LOST, DealStatus.EXPIRED]


@dataclass
class Scorecard:
    firm: object
    registered: int = 0
    approved: int = 0
    won: int = 0
    lost: int = 0
    won_value: Decimal = Decimal(0)
    pipeline_value: Decimal = Decimal(0)
    win_rate: int | None = None
    lead_hours: float | None = None
    leads_answered: int = 0
    mdf_approved: Decimal = Decimal(0)
    mdf_spent: Decimal = Decimal(0)
    certificates: int = 0
    next_tier: object = None
    tier_position: int = 0
    tier_count: int = 0
    chart: dict = field(default_factory=dict)


def scorecard_for(firm) -> Scorecard:
    card = Scorecard(firm=firm)
    deals = DealRegistration.objects.filter(partner=firm).aggregate(
        registered=Count("pk", filter=~Q(status=DealStatus.DRAFT)),
        approved=Count("pk", filter=Q(status__in=DECIDED)),
        won=Count("pk", filter=Q(status=DealStatus.WON)),
        lost=Count("pk", filter=Q(status=DealStatus.LOST)),
        won_value=Sum("value", filter=Q(status=DealStatus.WON)),
        pipeline_value=Sum("value", filter=Q(status=DealStatus.APPROVED)),
    )
    for key, value in deals.items():
        setattr(card, key, value or 0)
    if card.won + card.lost:
        card.win_rate = round(100 * card.won / (card.won + card.lost))
    answered = list(
        LeadOffer.objects.filter(
            partner=firm,
            outcome__in=[LeadOffer.Outcome.ACCEPTED, LeadOffer.Outcome.DECLINED],
            responded_at__isnull=False,
        ).values_list("offered_at", "responded_at")[:500]
    )
    if answered:
        card.leads_answered = len(answered)
        seconds = sum((done - offered).total_seconds() for offered, done in answered)
        card.lead_hours = round(seconds / len(answered) / 3600, 1)
    funds = FundRequest.objects.filter(budget__partner=firm).aggregate(
        approved=Sum(
            "approved_amount",
            filter=Q(
                status__in=[
                    FundRequest.Status.APPROVED,
                    FundRequest.Status.CLAIMED,
                    FundRequest.Status.PAID,
                ]
            ),
        ),
        spent=Sum(
            "claimed_amount",
            filter=Q(status__in=[FundRequest.Status.CLAIMED, FundRequest.Status.PAID]),
        ),
    )
    card.mdf_approved = funds["approved"] or 0
    card.mdf_spent = funds["spent"] or 0
    people = RoleAssignment.objects.current().filter(role=Role.PARTNER, organisation=firm)
    card.certificates = (
        Certificate.objects.valid(timezone.now())
        .filter(Exists(people.filter(person=OuterRef("person"))))
        .count()
    )
    tiers = list(PartnerTier.objects.order_by("rank"))
    card.tier_count = len(tiers)
    current = firm.partner_tier_id
    for index, tier in enumerate(tiers):
        if tier.pk == current:
            card.tier_position = index + 1
            card.next_tier = tiers[index + 1] if index + 1 < len(tiers) else None
    card.chart = _chart(
        [
            ("registered", card.registered),
            ("approved", card.approved),
            ("won", card.won),
            ("lost", card.lost),
        ]
    )
    return card


def _chart(values, *, width=560, bar=26, gap=12, label_width=110) -> dict:
    """Geometry for an inline SVG bar chart (no script, no library)."""
    top = max((v for _, v in values), default=0) or 1
    plot = width - label_width - 50
    bars = []
    for index, (key, value) in enumerate(values):
        y = index * (bar + gap)
        length = max(value * plot // top, 1)
        bars.append(
            {
                "key": key,
                "value": value,
                "y": y,
                "text_y": y + bar * 0.7,
                "width": length,
                "value_x": label_width + length + 6,
            }
        )
    return {
        "width": width,
        "height": len(values) * (bar + gap),
        "bar": bar,
        "label_width": label_width,
        "plot": plot,
        "bars": bars,
    }
