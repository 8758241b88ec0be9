"""A partner firm's scorecard, in a fixed number of queries whatever its history:
deals (registered, approved, won, value, win rate), lead acceptance speed, MDF spent and what
the paid activities were for, certifications held by its people, and where it stands in the
tier ladder: progress toward the next tier's requirements (data on PartnerTier)."""

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access.roles import Role
from core.charts import BarChart, bar_chart
from core.learning.models import Certificate
from core.orgs.models import PartnerTier
from core.people.models import RoleAssignment

from .lifecycle import DealStatus
from .models import DealRegistration, FundRequest, LeadOffer

DECIDED = [DealStatus.APPROVED, DealStatus.WON, DealStatus.LOST, DealStatus.EXPIRED]
# Tier requirements count deals won within this window.
REQUIREMENT_WINDOW = timedelta(days=365)
PAID_SHOWN = 5


@dataclass(frozen=True)
class Requirement:
    """One of the next tier's requirements and how far the firm is: `key` names it for the
    screen (won_value, won_deals, certified_people)."""

    key: str
    have: Decimal | int
    need: Decimal | int
    currency: str = ""

    @property
    def met(self) -> bool:
        return self.have >= self.need

    @property
    def percent(self) -> int:
        return 100 if self.met else int(100 * self.have / self.need)

    @property
    def missing(self) -> Decimal | int:
        return max(self.need - self.have, 0)


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
    mdf_paid: list = field(default_factory=list)  # the latest paid activities
    certificates: int = 0
    certified_people: int = 0
    won_recently: dict = field(default_factory=dict)  # currency → (won value, won deals)
    next_tier: object = None
    tier_position: int = 0
    tier_count: int = 0
    progress: list[Requirement] = field(default_factory=list)
    won_elsewhere: list = field(default_factory=list)  # (currency, value) the target ignores
    chart: BarChart | None = None

    @property
    def mdf_spent_percent(self) -> int | None:
        if not self.mdf_approved:
            return None
        return min(int(100 * self.mdf_spent / self.mdf_approved), 100)

    @property
    def ready_for_next_tier(self) -> bool:
        return bool(self.progress) and all(r.met for r in self.progress)


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
    card.mdf_paid = list(
        FundRequest.objects.filter(budget__partner=firm, status=FundRequest.Status.PAID)
        .select_related("budget")
        .order_by("-paid_at", "-pk")[:PAID_SHOWN]
    )
    now = timezone.now()
    people = RoleAssignment.objects.current().filter(role=Role.PARTNER, organisation=firm)
    held = (
        Certificate.objects.valid(now)
        .filter(Exists(people.filter(person=OuterRef("person"))))
        .aggregate(certificates=Count("pk"), people=Count("person", distinct=True))
    )
    card.certificates, card.certified_people = held["certificates"], held["people"]
    card.won_recently = {
        row["currency"]: (row["value"], row["deals"])
        for row in DealRegistration.objects.filter(
            partner=firm, status=DealStatus.WON, closed_at__gte=now - REQUIREMENT_WINDOW
        )
        .values("currency")
        .annotate(value=Sum("value"), deals=Count("pk"))
        .order_by("currency")
    }
    tiers = list(PartnerTier.objects.order_by("rank"))
    card.tier_count = len(tiers)
    current = firm.partner_tier_id
    for index, tier in enumerate(tiers):
        if tier.pk == current:
            card.tier_position = index + 1
            card.next_tier = tiers[index + 1] if index + 1 < len(tiers) else None
    if current is None and tiers:
        card.next_tier = tiers[0]
    if card.next_tier is not None:
        _progress(card, card.next_tier)
    card.chart = _chart(card)
    return card


def _progress(card: Scorecard, tier) -> None:
    """The next tier's requirements (those it sets) against the firm's last twelve months.
    Won value counts deals in the tier's currency; other currencies are listed beside it,
    since the programme keeps no exchange rates."""
    currency = tier.requirement_currency
    won_value = card.won_recently.get(currency, (Decimal(0), 0))[0]
    won_deals = sum(deals for _value, deals in card.won_recently.values())
    wanted = [
        Requirement("won_value", won_value, tier.min_won_value, currency),
        Requirement("won_deals", won_deals, tier.min_won_deals),
        Requirement("certified_people", card.certified_people, tier.min_certified_people),
    ]
    card.progress = [requirement for requirement in wanted if requirement.need > 0]
    card.won_elsewhere = [
        (other, value) for other, (value, _deals) in card.won_recently.items() if other != currency
    ]


def _chart(card: Scorecard) -> BarChart:
    """The firm's deal registrations by outcome; the largest count fills the plot."""
    counts = [
        (_("Registered"), card.registered),
        (_("Approved"), card.approved),
        (_("Won"), card.won),
        (_("Lost"), card.lost),
    ]
    return bar_chart(
        [(label, count, str(count)) for label, count in counts],
        dom_id=f"chart-{card.firm.pk}",
        title=_("Deal registrations by outcome"),
        description=_("The same figures are listed above."),
        top=max(count for _label, count in counts),
        width=560,
        label_width=110,
        bar=26,
        gap=12,
    )
