"""Partner and channel pages cost the same number of queries with few or many records."""

from decimal import Decimal

import pytest
from django.urls import reverse

from core.partners.services import deals as deal_services
from core.partners.services import mdf
from tests.queries import queries_to_get

from .factories import budget, channel_manager, firm, make_deal, partner_at, product

pytestmark = pytest.mark.django_db


def grow(nusantara, agus, hendra, b, start, n):
    for i in range(start, start + n):
        deal = make_deal(
            nusantara,
            agus,
            submit=True,
            value=Decimal("99999"),
            customer_company=f"Customer {i}",
            customer_domain=f"c{i}.example",
            products=[product(), product("Samudra POS")],
        )
        deal_services.deal_decide(deal=deal, by=hendra, decision="more_info", reason="Which sites?")
        mdf.fund_request_submit(
            budget=b, by=agus, activity=f"Event {i}", planned_cost=Decimal(10), expected_outcome="x"
        )


def test_partner_and_channel_pages_do_not_grow_with_the_data(client):
    nusantara = firm()
    agus, hendra = partner_at(nusantara, admin=True), channel_manager()
    b = budget(nusantara, "100000")
    grow(nusantara, agus, hendra, b, 0, 2)
    queue_deal = make_deal(
        nusantara, agus, submit=True, value=Decimal("99999"), customer_company="Queue 0"
    )
    partner_urls = [
        reverse("partner:deals"),
        reverse("partner:dashboard"),
        reverse("partner:mdf"),
        reverse("partner:scorecard"),
        reverse("partner:team"),
        reverse("partner:deal", args=[queue_deal.pk]),
    ]
    channel_urls = [
        reverse("employee:channel"),
        reverse("employee:channel-deals") + "?status=more_info",
        reverse("employee:channel-deal", args=[queue_deal.pk]),
    ]
    client.force_login(agus)
    client.get(reverse("partner:dashboard"))  # fills the cache of the portal's pages
    before = [queries_to_get(client, url) for url in partner_urls]
    client.force_login(hendra)
    before += [queries_to_get(client, url) for url in channel_urls]
    grow(nusantara, agus, hendra, b, 10, 6)
    for i in range(3):
        make_deal(
            nusantara, agus, submit=True, value=Decimal("99999"), customer_company=f"Queue {i + 1}"
        )
    client.force_login(agus)
    after = [queries_to_get(client, url) for url in partner_urls]
    client.force_login(hendra)
    after += [queries_to_get(client, url) for url in channel_urls]
    assert after == before
