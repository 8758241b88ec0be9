"""Property-based checks of the foundation's forms: whatever people type, they get a clear
answer (never a 500), nothing is half-written, and script in text is shown as text."""

from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from core.access.roles import Role
from core.people.models import AccessRequest, Person
from tests.factories import PASSWORD, PersonFactory, person_with

ANY_TEXT = st.text(max_size=400)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class BadInputTestCase(TestCase):
    def setup_example(self):
        super().setup_example()  # each example runs in its own transaction
        cache.clear()  # rate-limit counters would otherwise answer 429 after a few examples


class SignUpTests(BadInputTestCase):
    @FAST
    @given(email=ANY_TEXT, name=ANY_TEXT, password=ANY_TEXT)
    def test_any_sign_up_input_gets_a_form_answer_and_never_half_creates(
        self, email, name, password
    ):
        response = self.client.post(
            reverse("account_signup"),
            {"email": email, "full_name": name, "password1": password, "password2": password},
        )
        assert response.status_code in (200, 302)
        if response.status_code == 200:
            assert not Person.objects.exclude(email="anonymous@guardian.invalid").exists()


class ProfileTests(BadInputTestCase):
    @FAST
    @given(
        name=ANY_TEXT,
        preferred=ANY_TEXT,
        language=st.one_of(st.sampled_from(["en", "id"]), ANY_TEXT),
        time_zone=st.one_of(st.sampled_from(["Asia/Jakarta", "Europe/Berlin"]), ANY_TEXT),
    )
    def test_any_profile_input_is_saved_whole_or_not_at_all(
        self, name, preferred, language, time_zone
    ):
        person = person_with(Role.CUSTOMER)
        self.client.force_login(person)
        before = Person.objects.values().get(pk=person.pk)
        response = self.client.post(
            reverse("people:profile"),
            {
                "full_name": name,
                "preferred_name": preferred,
                "language": language,
                "time_zone": time_zone,
            },
        )
        assert response.status_code in (200, 302)
        if response.status_code == 200:
            assert Person.objects.values().get(pk=person.pk) == before


class AccessRequestTests(BadInputTestCase):
    @FAST
    @given(role=ANY_TEXT, organisation=ANY_TEXT, message=ANY_TEXT)
    def test_any_access_request_input_is_answered_and_never_half_written(
        self, role, organisation, message
    ):
        self.client.force_login(PersonFactory())
        response = self.client.post(
            reverse("access:request-access"),
            {"role": role, "organisation_name": organisation, "message": message},
        )
        assert response.status_code in (302, 400)
        if response.status_code == 400:
            assert not AccessRequest.objects.exists()


class ScriptIsTextTests(TestCase):
    def test_a_name_with_script_is_shown_as_text(self):
        person = person_with(Role.CUSTOMER, full_name="<script>alert('x')</script>")
        self.client.force_login(person)
        html = self.client.get(reverse("people:profile")).content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;" in html

    def test_login_with_markup_in_the_address_is_refused_cleanly(self):
        response = self.client.post(
            reverse("account_login"),
            {"login": "<img src=x onerror=alert(1)>", "password": PASSWORD},
        )
        assert response.status_code == 200
        assert "<img src=x" not in response.content.decode()
