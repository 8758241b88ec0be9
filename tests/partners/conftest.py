"""The cast of the support-for-customers tests (test_support_for_customers_*.py): a partner
firm serving one customer account, its contacts, another firm and the partner desk."""

import pytest

from core.access.roles import Duty, Role
from tests.factories import OrganisationFactory
from tests.tickets.factories import customer, support_desk

from .customer_support import Setting, served_deal
from .factories import channel_manager, firm, partner_at


@pytest.fixture
def setting():
    desk = support_desk(slug="partner-desk", role=Role.PARTNER, group=Duty.CHANNEL_MANAGER.value)
    hendra = channel_manager()
    hendra.groups.add(*desk.agent.groups.all())
    nusantara = firm("Nusantara Test")
    acme = OrganisationFactory(name="Acme Logistics", email_domain="acme.example")
    deal = served_deal(nusantara, acme, hendra)
    return Setting(
        nusantara=nusantara,
        agus=partner_at(nusantara, admin=True),
        rizky=partner_at(nusantara),
        liam=partner_at(firm("Pacific Test", tier_slug="silver"), admin=True),
        acme=acme,
        emily=customer(acme, email="emily@acme.example"),
        oliver=customer(acme, admin=True),
        stranger=customer(),
        hendra=hendra,
        deal=deal,
    )
