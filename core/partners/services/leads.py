"""Lead distribution: deterministic, explainable, and re-run when a partner lets a lead lapse.

A firm is eligible for a lead when it is an active partner firm that accepts leads, sells in
the lead's country (or lists the lead's territory), covers its specialisation (when the lead
names one), and has not declined or let this lead lapse before. Among the eligible, the firm
with the highest score wins:

    score = tier lead weight / (1 + current load)

where the load is the firm's leads waiting for its answer plus those it accepted that are not
yet closed. Ties go to the higher tier, then the firm's name, so the same data always gives
the same answer.
"""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access.partners import may_act_for_firm
from core.access.roles import OrganisationKind
from core.audit.services import audit_record
from core.orgs.models import Organisation

from ..models import Lead, LeadOffer, PartnerProfile
from .deals import DealData, deal_create

L = Lead.Status
O = LeadOffer.Outcome  # noqa: E741


class LeadError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Candidate:
    organisation: Organisation
    weight: int
    load: int

    @property
    def score(self) -> Fraction:
        return Fraction(self.weight, 1 + self.load)


def response_window() -> timedelta:
    return timedelta(hours=settings.PARTNERS_LEAD_RESPONSE_HOURS)


def _eligible(lead: Lead, profile: PartnerProfile | None, organisation: Organisation) -> bool:
    if profile is not None and not profile.accepts_leads:
        return False
    territories = PartnerProfile.words(profile.territories) if profile else set()
    in_territory = organisation.country == lead.country or (
        lead.territory and lead.territory.casefold() in territories
    )
    if not in_territory:
        return False
    if lead.specialisation:
        covered = PartnerProfile.words(profile.specialisations) if profile else set()
        if lead.specialisation.casefold() not in covered:
            return False
    return True


def candidates(lead: Lead) -> list[Candidate]:
    """The eligible firms, best first, in two queries."""
    passed = LeadOffer.objects.filter(lead=lead, outcome__in=[O.DECLINED, O.TIMED_OUT]).values(
        "partner_id"
    )
    firms = (
        Organisation.objects.filter(kind=OrganisationKind.PARTNER, is_active=True)
        .exclude(pk__in=passed)
        .select_related("partner_tier", "partner_profile")
        .annotate(
            load=Count(
                "leads",
                filter=Q(leads__status__in=[L.OFFERED, L.ACCEPTED]) & ~Q(leads__pk=lead.pk),
            )
        )
    )
    found = []
    for firm in firms:
        profile = getattr(firm, "partner_profile", None)
        if not _eligible(lead, profile, firm):
            continue
        weight = firm.partner_tier.lead_weight if firm.partner_tier else 1
        found.append(Candidate(firm, weight, firm.load))
    rank = {
        c.organisation.pk: (c.organisation.partner_tier.rank if c.organisation.partner_tier else 0)
        for c in found
    }
    found.sort(
        key=lambda c: (-c.score, -rank[c.organisation.pk], c.organisation.name, c.organisation.pk)
    )
    return found


def _offer(lead: Lead, organisation: Organisation, now) -> LeadOffer:
    lead.status = L.OFFERED
    lead.partner = organisation
    lead.respond_by = now + response_window()
    lead.save(update_fields=["status", "partner", "respond_by"])
    return LeadOffer.objects.create(
        lead=lead, partner=organisation, offered_at=now, respond_by=lead.respond_by
    )


def _to_pool(lead: Lead) -> None:
    lead.status = L.POOL
    lead.partner = None
    lead.respond_by = None
    lead.save(update_fields=["status", "partner", "respond_by"])


@transaction.atomic
def lead_distribute(
    *, lead: Lead, by=None, to: Organisation | None = None, now=None
) -> LeadOffer | None:
    """Offer the lead to `to` (a channel manager's choice) or to the best candidate; with
    none eligible it stays in the pool."""
    lead = Lead.objects.select_for_update().get(pk=lead.pk)
    if lead.status not in (L.POOL,):
        raise LeadError(_("This lead is already with a partner."))
    now = now or timezone.now()
    if to is None:
        ranked = candidates(lead)
        if not ranked:
            return None
        to = ranked[0].organisation
    offer = _offer(lead, to, now)
    audit_record("lead.offered", actor=by, target=lead, changes={"partner": str(to)})
    return offer


