import re

import pytest
from playwright.sync_api import expect

from core.partners.lifecycle import DealStatus
from core.partners.models import DealRegistration

from .conftest import ARTIFACTS, click_and_wait_for_the_next_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_partner_registers_a_deal_and_a_channel_manager_approves_it(page, sign_in_as, world):
    sign_in_as(world.people["other_partner"].email)  # Liam, Pacific Channel Partners (Silver)
    page.goto("/partner/deals/new/")
    page.get_by_label("Opportunity").fill("Cold-chain WMS for two depots")
    page.get_by_label("End customer (company)").fill("Jurong Cold Storage Pte Ltd")
    page.get_by_label("Contact name").fill("Siew Ling Goh")
    page.get_by_label("Contact e-mail").fill("siewling@jurongcold.example")
    page.get_by_label("Samudra WMS").check()
    page.get_by_label("Estimated value").fill("88000")
    page.get_by_label("Currency").select_option("SGD")
    page.get_by_label("Expected close").fill("2027-04-30")
    click_and_wait_for_the_next_page(page, page.get_by_role("button", name="Submit for approval"))
    deal = DealRegistration.objects.get(customer_company="Jurong Cold Storage Pte Ltd")
    assert deal.status == DealStatus.SUBMITTED
    expect(page).to_have_url(re.compile(f"/partner/deals/{deal.pk}/"))

    page.context.clear_cookies()
    sign_in_as(world.people["channel_manager"].email)  # Hendra
    page.goto("/employee/channel/")
    page.get_by_role("link", name="Jurong Cold Storage Pte Ltd").click()
    page.get_by_label("Approve (grants protection)").check()
    page.get_by_role("button", name="Record decision").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Protected until")).to_be_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "partner-deal-approved-by-channel-manager.png", full_page=True)
    deal.refresh_from_db()
    assert deal.status == DealStatus.APPROVED and deal.protected_until is not None
