"""Every list that reads its filters from the query string answers a page, whatever a link
carries: NUL bytes (which PostgreSQL refuses in text), digits int() refuses, long strings."""

from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from core.access.roles import Duty, Role
from tests.factories import person_with
from tests.partners.factories import channel_manager, firm, partner_at
from tests.tickets.factories import customer, support_desk

HOSTILE = st.text(max_size=200) | st.sampled_from(["\x00", "²", "TCK-²", "9" * 30, "a\x00b"])
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FILTERS = st.fixed_dictionaries(
    dict.fromkeys(("q", "status", "scope", "assignee", "priority", "sort", "page"), HOSTILE)
)


class ListFilterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.desk = support_desk()
        cls.customer = customer(admin=True)
        cls.partner = partner_at(firm(), admin=True)
        cls.channel = channel_manager()
        cls.investor = person_with(Role.INVESTOR)
        cls.ir_officer = person_with(Role.EMPLOYEE, duties=(Duty.IR_OFFICER,))

    def setup_example(self):
        super().setup_example()
        cache.clear()

    def assert_page(self, person, url_name, filters, *args):
        self.client.force_login(person)
        response = self.client.get(reverse(url_name, args=args), filters)
        assert response.status_code == 200, (url_name, filters)

    @FAST
    @given(filters=FILTERS)
    def test_requester_ticket_lists(self, filters):
        self.assert_page(self.customer, "customer:tickets", filters)
        self.assert_page(self.partner, "partner:tickets", filters)

    @FAST
    @given(filters=FILTERS, article=HOSTILE)
    def test_agent_ticket_lists(self, filters, article):
        self.assert_page(self.desk.agent, "employee:work-mine", filters)
        self.assert_page(self.desk.agent, "employee:work-queue", filters, self.desk.queue.slug)

    @FAST
    @given(filters=FILTERS)
    def test_deal_lists(self, filters):
        self.assert_page(self.partner, "partner:deals", filters)
        self.assert_page(self.channel, "employee:channel-deals", filters)

    @FAST
    @given(filters=FILTERS, year=HOSTILE)
    def test_investor_library(self, filters, year):
        self.assert_page(self.investor, "investor:library", {**filters, "year": year})
        self.assert_page(self.ir_officer, "employee:ir-disclosures", {**filters, "year": year})
