import re

import pytest
from playwright.sync_api import expect

from core.demo.files import simple_pdf
from core.tickets.models import Ticket

from .conftest import click_and_wait_for_the_next_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_customer_opens_a_ticket_with_a_file_and_an_agent_answers_it(
    page, sign_in_as, world, tmp_path
):
    invoice = tmp_path / "invoice-november.pdf"
    invoice.write_bytes(simple_pdf("Invoice", ["INV-2026-1107", "Total IDR 12.500.000"]))

    sign_in_as(world.people["customer"].email)
    page.goto("/customer/tickets/new/")
    page.get_by_label("Subject").fill("Invoice November shows the wrong tax rate")
    page.get_by_label("Description").fill("PPN is 11% on the invoice but our contract says 12%.")
    page.get_by_label("Attach files").set_input_files(str(invoice))
    submit = page.get_by_role("button", name=re.compile("Send|Open|Submit", re.I)).last
    click_and_wait_for_the_next_page(page, submit)

    ticket = Ticket.objects.get(subject="Invoice November shows the wrong tax rate")
    expect(page).to_have_url(re.compile(ticket.reference))
    expect(page.get_by_role("link", name="invoice-november.pdf")).to_be_visible()

    page.context.clear_cookies()
    sign_in_as(world.people["agent"].email)
    page.goto(f"/employee/work/tickets/{ticket.reference}/")
    expect(page.get_by_text("PPN is 11%")).to_be_visible()
    page.get_by_label("Message").fill(
        "You are right, Siti: we corrected the rate and re-issued it."
    )
    page.get_by_role("button", name="Send").click()
    # The reply must be stored before the cookies go, or the post would leave signed out.
    thread = page.locator("#thread")
    expect(thread.get_by_text("we corrected the rate and re-issued it")).to_be_visible()

    page.context.clear_cookies()
    sign_in_as(world.people["customer"].email)
    page.goto(f"/customer/tickets/{ticket.reference}/")
    expect(page.get_by_text("we corrected the rate and re-issued it")).to_be_visible()
