import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from core.orgs.models import Organisation
from core.pagination import CappedPaginator, OneQueryPaginator


def test_a_short_list_counts_exactly():
    paginator = CappedPaginator(list(range(12)), 5, max_pages=3)
    assert (paginator.count, paginator.num_pages, paginator.is_capped) == (12, 3, False)


def test_a_long_list_stops_counting_after_the_last_page_it_offers():
    paginator = CappedPaginator(list(range(1000)), 5, max_pages=3)
    assert paginator.is_capped
    assert paginator.num_pages == 3
    last = paginator.get_page(99)  # out of range: the last page offered
    assert last.number == 3
    assert not last.has_next()
    assert list(last.object_list) == [10, 11, 12, 13, 14]


@pytest.mark.django_db
def test_a_queryset_is_counted_with_one_bounded_query():
    Organisation.objects.bulk_create(
        Organisation(name=f"Firm {n}", slug=f"firm-{n}", kind="customer") for n in range(30)
    )
    paginator = CappedPaginator(Organisation.objects.order_by("name"), 5, max_pages=2)
    with CaptureQueriesContext(connection) as queries:
        assert paginator.count == 11
    assert len(queries) == 1
    assert "LIMIT 11" in queries[0]["sql"]


@pytest.fixture
def firms_by_kind():
    """Seven customer firms and three partner firms, as one row per kind with its count."""
    Organisation.objects.bulk_create(
        Organisation(name=f"Firm {n}", slug=f"firm-{n}", kind="customer" if n < 7 else "partner")
        for n in range(10)
    )
    return Organisation.objects.values("kind").annotate(firms=Count("pk")).order_by("kind")


@pytest.mark.django_db
def test_a_page_and_its_total_come_in_one_query(firms_by_kind):
    paginator = OneQueryPaginator(firms_by_kind, 1)
    with CaptureQueriesContext(connection) as queries:
        page = paginator.get_page("2")
        assert (paginator.count, paginator.num_pages, page.number) == (2, 2, 2)
    assert len(queries) == 1
    assert list(page.object_list) == [{"kind": "partner", "firms": 3}]
    assert page.has_previous() and not page.has_next()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "asked", ["9", "0", "-3", "99999999999999999999", "zwei", "2.0", None, "1", "2"]
)
def test_it_answers_any_page_number_as_django_s_paginator_does(firms_by_kind, asked):
    ours = OneQueryPaginator(firms_by_kind, 1).get_page(asked)
    django = Paginator(firms_by_kind, 1).get_page(asked)
    assert ours.number == django.number
    assert ours.paginator.count == django.paginator.count == 2
    assert list(ours.object_list) == list(django.object_list)


def test_it_refuses_orphans_it_would_not_keep():
    with pytest.raises(ValueError):
        OneQueryPaginator([], 5, orphans=2)


@pytest.mark.django_db
def test_an_empty_list_is_one_empty_page():
    empty = Organisation.objects.values("kind").annotate(firms=Count("pk")).order_by("kind")
    with CaptureQueriesContext(connection) as queries:
        page = OneQueryPaginator(empty, 5).get_page(1)
        assert (page.paginator.count, page.paginator.num_pages, list(page)) == (0, 1, [])
    assert len(queries) == 1
