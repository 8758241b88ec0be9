"""Joining the programme: the public application, the channel manager's decision, and what an
approval creates (the firm, its people's partner roles, their invitations)."""

import pytest
from django.urls import reverse

from core.access import policies
from core.access.roles import OrganisationKind, Role
from core.notifications.models import OutboundEmail
from core.orgs.models import Organisation
from core.partners.models import PartnerApplication
from core.partners.services import programme
from core.people.models import Person

from .factories import channel_manager, partner_at, tier

pytestmark = pytest.mark.django_db

FORM = {
    "company": "CV Cahaya Digital",
    "country": "id",
    "city": "Bandung",
    "territory": "West Java",
    "website": "cahayadigital.example",
    "specialisations": "retail, point of sale",
    "message": "Twelve consultants.",
    "contact_name": "Rahmat Hidayat",
    "contact_email": "rahmat@cahayadigital.example",
    "contact_title": "Director",
    "colleague_name": "Nurul Aini",
    "colleague_email": "nurul@cahayadigital.example",
    "agreement": "on",
}


def test_anyone_applies_and_follows_the_application_by_its_link(client):
    response = client.post(reverse("partner:apply"), FORM)
    application = PartnerApplication.objects.get()
    assert response["Location"] == reverse("partner:application-status", args=[application.token])
    assert application.country == "ID" and application.contacts.count() == 2
    assert OutboundEmail.objects.filter(to="rahmat@cahayadigital.example").exists()
    assert "Waiting for review" in client.get(response["Location"]).content.decode()


def test_the_agreement_must_be_accepted(client):
    response = client.post(reverse("partner:apply"), {**FORM, "agreement": ""})
    assert response.status_code == 400 and not PartnerApplication.objects.exists()
    assert "CV Cahaya Digital" in response.content.decode()


def test_approval_creates_the_firm_roles_and_invitations(client):
    client.post(reverse("partner:apply"), FORM)
    application = PartnerApplication.objects.get()
    existing = partner_at(
        Organisation.objects.create(
            name="Elsewhere", slug="elsewhere", kind=OrganisationKind.PARTNER
        )
    )
    existing.email = "nurul@cahayadigital.example"
    existing.save()
    hendra = channel_manager()
    client.force_login(hendra)
    url = reverse("employee:channel-application", args=[application.pk])
    assert client.post(url, {"decision": "approved"}).status_code == 400  # a tier is needed
    gold = tier("gold", 3)
    assert client.post(url, {"decision": "approved", "tier": gold.pk}).status_code == 302
    application.refresh_from_db()
    firm = application.organisation
    assert (firm.kind, firm.partner_tier, firm.country, firm.email_domain) == (
        OrganisationKind.PARTNER,
        gold,
        "ID",
        "cahayadigital.example",
    )
    rahmat = Person.objects.get(email="rahmat@cahayadigital.example")
    assert policies.is_org_admin(rahmat, firm) and policies.holds_role(rahmat, Role.PARTNER)
    assert not rahmat.has_usable_password()
    new_invite = OutboundEmail.objects.get(to=rahmat.email, subject__contains="invited")
    assert "/accounts/password/reset/key/" in new_invite.body_text
    known_invite = OutboundEmail.objects.get(to=existing.email, subject__contains="invited")
    assert "/accounts/login/" in known_invite.body_text
    assert firm.partner_profile.territories == "west java"


def test_asking_for_more_then_resubmitting_then_rejecting(client):
    client.post(reverse("partner:apply"), FORM)
    application = PartnerApplication.objects.get()
    hendra = channel_manager()
    with pytest.raises(programme.ProgrammeError):
        programme.application_decide(application=application, by=hendra, decision="more_info")
    programme.application_decide(
        application=application, by=hendra, decision="more_info", note="References, please?"
    )
    status_url = reverse("partner:application-status", args=[application.token])
    assert "References, please?" in client.get(status_url).content.decode()
    client.post(status_url, {"message": "PT Toko Jaya and CV Maju."})
    application.refresh_from_db()
    assert application.status == "submitted" and "Toko Jaya" in application.message
    programme.application_decide(
        application=application, by=hendra, decision="rejected", note="Full in West Java"
    )
    application.refresh_from_db()
    assert application.status == "rejected" and application.organisation is None
    with pytest.raises(programme.ProgrammeError):
        programme.application_decide(
            application=application, by=hendra, decision="approved", tier=tier()
        )


def test_only_channel_managers_open_applications(client):
    client.post(reverse("partner:apply"), FORM)
    application = PartnerApplication.objects.get()
    client.force_login(
        partner_at(Organisation.objects.create(name="P", slug="p", kind=OrganisationKind.PARTNER))
    )
    assert (
        client.get(reverse("employee:channel-application", args=[application.pk])).status_code
        == 404
    )
