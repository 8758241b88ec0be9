"""Issue 10's budget: at most 15 queries for each page the benchmark drives, as the demo
person it is measured for (the suite's query tests assert the count does not grow with the
data; this one asserts the ceiling)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.pages import PAGES
from core.people.models import Person

QUERY_BUDGET = 15

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", PAGES, ids=[page.label for page in PAGES])
def test_each_benchmarked_page_stays_within_the_query_budget(module_world, db, client, page):
    if page.email:
        client.force_login(Person.objects.get(email=page.email))
    client.get(page.path)  # warm the process-wide caches a running server already holds
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.path)
    assert response.status_code == 200
    assert len(queries) <= QUERY_BUDGET, "\n".join(q["sql"][:160] for q in queries)
