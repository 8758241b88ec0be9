from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from core.orgs.models import Organisation, PartnerTier, ValueTier


@pytest.mark.django_db
def test_demo_partner_firms_hold_their_programme_tiers(module_world, db):
    world = module_world
    nusantara = Organisation.objects.get(pk=world.orgs["nusantara"].pk)
    assert nusantara.partner_tier.slug == "gold"
    assert nusantara.partner_tier.deal_protection_days == 120
    assert list(PartnerTier.objects.values_list("slug", flat=True)) == [
        "registered",
        "silver",
        "gold",
        "platinum",
    ]
    assert Organisation.objects.get(pk=world.orgs["sinarjaya"].pk).value_tier == ValueTier.GOLD


@pytest.mark.django_db
def test_a_tier_discount_above_100_percent_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerTier.objects.create(name="Bad", slug="bad", rank=9, discount_percent=Decimal(101))


@pytest.mark.django_db
def test_a_tier_still_held_by_a_firm_cannot_be_deleted(module_world, db):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        module_world.objects["tier:gold"].delete()
