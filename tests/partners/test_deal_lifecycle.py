"""Deal registration: the lifecycle, who may move it, conflicts, protection and its expiry."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.partners.lifecycle import (
    TRANSITIONS,
    DealStatus,
    Side,
    TransitionNotAllowed,
    allowed_targets,
    check_transition,
)
from core.partners.models import AutoApprovalRule, DealConflict, DealLine, DealRegistration
from core.partners.normalise import company_key, domain_key
from core.partners.services import deals as services

from .factories import channel_manager, firm, make_deal, partner_at, product

pytestmark = pytest.mark.django_db
S = DealStatus


def test_company_names_normalise_to_one_key():
    assert company_key("PT. Maju Bersama Tbk") == "maju bersama"
    assert company_key("MAJU-BERSAMA, PT") == "maju bersama"
    assert company_key("Harbour Freight Co.") == "harbour freight"
    assert company_key("Toko Sumber Rejeki") == "toko sumber rejeki"
    assert company_key("Café Ñusa & Co") == "cafe nusa and"


def test_domains_normalise_from_addresses_and_links():
    assert domain_key("ops@Harbour-Freight.example") == "harbour-freight.example"
    assert domain_key("https://www.harbour-freight.example/contact") == "harbour-freight.example"
    assert domain_key("") == ""


def test_only_the_listed_transitions_exist_for_each_side():
    """Every (from, to, side) of the 8 x 8 x 3: accepted exactly when the table lists it."""
    accepted = set()
    for status in S:
        for target in S:
            for side in Side:
                try:
                    check_transition(status, target, side, reason="because")
                    accepted.add((status.value, target.value, side.value))
                except TransitionNotAllowed:
                    pass
                listed = side in TRANSITIONS.get((status, target), frozenset())
                assert (target in allowed_targets(status, side)) == listed
    assert accepted == {
        ("draft", "submitted", "partner"),
        ("more_info", "submitted", "partner"),
        ("submitted", "approved", "channel"),
        ("submitted", "approved", "system"),
        ("submitted", "rejected", "channel"),
        ("submitted", "more_info", "channel"),
        ("approved", "won", "partner"),
        ("approved", "won", "channel"),
        ("approved", "lost", "partner"),
        ("approved", "lost", "channel"),
        ("approved", "expired", "system"),
    }


def test_rejecting_or_asking_for_more_needs_a_reason():
    with pytest.raises(TransitionNotAllowed):
        check_transition(S.SUBMITTED, S.REJECTED, Side.CHANNEL, reason="  ")
    with pytest.raises(TransitionNotAllowed):
        check_transition(S.SUBMITTED, S.MORE_INFO, Side.CHANNEL)


def test_full_journey_draft_submitted_more_info_approved_won_with_history():
    nusantara = firm("Nusantara Test")
    agus = partner_at(nusantara)
    hendra = channel_manager()
    deal = make_deal(nusantara, agus, value=Decimal("90000"))
    assert deal.status == S.DRAFT
    deal = services.deal_submit(deal=deal, by=agus)
    assert deal.status == S.SUBMITTED and deal.submitted_at
    deal = services.deal_decide(deal=deal, by=hendra, decision=S.MORE_INFO, reason="Which sites?")
    assert deal.status == S.MORE_INFO
    deal = services.deal_submit(deal=deal, by=agus)
    deal = services.deal_decide(deal=deal, by=hendra, decision=S.APPROVED)
    assert deal.status == S.APPROVED
    assert deal.protected_until.date() == (timezone.now() + timedelta(days=120)).date()
    assert list(deal.lines.values_list("protected", flat=True)) == [True]
    deal = services.deal_close(deal=deal, by=agus, side=Side.PARTNER, won=True)
    assert deal.status == S.WON
    assert list(deal.lines.values_list("protected", flat=True)) == [False]
    actions = list(deal.events.values_list("action", flat=True))
    assert actions == ["created", "submitted", "more_info", "submitted", "approved", "won"]
    assert deal.events.get(action="more_info").note == "Which sites?"


def test_rejection_keeps_the_reason():
    deal = make_deal(firm(), submit=True, value=Decimal("999999"))
    deal = services.deal_decide(
        deal=deal, by=channel_manager(), decision=S.REJECTED, reason="Direct account"
    )
    assert deal.status == S.REJECTED and deal.decision_reason == "Direct account"


def test_a_partner_cannot_approve_and_the_system_cannot_reject():
    deal = make_deal(firm(), submit=True, value=Decimal("999999"))
    with pytest.raises(TransitionNotAllowed):
        services.deal_close(deal=deal, by=None, side=Side.PARTNER, won=True)
    with pytest.raises(TransitionNotAllowed):
        services.deal_submit(deal=deal, by=None)


def test_editing_records_what_changed_and_only_while_editable():
    nusantara = firm()
    agus = partner_at(nusantara)
    deal = make_deal(nusantara, agus)
    data = services.DealData(
        **{
            **{f: getattr(deal, f) for f in services.FIELDS},
            "products": [product(), product("Samudra Fleet")],
        }
    )
    services.deal_update(
        deal=deal, by=agus, data=data._replace() if hasattr(data, "_replace") else data
    )
    event = deal.events.get(action="edited")
    assert "Samudra Fleet" in event.changes["products"]
    services.deal_submit(deal=deal, by=agus)
    with pytest.raises(TransitionNotAllowed):
        services.deal_update(deal=deal, by=agus, data=data)


def test_submit_records_conflicts_with_open_registrations_and_customers():
    from tests.factories import OrganisationFactory

    customer = OrganisationFactory(name="Toko Sumber Rejeki", email_domain="sumberrejeki.example")
    first = make_deal(
        firm(),
        submit=True,
        customer_company="PT Harbour Freight",
        customer_domain="harbour.example",
        value=Decimal("10"),
    )
    second = make_deal(
        firm(tier_slug="silver"),
        submit=True,
        customer_company="Harbour Freight Co",
        customer_domain="",
        value=Decimal("10"),
    )
    conflicts = list(second.conflicts.all())
    assert [(c.kind, c.other_deal_id, c.matched_on) for c in conflicts] == [
        (DealConflict.Kind.REGISTRATION, first.pk, DealConflict.Match.NAME)
    ]
    third = make_deal(
        firm(),
        submit=True,
        customer_company="Sumber Rejeki Toko",
        customer_domain="sumberrejeki.example",
    )
    assert [(c.kind, c.organisation_id, c.matched_on) for c in third.conflicts.all()] == [
        (DealConflict.Kind.CUSTOMER, customer.pk, DealConflict.Match.DOMAIN)
    ]
    unrelated = make_deal(
        firm(), submit=True, customer_company="Nothing Alike", customer_domain="alike.example"
    )
    assert not unrelated.conflicts.exists()


def test_auto_approval_rules_are_data_per_tier_and_value():
    gold = firm(tier_slug="gold")
    AutoApprovalRule.objects.create(
        tier=gold.partner_tier, max_value=Decimal("50000"), currency="USD"
    )
    small = make_deal(
        gold,
        submit=True,
        value=Decimal("49999"),
        customer_company="A Co",
        customer_domain="a.example",
    )
    large = make_deal(
        gold,
        submit=True,
        value=Decimal("50001"),
        customer_company="B Co",
        customer_domain="b.example",
    )
    other_currency = make_deal(
        gold,
        submit=True,
        value=Decimal("100"),
        currency="IDR",
        customer_company="C Co",
        customer_domain="c.example",
    )
    silver = make_deal(
        firm(tier_slug="silver"),
        submit=True,
        value=Decimal("100"),
        customer_company="D Co",
        customer_domain="d.example",
    )
    assert small.status == S.APPROVED and small.auto_approved
    assert [large.status, other_currency.status, silver.status] == [S.SUBMITTED] * 3


def test_a_conflict_stops_auto_approval():
    gold = firm(tier_slug="gold")
    AutoApprovalRule.objects.create(
        tier=gold.partner_tier, max_value=Decimal("50000"), currency="USD"
    )
    make_deal(firm(tier_slug="silver"), submit=True, value=Decimal("10"))
    second = make_deal(gold, submit=True, value=Decimal("10"))
    assert second.status == S.SUBMITTED and second.conflicts.exists()


def test_two_partners_cannot_both_hold_an_approved_registration_for_customer_and_product():
    hendra = channel_manager()
    first = make_deal(firm(), submit=True, value=Decimal("1"))
    second = make_deal(firm(), submit=True, value=Decimal("1"), customer_company="Maju Bersama, PT")
    services.deal_decide(deal=first, by=hendra, decision=S.APPROVED)
    with pytest.raises(services.DealConflictError):
        services.deal_decide(deal=second, by=hendra, decision=S.APPROVED)
    second.refresh_from_db()
    assert second.status == S.SUBMITTED


def test_the_database_refuses_a_second_protected_line_even_bypassing_services():
    first = make_deal(firm())
    second = make_deal(firm())
    DealLine.objects.filter(deal=first).update(protected=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        DealLine.objects.filter(deal=second).update(protected=True)


def test_a_different_product_for_the_same_customer_may_be_approved():
    hendra = channel_manager()
    first = make_deal(firm(), submit=True, value=Decimal("1"))
    second = make_deal(firm(), submit=True, value=Decimal("1"), products=[product("Samudra POS")])
    services.deal_decide(deal=first, by=hendra, decision=S.APPROVED)
    services.deal_decide(deal=second, by=hendra, decision=S.APPROVED)
    assert DealRegistration.objects.filter(status=S.APPROVED).count() == 2


def test_expiry_job_expires_protection_unless_extended_and_runs_once():
    hendra = channel_manager()
    old = make_deal(firm(), submit=True, value=Decimal("1"))
    kept = make_deal(
        firm(),
        submit=True,
        value=Decimal("1"),
        customer_company="Other",
        customer_domain="o.example",
    )
    for deal in (old, kept):
        services.deal_decide(deal=deal, by=hendra, decision=S.APPROVED)
    past = timezone.now() - timedelta(minutes=1)
    DealRegistration.objects.filter(pk__in=[old.pk, kept.pk]).update(protected_until=past)
    services.deal_extend(deal=kept, by=hendra, days=30)
    assert services.deals_expire() == 1
    assert services.deals_expire() == 0
    old.refresh_from_db()
    kept.refresh_from_db()
    assert old.status == S.EXPIRED and not old.lines.filter(protected=True).exists()
    assert kept.status == S.APPROVED and kept.protected_until > timezone.now() + timedelta(days=29)
    assert old.events.filter(action="expired", actor=None).count() == 1
    # the customer is free again: another partner's registration can now be approved
    again = make_deal(firm(), submit=True, value=Decimal("1"))
    services.deal_decide(deal=again, by=hendra, decision=S.APPROVED)
