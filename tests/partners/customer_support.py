"""What the support-for-customers tests share: the cast, the served registration, and asking
the partner desk on a partner's behalf. The `setting` fixture that builds the cast is in
conftest.py; the tests are in test_support_for_customers_*.py."""

from dataclasses import dataclass

from django.urls import reverse

from core.access.roles import Role
from core.partners.lifecycle import DealStatus
from core.partners.lifecycle import Side as DealSide
from core.partners.services.deals import deal_close, deal_decide
from tests.tickets.factories import hat

from .factories import make_deal


@dataclass
class Setting:
    nusantara: object
    agus: object  # partner admin at Nusantara
    rizky: object  # Agus's colleague, not an admin
    liam: object  # partner at another firm
    acme: object  # customer account Nusantara won
    emily: object  # Acme contact, the one invited
    oliver: object  # Acme contact, not invited
    stranger: object  # customer of another organisation
    hendra: object  # channel manager, works the partner desk
    deal: object


def served_deal(partner_firm, customer_account, hendra, *, won=False):
    """A registration for `customer_account` that the channel manager approved (and won)."""
    deal = make_deal(
        partner_firm,
        submit=True,
        customer_company=customer_account.name,
        customer_domain=customer_account.email_domain,
    )
    deal = deal_decide(deal=deal, by=hendra, decision=DealStatus.APPROVED)
    if won:
        deal = deal_close(deal=deal, by=hendra, side=DealSide.CHANNEL, won=True)
    return deal


def ask(client, person, **fields):
    client.force_login(person)
    values = {
        "assignment": hat(person, Role.PARTNER).pk,
        "subject": "Trackers stopped reporting",
        "description": "14 of 40 trackers show no position since the update.",
        "priority": "high",
    }
    values.update(fields)
    return client.post(reverse("partner:ticket-new"), values)


def for_acme(s: Setting) -> str:
    return f"{s.acme.pk}:{s.nusantara.pk}"


def status_of(client, person, url) -> int:
    client.force_login(person)
    return client.get(url).status_code
