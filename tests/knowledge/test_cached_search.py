"""Search results and the tag filter are computed once per audience and kept until the
knowledge base changes: a change shows at once, and no one sees another audience's answers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.access.knowledge import audience_key, narrowing_ids
from core.access.roles import Role
from core.knowledge import selectors
from tests.factories import OrganisationFactory, person_with

from .factories import article, category, knowledge_base

pytestmark = pytest.mark.django_db


def hit_titles(page) -> list[str]:
    return [hit.article.title for hit in page.hits]


def test_people_of_one_audience_share_results_computed_once():
    article(title="Scanner batteries", text="Charge the scanner overnight.")
    # Customers of two organisations no article is narrowed to read the same articles.
    first, second = person_with(Role.CUSTOMER), person_with(Role.CUSTOMER)
    assert audience_key(first, narrowing_ids()) == audience_key(second, narrowing_ids())
    with CaptureQueriesContext(connection) as computing:
        assert hit_titles(selectors.search_page(first, "scanner")) == ["Scanner batteries"]
    with CaptureQueriesContext(connection) as reused:
        assert hit_titles(selectors.search_page(second, "scanner")) == ["Scanner batteries"]

    def searches(captured) -> list[str]:  # SQLite's FTS5 table and PostgreSQL's alike
        return [q["sql"] for q in captured.captured_queries if "wagtailsearch_index" in q["sql"]]

    assert searches(computing), "the first search ranks in the database"
    assert not searches(reused)


def test_publishing_unpublishing_and_editing_show_at_once():
    reader = person_with(Role.CUSTOMER)
    first = article(title="Scanner batteries", text="Charge the scanner overnight.")
    assert hit_titles(selectors.search_page(reader, "scanner")) == ["Scanner batteries"]
    second = article(title="Scanner straps", text="Fit the scanner strap.")
    assert sorted(hit_titles(selectors.search_page(reader, "scanner"))) == [
        "Scanner batteries",
        "Scanner straps",
    ]
    first.unpublish()
    assert hit_titles(selectors.search_page(reader, "scanner")) == ["Scanner straps"]
    second.for_public, second.for_partners = False, True
    second.save_revision().publish()
    assert selectors.search_page(reader, "scanner").paginator.count == 0


def test_an_audience_never_reads_what_another_audience_left_in_the_cache():
    knowledge_base()
    partner = person_with(Role.PARTNER, organisation=OrganisationFactory(kind="partner"))
    customer = person_with(Role.CUSTOMER)
    article(title="Deal desk scanner pricing", text="Scanner margins.", for_partners=True)
    article(title="Scanner batteries", text="Charge the scanner overnight.", tags=("power",))
    assert len(selectors.search_page(partner, "scanner").hits) == 2
    assert hit_titles(selectors.search_page(customer, "scanner")) == ["Scanner batteries"]
    article(title="Partner pricing sheet", text="Margins.", for_partners=True, tags=("pricing",))
    index = knowledge_base()
    assert [t.name for t in selectors.search_filters(partner, index)[1]] == ["power", "pricing"]
    assert [t.name for t in selectors.search_filters(customer, index)[1]] == ["power"]


def test_customers_of_an_organisation_an_article_is_narrowed_to_have_their_own_results():
    named, other = OrganisationFactory(), OrganisationFactory()
    article(title="Scanner batteries", text="Charge the scanner overnight.")
    article(
        title="Scanner contract",
        text="Your scanner lease.",
        organisations=[named],
        for_customers=True,
    )
    inside = person_with(Role.CUSTOMER, organisation=named)
    outside = person_with(Role.CUSTOMER, organisation=other)
    assert audience_key(inside, narrowing_ids()) != audience_key(outside, narrowing_ids())
    assert hit_titles(selectors.search_page(outside, "scanner")) == ["Scanner batteries"]
    assert len(selectors.search_page(inside, "scanner").hits) == 2
    assert hit_titles(selectors.search_page(outside, "scanner")) == ["Scanner batteries"]


def test_pages_past_the_kept_ids_are_ranked_in_the_database(monkeypatch, client):
    monkeypatch.setattr(selectors, "KEPT_IDS", 10)
    devices = category("Devices")
    for number in range(25):
        article(devices, f"Scanner note {number:02}", text="Scanner tips.")
    reader = person_with(Role.CUSTOMER)
    pages = [selectors.search_page(reader, "scanner", page_number=n) for n in (1, 2, 3)]
    assert [len(page.hits) for page in pages] == [10, 10, 5]
    seen = [title for page in pages for title in hit_titles(page)]
    assert sorted(seen) == [f"Scanner note {n:02}" for n in range(25)]
    client.force_login(reader)
    response = client.get(reverse("knowledge:search"), {"q": "scanner", "page": 3})
    assert response.status_code == 200 and len(response.context["page_obj"].hits) == 5


def test_the_kept_categories_follow_new_renamed_and_unpublished_categories():
    reader = person_with(Role.CUSTOMER)
    index = knowledge_base()
    billing = category("Billing")

    def filter_titles() -> list[str]:
        categories, _tags = selectors.search_filters(reader, index)
        return [c.title for c in categories]

    assert "Billing" in filter_titles()
    with CaptureQueriesContext(connection) as reused:
        filter_titles()
    assert not [q for q in reused.captured_queries if "knowledgecategorypage" in q["sql"]]
    category("Accounts")
    assert filter_titles().index("Accounts") < filter_titles().index("Billing")
    billing.title = "Invoices and billing"
    billing.save_revision().publish()
    assert "Invoices and billing" in filter_titles() and "Billing" not in filter_titles()
    billing.unpublish()
    assert "Invoices and billing" not in filter_titles()
