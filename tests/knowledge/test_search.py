"""Search: ranked, highlighted, filtered by category and tag, paginated in the database, and
forgiving of word forms and typos (PostgreSQL full-text + trigram; prefix matching on SQLite)."""

import pytest
from django.urls import reverse

from core.access.roles import Role
from core.knowledge import selectors, vocabulary
from tests.factories import person_with

from .factories import article, category

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return person_with(Role.CUSTOMER)


def titles(results) -> list[str]:
    return [a.title for a in results]


def test_the_article_about_the_words_ranks_above_one_that_mentions_them_in_passing(reader):
    """Both backends rank (BM25 on SQLite, ts_rank with the title weighted on PostgreSQL)."""
    article(
        title="Account settings",
        text="Your name, language, time zone, e-mail notices, the portals you hold, the "
        "organisations you belong to and, at the very end, a link to change your password.",
    )
    article(title="Password rules", text="A password has twelve characters; change the password.")
    article(title="Shipping labels", text="Printer settings for labels.")
    found = titles(selectors.search(reader, "password"))
    assert found == ["Password rules", "Account settings"]


def test_results_show_highlighted_snippets_with_html_escaped(reader, client):
    article(
        title="Scanner <script> tips",
        text="Hold the scanner 20 cm from the barcode &amp; keep the lens clean.",
    )
    client.force_login(reader)
    response = client.get(reverse("knowledge:search"), {"q": "scanner"})
    html = response.content.decode()
    assert "<mark>Scanner</mark> &lt;script&gt; tips" in html
    assert "Hold the <mark>scanner</mark> 20 cm" in html
    assert "<script>" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_filters_by_category_and_tag(reader, client):
    billing, devices = category("Billing"), category("Devices")
    article(billing, "Invoice reminders", text="Invoice reminders go out monthly.", tags=("email",))
    article(devices, "Invoice printer", text="Print each invoice on A4.", tags=("printing",))
    assert titles(selectors.search(reader, "invoice", category=billing)) == ["Invoice reminders"]
    assert titles(selectors.search(reader, "invoice", tag="printing")) == ["Invoice printer"]
    client.force_login(reader)
    response = client.get(reverse("knowledge:search"), {"q": "invoice", "category": "devices"})
    assert [h.article.title for h in response.context["page_obj"].hits] == ["Invoice printer"]


def test_the_audience_filter_is_part_of_the_search_query(reader):
    article(title="Partner discounts", text="Discounts by tier.", for_partners=True)
    article(title="Customer discounts", text="Discounts by plan.", for_customers=True)
    assert titles(selectors.search(reader, "discounts")) == ["Customer discounts"]


def test_results_are_paginated_in_the_database(reader, client):
    parent = category()
    for n in range(23):
        article(parent, f"Scanner note {n:02d}", text="Scanner advice.")
    client.force_login(reader)
    response = client.get(reverse("knowledge:search"), {"q": "scanner", "page": 3})
    page = response.context["page_obj"]
    assert page.paginator.count == 23 and page.number == 3 and len(page.hits) == 3


def test_word_forms_and_typos_still_find_the_article(reader):
    article(title="Choosing a ticket priority", text="Critical incidents come first.")
    assert titles(selectors.search(reader, "priorities")) == ["Choosing a ticket priority"]
    assert titles(selectors.search(reader, "prioritee")) == ["Choosing a ticket priority"]


def test_an_empty_or_odd_query_gets_a_page_not_an_error(reader, client):
    article(title="Anything")
    client.force_login(reader)
    for query in ("", "   ", '"', "AND OR NOT", "*", "a" * 500, "'; drop table x; --"):
        assert client.get(reverse("knowledge:search"), {"q": query}).status_code == 200


def test_every_portal_header_has_the_search_box(client):
    client.force_login(person_with(Role.CUSTOMER, Role.PARTNER, Role.INVESTOR))
    for url in ("customer:dashboard", "partner:dashboard", "investor:dashboard"):
        html = client.get(reverse(url)).content.decode()
        assert f'action="{reverse("knowledge:search")}"' in html, url
        assert 'id="header-search"' in html


@pytest.mark.postgres
def test_postgresql_stems_english_and_tolerates_typos(reader):
    article(title="Running reports", text="The report runs every night.")
    article(title="Scanner batteries", text="Charge the handheld overnight.")
    vocabulary.rebuild()
    assert titles(selectors.search(reader, "reporting ran")) == ["Running reports"]
    assert titles(selectors.search(reader, "scaner")) == ["Scanner batteries"]
    assert titles(selectors.search(reader, "bateries")) == ["Scanner batteries"]


@pytest.mark.postgres
def test_postgresql_ranks_title_above_body(reader):
    article(title="Password rules", text="Twelve characters at least.")
    article(title="Security", text="Change the password every year; the password is yours.")
    assert titles(selectors.search(reader, "password"))[0] == "Password rules"
