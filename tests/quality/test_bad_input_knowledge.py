"""Whatever people send to the knowledge base's search and feedback, they get a clear answer
(never a 500), and a vote is recorded only when it is a real yes or no."""

from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from core.access.roles import Role
from core.knowledge.models import ArticleFeedback
from tests.factories import person_with
from tests.knowledge.factories import article

ANY_TEXT = st.text(max_size=300)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class KnowledgeInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page = article(title="Scanner logs out", for_customers=True, tags=("scanner",))
        cls.siti = person_with(Role.CUSTOMER)

    def setup_example(self):
        super().setup_example()
        cache.clear()
        self.client.force_login(self.siti)

    @FAST
    @given(q=ANY_TEXT, category=ANY_TEXT, tag=ANY_TEXT, page=ANY_TEXT)
    def test_any_search_gets_a_page(self, q, category, tag, page):
        response = self.client.get(
            reverse("knowledge:search"), {"q": q, "category": category, "tag": tag, "page": page}
        )
        assert response.status_code == 200

    @FAST
    @given(helpful=ANY_TEXT | st.sampled_from(["yes", "no"]), comment=st.text(max_size=2500))
    def test_any_feedback_is_answered_and_only_yes_or_no_is_recorded(self, helpful, comment):
        response = self.client.post(
            reverse("knowledge:feedback", args=[self.page.pk]),
            {"helpful": helpful, "comment": comment},
        )
        valid = helpful in ("yes", "no") and len(comment.strip()) <= 2000 and "\x00" not in comment
        assert response.status_code == (302 if valid else 400)
        votes = ArticleFeedback.objects.filter(person=self.siti)
        assert votes.count() <= 1
        if valid:
            assert votes.get().helpful is (helpful == "yes")
