"""How many queries a page costs: the suite's tests that a page does not grow with the data."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_to_get(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)
