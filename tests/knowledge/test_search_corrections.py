"""A search that finds nothing is retried with its misspelt words corrected from the words
live articles use, and says so; never towards a word only unreadable articles hold."""

import pytest
from django.urls import reverse

from core.access.roles import Role
from core.knowledge import selectors, vocabulary
from core.knowledge.models import SearchWord
from tests.factories import person_with

from .factories import article

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return person_with(Role.CUSTOMER)


def test_a_misspelt_search_shows_the_corrected_words_and_their_articles(reader, client):
    article(title="Scanner batteries", text="Charge the handheld overnight.")
    article(title="Invoice copies", text="Download them from the billing page.")
    vocabulary.rebuild()
    page = selectors.search_page(reader, "scaner overnite")
    assert page.corrected_query == "scanner overnight"
    assert [hit.article.title for hit in page.hits] == ["Scanner batteries"]
    assert "<mark>Scanner</mark>" in page.hits[0].title
    client.force_login(reader)
    html = client.get(reverse("knowledge:search"), {"q": "scaner"}).content.decode()
    assert "Showing results for <strong>scanner</strong>" in html


def test_a_search_that_matches_is_not_corrected(reader):
    article(title="Scanner batteries")
    vocabulary.rebuild()
    assert selectors.search_page(reader, "Scanner").corrected_query == ""


def test_words_of_unreadable_articles_are_never_offered(reader):
    article(title="Rajawali acquisition plan", for_employees=True)
    vocabulary.rebuild()
    assert SearchWord.objects.filter(word="rajawali").exists()
    page = selectors.search_page(reader, "rajawalli")
    assert page.corrected_query == ""
    assert page.paginator.count == 0
    employee = person_with(Role.EMPLOYEE)
    assert selectors.search_page(employee, "rajawalli").corrected_query == "rajawali"


def test_publishing_teaches_the_words_and_the_rebuild_forgets_withdrawn_ones(reader):
    draft = article(title="Pallet wrapping", text="Stretch film on every pallet.", live=False)
    assert not SearchWord.objects.filter(word="pallet").exists()
    draft.save_revision().publish()
    assert SearchWord.objects.filter(word__in=["pallet", "stretch", "wrapping"]).count() == 3
    draft.refresh_from_db()
    draft.unpublish()
    vocabulary.rebuild()
    assert not SearchWord.objects.filter(word="pallet").exists()


def test_correction_costs_one_query_whatever_the_terms(reader, django_assert_num_queries):
    article(title="Scanner batteries", text="Charge the handheld overnight.")
    vocabulary.rebuild()
    with django_assert_num_queries(1):
        assert vocabulary.corrected(["scaner"]) == ["scanner"]
    with django_assert_num_queries(1):
        assert vocabulary.corrected(["scaner", "overnite", "handheld", "zzzz"]) == [
            "scanner",
            "overnight",
            "handheld",
            "zzzz",
        ]
