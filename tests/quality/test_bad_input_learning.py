"""Whatever people send to the learning and staff screens, they get a clear answer (never a
500) and nothing is half-written."""

from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from core.access.roles import Role
from core.learning.models import Enrolment, QuizAttempt
from core.staff.models import Goal
from tests.factories import person_with
from tests.learning.factories import make_course

ANY_TEXT = st.text(max_size=200)
FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class LearningInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.course = make_course(lessons=0)
        cls.joko = person_with(Role.EMPLOYEE)
        cls.question_ids = [q["id"] for q in cls.course.quiz_questions()]

    def setup_example(self):
        super().setup_example()  # each example runs in its own transaction, with a new client
        cache.clear()
        self.client.force_login(self.joko)

    @FAST
    @given(answers=st.dictionaries(st.sampled_from(["x", "csrf", "q"]) | ANY_TEXT, ANY_TEXT))
    def test_any_quiz_post_is_answered_and_scores_only_real_answers(self, answers):
        url = reverse("employee:learning-quiz", args=[self.course.pk])
        response = self.client.post(url, answers)
        assert response.status_code in (302, 400)
        for attempt in QuizAttempt.objects.all():
            assert set(attempt.answers) == set(self.question_ids)
            assert 0 <= attempt.score <= 100

    @FAST
    @given(code=ANY_TEXT)
    def test_any_verification_code_gets_a_page(self, code):
        response = self.client.get(reverse("learning:verify"), {"code": code})
        assert response.status_code in (200, 302)

    @FAST
    @given(title=ANY_TEXT, description=ANY_TEXT, due=ANY_TEXT)
    def test_any_goal_input_gets_a_form_answer(self, title, description, due):
        before = Goal.objects.count()
        response = self.client.post(
            reverse("employee:goal-new"),
            {"title": title, "description": description, "due_on": due},
        )
        assert response.status_code in (302, 400)
        assert Goal.objects.count() == before + (1 if response.status_code == 302 else 0)

    @FAST
    @given(provider=ANY_TEXT, item=ANY_TEXT, decision=ANY_TEXT, reason=ANY_TEXT)
    def test_any_decision_post_is_refused_cleanly(self, provider, item, decision, reason):
        response = self.client.post(
            reverse("employee:inbox-decide"),
            {"provider": provider, "item": item, "decision": decision, "reason": reason},
        )
        assert response.status_code in (302, 404)

    @FAST
    @given(q=ANY_TEXT, department=ANY_TEXT, location=ANY_TEXT)
    def test_any_directory_search_gets_a_page(self, q, department, location):
        response = self.client.get(
            reverse("employee:directory"), {"q": q, "department": department, "location": location}
        )
        assert response.status_code == 200

    @FAST
    @given(reason=ANY_TEXT)
    def test_any_retake_reason_is_handled(self, reason):
        response = self.client.post(
            reverse("employee:learning-retake", args=[self.course.pk]), {"reason": reason}
        )
        assert response.status_code in (302, 404)
        assert Enrolment.objects.filter(retake_requested_at__isnull=False).count() <= 1
