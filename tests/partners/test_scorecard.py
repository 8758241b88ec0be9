"""The scorecard's tier progress: the next tier's requirements are data, counted over the last
twelve months (won value in the tier's currency only), and the MDF outcome of paid activities."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from core.partners.lifecycle import DealStatus
from core.partners.lifecycle import Side as DealSide
from core.partners.models import DealRegistration
from core.partners.scorecard import scorecard_for
from core.partners.services.deals import deal_close, deal_decide

from .factories import channel_manager, firm, make_deal, partner_at, tier

pytestmark = pytest.mark.django_db


def won(partner_firm, hendra, value, currency="USD", *, days_ago=0):
    deal = make_deal(
        partner_firm,
        submit=True,
        value=Decimal(value),
        currency=currency,
        customer_company=f"Customer {value} {currency} {days_ago}",
        customer_domain="",
    )
    if deal.status == DealStatus.SUBMITTED:
        deal = deal_decide(deal=deal, by=hendra, decision=DealStatus.APPROVED)
    deal = deal_close(deal=deal, by=hendra, side=DealSide.CHANNEL, won=True)
    DealRegistration.objects.filter(pk=deal.pk).update(
        closed_at=timezone.now() - timedelta(days=days_ago)
    )
    return deal


def test_progress_counts_the_last_twelve_months_in_the_next_tiers_currency():
    gold = tier("gold", 3)
    gold.min_won_value, gold.min_won_deals, gold.min_certified_people = Decimal(100000), 3, 0
    gold.save()
    pacific, hendra = firm("Pacific Test", tier_slug="silver"), channel_manager()
    won(pacific, hendra, "60000")
    won(pacific, hendra, "30000", "SGD", days_ago=40)
    won(pacific, hendra, "90000", days_ago=400)  # too long ago to count
    make_deal(pacific, submit=True, customer_company="Open one")  # not won

    card = scorecard_for(pacific)
    assert card.next_tier == gold
    assert [(r.key, r.have, r.need, r.percent, r.met) for r in card.progress] == [
        ("won_value", Decimal(60000), Decimal(100000), 60, False),
        ("won_deals", 2, 3, 66, False),
    ]  # a requirement the tier does not set (certified people: 0) is not shown
    assert card.progress[0].missing == Decimal(40000)
    assert card.won_elsewhere == [("SGD", Decimal(30000))]
    assert not card.ready_for_next_tier

    won(pacific, hendra, "45000", days_ago=10)
    card = scorecard_for(pacific)
    assert all(r.met and r.percent == 100 for r in card.progress)
    assert card.ready_for_next_tier


def test_the_top_tier_has_no_next_and_a_tier_without_requirements_says_so(client):
    platinum = tier("platinum", 4)
    top = firm("Top Test", tier_slug="platinum")
    assert scorecard_for(top).next_tier is None and scorecard_for(top).progress == []
    tier("registered", 1)
    newcomer = firm("New Test", tier_slug="registered")
    card = scorecard_for(newcomer)
    assert card.next_tier == platinum and card.progress == []
    client.force_login(partner_at(newcomer))
    page = client.get(reverse("partner:scorecard")).content.decode()
    assert "Platinum has no published requirements" in page
    assert "No funds approved yet." in page


def test_the_demo_scorecards_show_believable_progress_and_paid_funds(module_world, db, client):
    world = module_world
    nusantara = scorecard_for(world.orgs["nusantara"])
    assert nusantara.next_tier.slug == "platinum"
    progress = {r.key: (r.have, r.need) for r in nusantara.progress}
    assert progress["won_value"] == (Decimal(28000 + 36000), Decimal(250000))
    assert progress["won_deals"] == (2, 6)
    assert progress["certified_people"][1] == 4 and progress["certified_people"][0] >= 1
    assert [item.activity for item in nusantara.mdf_paid] == ["Booth at Indonesia Logistics Expo"]
    assert nusantara.mdf_spent_percent == 95  # 12,450 spent of 13,000 approved

    pacific = scorecard_for(world.orgs["pacific"])
    assert pacific.next_tier.slug == "gold"
    assert pacific.won_elsewhere == [("SGD", Decimal(45000))]

    client.force_login(world.people["partner"])
    page = client.get(reverse("partner:scorecard")).content.decode()
    assert "On the way to Platinum" in page
    assert "USD 64,000 of 250,000" in page
    assert 'aria-valuenow="25"' in page
    assert "Meet 200 visitors; 25 leads." in page  # the paid expo's expected outcome
    assert "Held as planned; attendee list and invoices attached." in page
    firm_pk = world.orgs["nusantara"].pk
    assert f'<title id="chart-{firm_pk}-title">Deal registrations by outcome</title>' in page
    assert 'class="chart-label">Won</text>' in page
