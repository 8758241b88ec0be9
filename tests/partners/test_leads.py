"""Lead distribution: eligible firms by territory and specialisation, the best tier weight
for the current load wins, a decline or a lapse moves the lead on."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core.partners.lifecycle import DealStatus
from core.partners.models import Lead, LeadOffer, PartnerProfile
from core.partners.services import leads as services

from .factories import channel_manager, firm, partner_at

pytestmark = pytest.mark.django_db


def firm_with(name, tier_slug, country="ID", territories="", specialisations="warehousing"):
    organisation = firm(name, tier_slug=tier_slug, country=country)
    tier = organisation.partner_tier
    tier.lead_weight = {"silver": 2, "gold": 3, "platinum": 5}.get(tier_slug, 1)
    tier.save()
    PartnerProfile.objects.create(
        organisation=organisation, territories=territories, specialisations=specialisations
    )
    return organisation


def new_lead(**fields):
    values = {
        "company": "PT Gudang",
        "contact_name": "Sri",
        "country": "ID",
        "specialisation": "warehousing",
    }
    values.update(fields)
    return services.lead_create(by=channel_manager(), **values)


def test_the_best_weight_for_the_load_wins_and_the_order_is_deterministic():
    gold = firm_with("Gold Firm", "gold")
    silver = firm_with("Silver Firm", "silver")
    firm_with("Elsewhere", "platinum", country="SG")
    firm_with("Wrong Skills", "platinum", specialisations="retail")
    pool_lead = new_lead(company="Pool", distribute=False)
    ranked = services.candidates(pool_lead)
    assert [(c.organisation, c.weight, c.load) for c in ranked] == [(gold, 3, 0), (silver, 2, 0)]
    assert new_lead().partner == gold
    # gold now carries one lead: 3/2 = 1.5 < silver's 2/1, so the next goes to silver
    assert new_lead(company="Second").partner == silver
    # gold 3/2 = 1.5 vs silver 2/2 = 1: gold again
    assert new_lead(company="Third").partner == gold


def test_a_territory_listed_by_a_firm_abroad_counts():
    abroad = firm_with("Singapore Firm", "gold", country="SG", territories="batam, riau islands")
    lead = new_lead(territory="Batam")
    assert lead.partner == abroad


def test_accepting_makes_a_draft_deal_registration():
    gold = firm_with("Gold Firm", "gold")
    agus = partner_at(gold)
    lead = new_lead(description="Two warehouses")
    deal = services.lead_accept(
        lead=lead, by=agus, next_step="Site visit", expected_revenue=Decimal("55000")
    )
    lead.refresh_from_db()
    assert lead.status == Lead.Status.ACCEPTED and lead.deal == deal
    assert (deal.status, deal.partner, deal.value, deal.customer_company) == (
        DealStatus.DRAFT,
        gold,
        Decimal("55000"),
        "PT Gudang",
    )
    assert lead.offers.get().outcome == LeadOffer.Outcome.ACCEPTED


def test_declining_needs_a_reason_and_moves_the_lead_to_the_next_firm():
    gold = firm_with("Gold Firm", "gold")
    silver = firm_with("Silver Firm", "silver")
    lead = new_lead()
    with pytest.raises(services.LeadError):
        services.lead_decline(lead=lead, by=partner_at(gold), reason="")
    services.lead_decline(lead=lead, by=partner_at(gold), reason="No capacity")
    lead.refresh_from_db()
    assert lead.partner == silver and lead.status == Lead.Status.OFFERED
    # and never back to the firm that declined
    services.lead_decline(lead=lead, by=partner_at(silver), reason="Too small")
    lead.refresh_from_db()
    assert lead.status == Lead.Status.POOL and lead.partner is None


def test_an_unanswered_lead_returns_to_the_pool_and_is_reassigned_once():
    gold = firm_with("Gold Firm", "gold")
    silver = firm_with("Silver Firm", "silver")
    lead = new_lead()
    assert lead.partner == gold
    assert services.leads_reassign_lapsed() == 0
    later = timezone.now() + services.response_window() + timedelta(minutes=1)
    assert services.leads_reassign_lapsed(now=later) == 1
    assert services.leads_reassign_lapsed(now=later) == 0
    lead.refresh_from_db()
    assert lead.partner == silver
    outcomes = list(lead.offers.values_list("partner__name", "outcome"))
    assert outcomes == [("Gold Firm", "timed_out"), ("Silver Firm", "pending")]
    with pytest.raises(services.LeadError):
        services.lead_accept(
            lead=lead, by=partner_at(gold), next_step="x", expected_revenue=Decimal(1)
        )


def test_a_claimable_pool_lead_is_claimed_only_by_an_eligible_firm():
    gold = firm_with("Gold Firm", "gold")
    abroad = firm_with("Abroad", "gold", country="SG")
    lead = new_lead(claimable=True, distribute=False)
    assert lead.status == Lead.Status.POOL
    with pytest.raises(services.LeadError):
        services.lead_claim(
            lead=lead,
            by=partner_at(abroad),
            organisation=abroad,
            next_step="x",
            expected_revenue=Decimal(1),
        )
    deal = services.lead_claim(
        lead=lead,
        by=partner_at(gold),
        organisation=gold,
        next_step="Call",
        expected_revenue=Decimal(10),
    )
    assert deal.partner == gold
