"""Hypothesis over the deal registration form: whatever is typed, the partner gets a form
answer (never a 500) and a refused registration writes nothing."""

from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from core.partners.models import DealRegistration

from .factories import firm, partner_at, product

ANY_TEXT = st.text(max_size=300)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class DealFormTests(TestCase):
    def setup_example(self):
        super().setup_example()
        cache.clear()

    @FAST
    @given(
        company=ANY_TEXT,
        domain=ANY_TEXT,
        contact=ANY_TEXT,
        email=ANY_TEXT,
        value=st.one_of(ANY_TEXT, st.decimals(allow_nan=True).map(str)),
        currency=st.one_of(st.sampled_from(["USD", "IDR"]), ANY_TEXT),
        close=st.one_of(st.dates().map(str), ANY_TEXT),
        products=st.lists(st.one_of(st.integers(), ANY_TEXT), max_size=3),
    )
    def test_any_deal_input_is_answered_and_never_half_written(
        self, company, domain, contact, email, value, currency, close, products
    ):
        nusantara = firm()
        self.client.force_login(partner_at(nusantara))
        real = product()
        response = self.client.post(
            reverse("partner:deal-new"),
            {
                "title": "Opportunity",
                "customer_company": company,
                "customer_domain": domain,
                "contact_name": contact,
                "contact_email": email,
                "value": value,
                "currency": currency,
                "expected_close": close,
                "products": [real.pk, *products] if products else [],
                "submit": "1",
            },
        )
        assert response.status_code in (302, 400)
        if response.status_code == 400:
            assert not DealRegistration.objects.exists()
        else:
            deal = DealRegistration.objects.get()
            assert deal.lines.count() >= 1 and deal.value >= 0
