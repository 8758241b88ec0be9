"""Whatever people send to the alert sign-up, the unsubscribe link and the information-request
form, they get a clear answer (never a 500) and nothing is half-written."""

from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from core.access.roles import Duty, Role
from core.investors.models import Subscriber
from core.notifications.models import OutboundEmail
from core.tickets.models import Ticket
from tests.factories import person_with
from tests.tickets.factories import support_desk

ANY_TEXT = st.text(max_size=200)
FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class InvestorInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        support_desk(slug="investor-relations", role=Role.INVESTOR, group=Duty.IR_OFFICER.value)
        cls.wulan = person_with(Role.INVESTOR)

    def setup_example(self):
        super().setup_example()
        cache.clear()

    @FAST
    @given(
        email=ANY_TEXT,
        topics=st.lists(ANY_TEXT | st.sampled_from(["results", "press"])),
        language=ANY_TEXT | st.sampled_from(["en", "id"]),
    )
    def test_any_subscription_gets_a_form_answer_and_stores_nothing(self, email, topics, language):
        before = OutboundEmail.objects.count()
        response = self.client.post(
            reverse("investor:alerts"), {"email": email, "topics": topics, "language": language}
        )
        assert response.status_code in (200, 400)
        assert Subscriber.objects.count() == 0  # nothing before the confirmation link
        assert OutboundEmail.objects.count() == before + (response.status_code == 200)

    @FAST
    @given(token=ANY_TEXT.filter(lambda t: "/" not in t and t.strip()))
    def test_any_unsubscribe_or_confirm_token_is_refused_cleanly(self, token):
        for name in ("investor:alerts-unsubscribe", "investor:alerts-confirm"):
            response = self.client.get(reverse(name, args=[token]))
            assert response.status_code in (400, 404)
        assert self.client.post(
            reverse("investor:alerts-unsubscribe", args=[token])
        ).status_code in (400, 404)

    @FAST
    @given(subject=ANY_TEXT, description=ANY_TEXT, priority=ANY_TEXT, assignment=ANY_TEXT)
    def test_any_information_request_gets_a_form_answer(
        self, subject, description, priority, assignment
    ):
        self.client.force_login(self.wulan)
        before = Ticket.objects.count()
        response = self.client.post(
            reverse("investor:ticket-new"),
            {
                "subject": subject,
                "description": description,
                "priority": priority,
                "assignment": assignment,
            },
        )
        assert response.status_code in (302, 400)
        assert Ticket.objects.count() == before + (response.status_code == 302)

    @FAST
    @given(year=ANY_TEXT, category=ANY_TEXT, q=ANY_TEXT, page=ANY_TEXT)
    def test_any_library_filter_gets_a_page(self, year, category, q, page):
        response = self.client.get(
            reverse("investor:library"), {"year": year, "category": category, "q": q, "page": page}
        )
        assert response.status_code == 200
