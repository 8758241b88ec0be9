import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from core.investors.models import PublicationDownloads, Subscriber
from core.notifications.models import OutboundEmail

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_investor_subscribes_to_alerts_and_downloads_a_report(page, sign_in_as, world):
    sign_in_as(world.people["investor"].email)
    page.goto("/investor-relations/")
    expect(page.get_by_role("heading", name="Key figures")).to_be_visible()
    box = page.locator("#subscribe-title").locator("..")
    box.get_by_label("E-mail address").fill("wulan.alerts@mail.example")
    box.get_by_label("Press releases").uncheck()
    box.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    assert not Subscriber.objects.filter(email="wulan.alerts@mail.example").exists()

    body = OutboundEmail.objects.filter(to="wulan.alerts@mail.example").get().body_text
    link = re.search(r"https?://\S+/investor/alerts/confirm/\S+/", body).group(0)
    page.goto(urlsplit(link).path)
    expect(page.get_by_role("heading", name="Your alerts are on")).to_be_visible()
    subscriber = Subscriber.objects.get(email="wulan.alerts@mail.example")
    assert subscriber.wants_results and not subscriber.wants_press

    report = world.objects["investors:public-report"]
    before = PublicationDownloads.objects.get(publication=report).count
    page.goto("/investor/reports/?year=2025&category=annual")
    page.get_by_role("link", name="Annual report 2025").click()
    with page.expect_download() as download:
        page.locator("a[href$='/file/?download']").first.click()  # Wulan reads Indonesian
    assert download.value.suggested_filename.endswith(".pdf")
    assert PublicationDownloads.objects.get(publication=report).count == before + 1
    page.goto("/investor/")
    expect(page.get_by_text("Verified shareholder")).to_be_visible()
