import pytest
from django.urls import reverse

from core.access.roles import Role
from core.investors import services
from core.investors.models import Subscriber
from tests.factories import person_with

pytestmark = pytest.mark.django_db


def test_customer_360_shows_an_investors_verification_and_alerts(client):
    wulan = person_with(Role.INVESTOR)
    officer = person_with(Role.EMPLOYEE)
    services.holder_verify(investor=wulan, by=officer, reference="KSEI 00-42")
    Subscriber.objects.create(email=wulan.email, wants_results=True)
    client.force_login(officer)
    page = client.get(reverse("employee:customer360-person", args=[wulan.pk])).content.decode()
    assert "Verified shareholder" in page and "KSEI 00-42" in page
    assert "Investor e-mail alerts" in page and "Results and reports" in page
