import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_multi_role_person_signs_in_once_and_switches_portals(page, sign_in_as, world):
    dewi = world.people["multi"]
    sign_in_as(dewi.email)

    expect(page).to_have_url("/portals/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dewi")
    page.get_by_role("link", name="Customer portal").first.click()
    expect(page).to_have_url("/customer/")
    expect(page.get_by_text("Acme Logistics Pty Ltd")).to_be_visible()

    page.locator("summary", has_text="Customer portal").click()
    page.get_by_role("link", name="Partner portal").click()
    expect(page).to_have_url("/partner/")
    expect(page.get_by_text("Nusantara Solutions")).to_be_visible()
    expect(page.locator("summary", has_text="Partner portal")).to_be_visible()

    page.goto("/employee/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("have access to the Employee")
