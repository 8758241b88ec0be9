"""How many queries a page costs: the suite's tests that a page does not grow with the data."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_to_get(client, url: str) -> int:
    """The page's queries as a running site serves it: asked once before counting, so what
    is kept in the shared cache between requests (a person's access, the portal's pages) is
    there, as for every request but the first after a change."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)
