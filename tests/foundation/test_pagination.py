import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.orgs.models import Organisation
from core.pagination import CappedPaginator


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