@transaction.atomic
def lead_create(*, by, distribute: bool = True, **fields) -> Lead:
    lead = Lead.objects.create(created_by=by, **fields)
    if distribute:
        lead_distribute(lead=lead, by=by)
        lead.refresh_from_db()
    return lead


def _pending_offer(lead: Lead, organisation, by=None) -> LeadOffer:
    if by is not None and not may_act_for_firm(by, organisation):
        raise LeadError(_("This lead is no longer waiting for your answer."))
    offer = (
        LeadOffer.objects.select_for_update()
        .filter(lead=lead, partner=organisation, outcome=O.PENDING)
        .first()
    )
    if offer is None or lead.status != L.OFFERED or lead.partner_id != organisation.pk:
        raise LeadError(_("This lead is no longer waiting for your answer."))
    return offer


@transaction.atomic
def lead_accept(*, lead: Lead, by, next_step: str, expected_revenue: Decimal):
    """The partner takes the lead: it becomes a draft deal registration to complete."""
    lead = Lead.objects.select_for_update().get(pk=lead.pk)
    offer = _pending_offer(lead, lead.partner, by)
    now = timezone.now()
    if now > offer.respond_by:
        raise LeadError(_("The time to answer has passed."))
    offer.outcome = O.ACCEPTED
    return _take(lead, offer, by=by, next_step=next_step, expected_revenue=expected_revenue)


def _take(lead, offer, *, by, next_step, expected_revenue):
    now = timezone.now()
    offer.responded_at = now
    offer.responded_by = by
    offer.next_step = next_step
    offer.expected_revenue = expected_revenue
    offer.save()
    deal = deal_create(
        partner=offer.partner,
        registered_by=by,
        data=DealData(
            title=next_step or _("Lead from the channel team"),
            customer_company=lead.company,
            customer_domain="",
            contact_name=lead.contact_name,
            contact_email=lead.contact_email,
            contact_phone="",
            products=[],
            value=expected_revenue,
            currency=lead.currency,
            expected_close=(now + timedelta(days=90)).date(),
            notes=lead.description,
        ),
    )
    lead.status = L.ACCEPTED
    lead.partner = offer.partner
    lead.respond_by = None
    lead.deal = deal
    lead.save(update_fields=["status", "partner", "respond_by", "deal"])
    audit_record("lead.accepted", actor=by, target=lead)
    return deal


@transaction.atomic
def lead_decline(*, lead: Lead, by, reason: str) -> LeadOffer | None:
    """The partner passes (with a reason); the lead goes to the next best firm."""
    if not reason.strip():
        raise LeadError(_("Please give a reason."))
    lead = Lead.objects.select_for_update().get(pk=lead.pk)
    offer = _pending_offer(lead, lead.partner, by)
    offer.outcome = O.DECLINED
    offer.reason = reason
    offer.responded_at = timezone.now()
    offer.responded_by = by
    offer.save()
    _to_pool(lead)
    return lead_distribute(lead=lead, by=None)


@transaction.atomic
def lead_claim(*, lead: Lead, by, organisation, next_step: str, expected_revenue: Decimal):
    """A partner claims a claimable lead from the pool, when its firm is eligible."""
    lead = Lead.objects.select_for_update().get(pk=lead.pk)
    if lead.status != L.POOL or not lead.claimable:
        raise LeadError(_("This lead cannot be claimed."))
    if organisation.pk not in {c.organisation.pk for c in candidates(lead)}:
        raise LeadError(_("This lead is for partners in another territory or specialisation."))
    offer = LeadOffer.objects.create(lead=lead, partner=organisation, outcome=O.CLAIMED)
    return _take(lead, offer, by=by, next_step=next_step, expected_revenue=expected_revenue)


def leads_reassign_lapsed(*, now=None) -> int:
    """The beat job: offers not answered in time lapse, and each lead goes to the next firm.
    Each lead is locked and re-checked, so a second run or worker does nothing twice."""
    now = now or timezone.now()
    moved = 0
    due = list(
        Lead.objects.filter(status=L.OFFERED, respond_by__lte=now).values_list("pk", flat=True)[
            :500
        ]
    )
    for pk in due:
        with transaction.atomic():
            lead = (
                Lead.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=L.OFFERED, respond_by__lte=now)
                .first()
            )
            if lead is None:
                continue
            LeadOffer.objects.filter(lead=lead, outcome=O.PENDING).update(
                outcome=O.TIMED_OUT, responded_at=now
            )
            _to_pool(lead)
            lead_distribute(lead=lead, now=now)
            moved += 1
    return moved
