"""Hypothesis over the deal registration form and the partner desk form's end customer: whatever
is typed, the partner gets a form answer (never a 500) and a refused form writes nothing."""

from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from core.access import policies
from core.access.roles import Duty, Role
from core.partners.lifecycle import DealStatus
from core.partners.models import DealRegistration
from core.partners.services.deals import deal_decide
from core.tickets.models import Ticket
from tests.factories import OrganisationFactory
from tests.tickets.factories import support_desk

from .factories import channel_manager, firm, make_deal, partner_at, product

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


class SupportForCustomerFormTests(TestCase):
    """The partner desk form's end customer and contact: any value is a form answer, and a
    ticket is only ever asked for a customer account the firm serves."""

    @classmethod
    def setUpTestData(cls):
        support_desk(slug="partner-desk", role=Role.PARTNER, group=Duty.CHANNEL_MANAGER.value)
        cls.nusantara = firm()
        cls.agus = partner_at(cls.nusantara)
        cls.acme = OrganisationFactory(name="Acme Logistics", email_domain="acme.example")
        deal = make_deal(
            cls.nusantara,
            submit=True,
            customer_company="Acme Logistics",
            customer_domain="acme.example",
        )
        deal_decide(deal=deal, by=channel_manager(), decision=DealStatus.APPROVED)
        cls.served = f"{cls.acme.pk}:{cls.nusantara.pk}"

    def setup_example(self):
        super().setup_example()
        cache.clear()

    @FAST
    @given(
        on_behalf_of=st.one_of(ANY_TEXT, st.just("served"), st.just("")),
        contact_email=st.one_of(ANY_TEXT, st.emails(), st.just("")),
    )
    def test_any_end_customer_or_contact_gets_a_form_answer(self, on_behalf_of, contact_email):
        self.client.force_login(self.agus)
        before = Ticket.objects.count()
        response = self.client.post(
            reverse("partner:ticket-new"),
            {
                "assignment": policies.current_assignments(self.agus)[0].pk,
                "subject": "Trackers stopped reporting",
                "description": "Since the update.",
                "priority": "normal",
                "on_behalf_of": self.served if on_behalf_of == "served" else on_behalf_of,
                "contact_email": contact_email,
            },
        )
        assert response.status_code in (302, 400)
        assert Ticket.objects.count() == before + (response.status_code == 302)
        for ticket in Ticket.objects.exclude(on_behalf_of=None):
            assert ticket.on_behalf_of == self.acme
