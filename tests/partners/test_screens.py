"""The screens, as each kind of person uses them: a partner registers and submits, a channel
manager decides; partner A never sees partner B's anything; end customers see nothing."""

import re
from decimal import Decimal

import pytest
from django.core import mail  # noqa: F401  (outbox e-mails are checked through the model)
from django.urls import reverse

from core.access.roles import Role
from core.notifications.models import OutboundEmail
from core.partners.lifecycle import DealStatus
from core.partners.models import DealRegistration
from core.partners.services import deals as deal_services
from core.partners.services import mdf
from tests.factories import OrganisationFactory, person_with

from .factories import budget, channel_manager, firm, make_deal, partner_at, product

pytestmark = pytest.mark.django_db


def deal_post(**overrides):
    values = {
        "title": "Fleet tracking",
        "customer_company": "Harbour Freight Co",
        "customer_domain": "",
        "contact_name": "Grace Tan",
        "contact_email": "grace@harbourfreight.example",
        "contact_phone": "",
        "products": [product("Samudra Fleet").pk],
        "value": "120000",
        "currency": "SGD",
        "expected_close": "2027-03-31",
        "notes": "",
        "submit": "1",
    }
    values.update(overrides)
    return values


def test_a_partner_registers_and_a_channel_manager_approves(client):
    pacific = firm("Pacific Test", tier_slug="silver")
    liam, hendra = partner_at(pacific), channel_manager()
    client.force_login(liam)
    response = client.post(reverse("partner:deal-new"), deal_post())
    deal = DealRegistration.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "partner:deal", args=[deal.pk]
    )
    assert (deal.status, deal.customer_domain, deal.partner) == (
        DealStatus.SUBMITTED,
        "harbourfreight.example",
        pacific,
    )
    client.force_login(hendra)
    page = client.get(reverse("employee:channel"))
    assert "Harbour Freight Co" in page.content.decode()
    response = client.post(
        reverse("employee:channel-deal-decide", args=[deal.pk]), {"decision": "approved"}
    )
    assert response.status_code == 302
    deal.refresh_from_db()
    assert deal.status == DealStatus.APPROVED and deal.decided_by == hendra
    assert OutboundEmail.objects.filter(to=liam.email, subject__contains="Approved").exists()


def test_bad_deal_input_keeps_what_was_typed(client):
    client.force_login(partner_at(firm()))
    response = client.post(reverse("partner:deal-new"), deal_post(value="-5", products=[]))
    assert response.status_code == 400
    assert "Harbour Freight Co" in response.content.decode()
    assert not DealRegistration.objects.exists()


def test_rejecting_without_a_reason_is_a_form_error(client):
    deal = make_deal(firm(), submit=True, value=Decimal("99999"))
    client.force_login(channel_manager())
    response = client.post(
        reverse("employee:channel-deal-decide", args=[deal.pk]), {"decision": "rejected"}
    )
    assert response.status_code == 400
    assert DealRegistration.objects.get(pk=deal.pk).status == DealStatus.SUBMITTED


def test_conflicts_are_shown_to_the_channel_manager(client):
    make_deal(firm("First Firm"), submit=True, value=Decimal("99999"))
    second = make_deal(
        firm("Second Firm"),
        submit=True,
        value=Decimal("99999"),
        customer_company="PT. MAJU BERSAMA",
    )
    client.force_login(channel_manager())
    page = client.get(reverse("employee:channel-deal", args=[second.pk])).content.decode()
    assert "First Firm" in page and "same company name" in page


def test_partner_a_never_sees_partner_b_anything(client):
    a, b = firm("Firm A"), firm("Firm B")
    deal = make_deal(b)
    deal_b = make_deal(b, submit=True, value=Decimal("99999"), customer_company="B Customer")
    request_b = mdf.fund_request_submit(
        budget=budget(b),
        by=partner_at(b),
        activity="B event",
        planned_cost=Decimal(10),
        expected_outcome="x",
    )
    client.force_login(partner_at(a, admin=True))
    for url in (
        reverse("partner:deal", args=[deal.pk]),
        reverse("partner:deal-edit", args=[deal.pk]),
        reverse("partner:deal", args=[deal_b.pk]),
        reverse("partner:mdf-request", args=[request_b.pk]),
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        reverse("partner:deal-submit", args=[deal.pk]),
        reverse("partner:deal-close", args=[deal_b.pk]),
    ):
        assert client.post(url, {"outcome": "won"}).status_code == 404, url
    listing = client.get(reverse("partner:deals"), {"status": "all"}).content.decode()
    assert "B Customer" not in listing and "PT Maju Bersama" not in listing
    assert "B event" not in client.get(reverse("partner:mdf")).content.decode()


def test_the_end_customer_never_sees_registrations(client):
    customer_org = OrganisationFactory(name="PT Maju Bersama", email_domain="majubersama.example")
    make_deal(firm(), submit=True)
    contact = person_with(Role.CUSTOMER, organisation=customer_org, admin=True)
    assert not DealRegistration.objects.visible_to(contact).exists()
    client.force_login(contact)
    assert client.get(reverse("partner:deals")).status_code == 403


