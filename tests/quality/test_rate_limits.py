"""Public forms that send e-mail to any address or queue a review are rate limited: past the
limit the form answers 429 with what was typed still in it, and nothing is sent or stored."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from core.notifications.models import OutboundEmail
from core.partners.models import PartnerApplication
from tests.partners.test_applications import FORM

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def test_alert_sign_ups_for_one_address_stop_after_three_an_hour(client):
    form = {"email": "Target@Example.com", "topics": ["results"], "language": "en"}
    for _ in range(3):
        assert client.post(reverse("investor:alerts"), form).status_code == 200
    sent = OutboundEmail.objects.count()
    response = client.post(reverse("investor:alerts"), {**form, "email": "target@example.com"})
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert 'value="target@example.com"' in response.content.decode()
    assert OutboundEmail.objects.count() == sent


def test_partner_applications_from_one_network_stop_at_the_limit(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "partner_application": "1/h/ip"}
    assert client.post(reverse("partner:apply"), {**FORM, "agreement": ""}).status_code == 400
    assert (
        client.post(reverse("partner:apply"), FORM).status_code == 302
    )  # invalid ones don't count
    second = {**FORM, "company": "PT Garuda Data", "contact_email": "dian@garuda.example"}
    response = client.post(reverse("partner:apply"), second)
    assert response.status_code == 429
    assert 'value="PT Garuda Data"' in response.content.decode()
    assert PartnerApplication.objects.count() == 1
