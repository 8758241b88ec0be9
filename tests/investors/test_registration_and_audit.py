"""Investor registration after a confirmed e-mail, shareholder verification by IR officers,
and the disclosure audit with its CSV."""

import csv
import io

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from core.access import policies
from core.access.roles import Duty, Role
from core.investors import services
from core.investors.models import Disclosure, InvestorProfile
from tests.factories import PersonFactory, person_with

from .factories import publication

pytestmark = pytest.mark.django_db


def test_a_person_becomes_an_investor_only_after_confirming_their_e_mail(client):
    maya = PersonFactory()
    EmailAddress.objects.filter(user=maya).update(verified=False)
    client.force_login(maya)
    page = client.get(reverse("investor:register"))
    assert "Confirm my e-mail address" in page.content.decode()
    assert client.post(reverse("investor:register"), {"agree": "on"}).status_code == 400
    assert not policies.holds_role(maya, Role.INVESTOR)
    EmailAddress.objects.update_or_create(
        user=maya, email=maya.email, defaults={"verified": True, "primary": True}
    )
    response = client.post(reverse("investor:register"), {"agree": "on"})
    assert response.url == reverse("investor:dashboard")
    policies.forget_cached_access(maya)
    assert policies.holds_role(maya, Role.INVESTOR)
    assert client.get(reverse("investor:dashboard")).status_code == 200


def test_an_ir_officer_verifies_a_shareholder_and_others_cannot(client):
    sarah = person_with(Role.EMPLOYEE, duties=(Duty.IR_OFFICER,))
    wulan = person_with(Role.INVESTOR, full_name="Wulan Sari")
    client.force_login(person_with(Role.EMPLOYEE))
    url = reverse("employee:ir-holder-verify", args=[wulan.pk])
    assert client.post(url, {"verified": "1"}).status_code == 404
    client.force_login(sarah)
    assert "Wulan Sari" in client.get(reverse("employee:ir-holders")).content.decode()
    client.post(url, {"verified": "1", "reference": "KSEI 00-1234"})
    profile = InvestorProfile.objects.get(person=wulan)
    assert profile.is_verified_holder and profile.holder_verified_by == sarah
    customer = person_with(Role.CUSTOMER)
    other = reverse("employee:ir-holder-verify", args=[customer.pk])
    assert client.post(other, {"verified": "1"}).status_code == 404  # investors only


def test_the_disclosure_audit_exports_who_published_what_when(client):
    sarah = person_with(Role.EMPLOYEE, duties=(Duty.IR_OFFICER,), full_name="Sarah Thompson")
    report = publication(title="=HYPERLINK(evil)")
    services.went_live(instance=report, revision=report.save_revision(user=sarah))
    client.force_login(sarah)
    assert "HYPERLINK" in client.get(reverse("employee:ir-disclosures")).content.decode()
    response = client.get(reverse("employee:ir-disclosures-csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["published_at_utc", "kind", "id", "title"]
    assert rows[1][3] == "'=HYPERLINK(evil)"  # never a formula in a spreadsheet
    assert rows[1][6] == "Sarah Thompson"
    assert Disclosure.objects.count() == 1