def test_colleagues_see_their_firms_registrations_and_channel_managers_not_drafts():
    nusantara = firm()
    draft = make_deal(nusantara)
    submitted = make_deal(nusantara, submit=True, value=Decimal("99999"), customer_company="Other")
    colleague = partner_at(nusantara)
    assert set(DealRegistration.objects.visible_to(colleague)) == {draft, submitted}
    assert list(DealRegistration.objects.visible_to(channel_manager())) == [submitted]
    assert not DealRegistration.objects.visible_to(person_with(Role.EMPLOYEE)).exists()


def test_partner_admins_invite_and_remove_colleagues_others_cannot(client):
    nusantara = firm()
    admin, colleague = partner_at(nusantara, admin=True), partner_at(nusantara)
    client.force_login(colleague)
    assert (
        client.post(reverse("partner:team"), {"name": "X", "email": "x@x.example"}).status_code
        == 404
    )
    client.force_login(admin)
    response = client.post(
        reverse("partner:team"),
        {"name": "Putri Lestari", "email": "Putri@Nusantara.example", "title": "Presales"},
    )
    assert response.status_code == 302
    invite = OutboundEmail.objects.get(to="putri@nusantara.example")
    assert "/accounts/password/reset/key/" in invite.body_text
    assignment = colleague.role_assignments.get(role=Role.PARTNER)
    client.post(reverse("partner:team-remove", args=[assignment.pk]))
    assignment.refresh_from_db()
    assert assignment.until is not None
    other_firm_person = partner_at(firm())
    other = other_firm_person.role_assignments.get(role=Role.PARTNER)
    assert client.post(reverse("partner:team-remove", args=[other.pk])).status_code == 404


def test_channel_manager_decides_a_fund_request_and_pays_the_claim(client):
    nusantara = firm()
    item = mdf.fund_request_submit(
        budget=budget(nusantara),
        by=partner_at(nusantara),
        activity="Expo",
        planned_cost=Decimal(500),
        expected_outcome="Leads",
    )
    client.force_login(channel_manager())
    url = reverse("employee:channel-fund", args=[item.pk])
    assert client.post(url, {"decision": "approve", "amount": "600"}).status_code == 400
    assert client.post(url, {"decision": "approve", "amount": "400"}).status_code == 302
    item.refresh_from_db()
    assert item.approved_amount == Decimal(400)


def test_a_channel_manager_records_an_approved_deals_outcome_and_the_partner_hears(client):
    nusantara = firm("Nusantara Test")
    agus, hendra = partner_at(nusantara), channel_manager()
    deal = make_deal(nusantara, agus, submit=True, value=Decimal("99999"))
    deal = deal_services.deal_decide(deal=deal, by=hendra, decision=DealStatus.APPROVED)
    close = reverse("employee:channel-deal-close", args=[deal.pk])
    client.force_login(hendra)
    assert (
        "Record the outcome"
        in client.get(reverse("employee:channel-deal", args=[deal.pk])).content.decode()
    )

    refused = client.post(close, {"outcome": "lost", "reason": " "})
    assert refused.status_code == 400
    assert "Please give a reason." in refused.content.decode()
    assert re.search(r'value="lost"[^>]*checked', refused.content.decode())  # kept
    deal.refresh_from_db()
    assert deal.status == DealStatus.APPROVED

    response = client.post(close, {"outcome": "lost", "reason": "Budget moved to 2027."})
    assert response.status_code == 302
    deal.refresh_from_db()
    assert (deal.status, deal.decision_reason) == (DealStatus.LOST, "Budget moved to 2027.")
    assert not deal.lines.filter(protected=True).exists()
    assert deal.events.filter(action="lost", actor=hendra).exists()
    told = OutboundEmail.objects.filter(to=agus.email, subject__contains="Lost").get()
    assert "Budget moved to 2027." in told.body_text

    again = client.post(close, {"outcome": "won"}, follow=True)
    assert again.redirect_chain == [(reverse("employee:channel-deal", args=[deal.pk]), 302)]
    assert "cannot go from Lost to Won" in again.content.decode()
    client.force_login(agus)
    assert client.post(close, {"outcome": "won"}).status_code == 404


def test_a_partner_records_its_approved_deals_outcome(client):
    nusantara = firm("Nusantara Test")
    agus = partner_at(nusantara)
    deal = make_deal(nusantara, agus, submit=True, value=Decimal("99999"))
    deal = deal_services.deal_decide(deal=deal, by=channel_manager(), decision=DealStatus.APPROVED)
    close = reverse("partner:deal-close", args=[deal.pk])
    page = reverse("partner:deal", args=[deal.pk])
    client.force_login(agus)

    refused = client.post(close, {"reason": "x"}, follow=True)
    assert refused.redirect_chain == [(page, 302)]
    assert "Choose won or lost." in refused.content.decode()

    done = client.post(close, {"outcome": "won"}, follow=True)
    assert "Thank you: the outcome is recorded." in done.content.decode()
    deal.refresh_from_db()
    assert deal.status == DealStatus.WON
    assert deal.events.filter(action="won", actor=agus).exists()

    again = client.post(close, {"outcome": "lost", "reason": "Changed our mind."}, follow=True)
    assert again.redirect_chain == [(page, 302)]
    assert "cannot go from Won to Lost" in again.content.decode()
    deal.refresh_from_db()
    assert deal.status == DealStatus.WON
