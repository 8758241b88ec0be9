"""The site in Bahasa Indonesia, in a real browser: a customer who chose it, and a visitor
who switches with the header's language menu."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_customer_who_chose_indonesian_reads_the_dashboard_in_indonesian(page, sign_in_as, world):
    siti = world.people["customer"]
    assert siti.language == "id"
    sign_in_as(siti.email, language=None)  # her profile's language

    page.goto("/customer/")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("heading", level=1)).to_have_text("Halo, Siti")
    expect(page.get_by_role("heading", name="Tiket terbaru Anda")).to_be_visible()
    expect(page.get_by_role("link", name="Minta bantuan")).to_be_visible()
    assert blocking_violations(page) == []

    page.get_by_role("link", name="Minta bantuan").click()
    expect(page.get_by_label("Subjek")).to_be_visible()
    expect(page.get_by_role("button", name="Kirim tiket")).to_be_visible()
    page.goto("/customer/")  # the saved screenshot shows the dashboard


def test_a_visitor_switches_to_indonesian_in_the_header(page):
    page.goto("/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(".site-header .language-menu summary").click()
    page.get_by_role("button", name="Bahasa Indonesia").click()
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page).to_have_url("/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Masuk")
    expect(page.get_by_label("Kata sandi")).to_be_visible()
