"""The programme in the approvals inbox and customer 360: only channel managers decide or see
rows; every other employee sees a count at most."""

from decimal import Decimal

import pytest
from django.http import Http404

from core import approvals, customer360
from core.access.roles import Role
from core.partners.lifecycle import DealStatus
from core.partners.services import mdf
from tests.factories import OrganisationFactory, person_with

from .factories import budget, channel_manager, firm, make_deal, partner_at

pytestmark = pytest.mark.django_db


def test_the_registries_hold_the_programme():
    assert {"partner-deals", "partner-applications", "partner-mdf"} <= {
        p.key for p in approvals.providers()
    }
    registered = customer360.registered()
    assert {"organisation:partner-deals", "person:partner-deals"} <= set(registered["sections"])


def test_channel_managers_decide_registrations_and_funds_from_the_inbox():
    nusantara = firm()
    agus, hendra = partner_at(nusantara), channel_manager()
    deal = make_deal(nusantara, agus, submit=True, value=Decimal("99999"))
    item = mdf.fund_request_submit(
        budget=budget(nusantara),
        by=agus,
        activity="Expo",
        planned_cost=Decimal(100),
        expected_outcome="x",
    )
    inbox = approvals.inbox_for(hendra)
    assert inbox.counts["partner-deals"] == 1 and inbox.counts["partner-mdf"] == 1
    approvals.decide(
        hendra, provider_key="partner-deals", item_id=str(deal.pk), approve=True, reason=""
    )
    approvals.decide(
        hendra, provider_key="partner-mdf", item_id=str(item.pk), approve=False, reason="No"
    )
    deal.refresh_from_db()
    item.refresh_from_db()
    assert deal.status == DealStatus.APPROVED and item.status == "rejected"
    employee = person_with(Role.EMPLOYEE)
    assert approvals.inbox_for(employee).counts["partner-deals"] == 0
    other = make_deal(
        nusantara, agus, submit=True, value=Decimal("99999"), customer_company="Other"
    )
    with pytest.raises(Http404):
        approvals.decide(
            employee, provider_key="partner-deals", item_id=str(other.pk), approve=True, reason=""
        )


def test_customer_360_rows_for_channel_managers_counts_for_others():
    customer = OrganisationFactory(name="PT Maju Bersama", email_domain="majubersama.example")
    nusantara = firm()
    make_deal(nusantara, submit=True, value=Decimal("99999"))
    make_deal(nusantara)  # a draft is the partner's own business
    for viewer, rows in ((channel_manager(), 1), (person_with(Role.EMPLOYEE), 0)):
        for subject in (customer, nusantara):
            sections = {
                s.key: s
                for s in customer360.sections_for(subject, customer360.ORGANISATION, viewer=viewer)
            }
            assert sections["partner-deals"].total == 1
            assert len(sections["partner-deals"].rows) == rows


def test_a_refused_inbox_decision_is_reported_as_an_error():
    from django.core.exceptions import ValidationError

    hendra = channel_manager()
    first = make_deal(firm(), submit=True, value=Decimal("99999"))
    second = make_deal(firm(), submit=True, value=Decimal("99999"))
    approvals.decide(
        hendra, provider_key="partner-deals", item_id=str(first.pk), approve=True, reason=""
    )
    with pytest.raises(ValidationError):
        approvals.decide(
            hendra, provider_key="partner-deals", item_id=str(second.pk), approve=True, reason=""
        )
    second.refresh_from_db()
    assert second.status == DealStatus.SUBMITTED
