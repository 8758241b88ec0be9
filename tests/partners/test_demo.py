"""The demo tells a believable story: both firms have deals in every state, a conflict,
leads, funds, and an application waits for review. And running it twice changes nothing."""

import pytest

from core.demo.steps import seed_world
from core.partners.lifecycle import DealStatus
from core.partners.models import (
    DealConflict,
    DealRegistration,
    FundRequest,
    Lead,
    PartnerApplication,
)

pytestmark = pytest.mark.django_db


def test_demo_has_every_state_a_conflict_and_is_idempotent(world):
    states = set(DealRegistration.objects.values_list("status", flat=True))
    assert states == set(DealStatus.values)
    for firm in ("nusantara", "pacific"):
        assert DealRegistration.objects.filter(partner=world.orgs[firm]).count() >= 5
    assert DealConflict.objects.filter(deal=world.objects["deal:maju-fleet"]).exists()
    assert DealConflict.objects.filter(
        deal=world.objects["deal:sinarjaya"], kind=DealConflict.Kind.CUSTOMER
    ).exists()
    assert world.objects["deal:sentosa"].auto_approved
    assert set(FundRequest.objects.values_list("status", flat=True)) == set(
        FundRequest.Status.values
    )
    assert set(Lead.objects.values_list("status", flat=True)) >= {"pool", "offered", "accepted"}
    assert PartnerApplication.objects.get(company="CV Cahaya Digital").status == "submitted"
    counts = (DealRegistration.objects.count(), FundRequest.objects.count(), Lead.objects.count())
    seed_world()
    assert counts == (
        DealRegistration.objects.count(),
        FundRequest.objects.count(),
        Lead.objects.count(),
    )
