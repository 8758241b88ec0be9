"""Browser journeys: Playwright driving Debian's Chromium against a live server."""

import os
import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from core.demo.world import DEMO_PASSWORD

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def click_and_wait_for_the_next_page(page, locator) -> None:
    """Click and wait until the browser has loaded the page it leads to. Waiting for the load
    state alone can return on the page being left, so what is counted next would be its DOM.
    The address left is read once the element is there, so a navigation still under way
    from an earlier click has reached the page being left."""
    locator.wait_for()
    leaving = page.url
    locator.click()
    expect(page).not_to_have_url(leaving)
    page.wait_for_load_state()


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("Chromium is not installed (bin/test installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread for the whole session;
    # the ORM calls tests make between steps are still plain synchronous code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, live_server, request):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{request.node.name}.png", full_page=True)
    context.close()


def current_totp_code(email: str) -> str:
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    authenticator = Authenticator.objects.get(user__email=email, type=Authenticator.Type.TOTP)
    secret = get_adapter().decrypt(authenticator.data["secret"])
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def sign_in_as(page):
    """Signs in through the real forms, answering the two-factor step for staff.

    Journeys read English labels, so the person signs in with English as their language
    unless `language` says otherwise (None keeps their profile's: several demo people chose
    Bahasa Indonesia); test_indonesian.py walks the site in Indonesian.
    """

    def _sign_in(email: str, password: str = DEMO_PASSWORD, language: str | None = "en"):
        if language:
            from core.people.models import Person

            Person.objects.filter(email__iexact=email).update(language=language)
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(password)
        click_and_wait_for_the_next_page(page, page.get_by_role("button", name="Sign In"))
        if page.url.endswith("/accounts/2fa/authenticate/"):
            page.locator("input[name=code]").fill(current_totp_code(email))
            click_and_wait_for_the_next_page(page, page.get_by_role("button", name="Sign In"))

    return _sign_in
