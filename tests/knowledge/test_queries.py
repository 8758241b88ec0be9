"""Every knowledge-base page costs the same number of queries with few or many articles."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.access.roles import Role
from core.knowledge.models import ArticleStats, RelatedArticle
from core.knowledge.services import feedback_record
from core.tickets.deflection import suggest
from tests.factories import person_with

from .factories import article, category

pytestmark = pytest.mark.django_db


def count_queries(client, url) -> int:
    client.get(url)  # first visits create counters and warm caches; measure the second
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow(parent, n, reader, *, related_to=None):
    for i in range(n):
        page = article(
            parent,
            f"Scanner guide {parent.pk}-{i}",
            text="Scanner steps.",
            tags=("scanner", f"t{i}"),
            for_customers=True,
        )
        ArticleStats.objects.update_or_create(article=page, defaults={"views": i + 1})
        feedback_record(article=page, person=reader, helpful=True)
        if related_to is not None:
            RelatedArticle.objects.create(article=related_to, related=page, sort_order=i)


def test_reader_pages_cost_the_same_with_many_articles(client):
    reader = person_with(Role.CUSTOMER)
    devices, billing = category("Devices"), category("Billing")
    main = article(devices, "Scanner basics", tags=("scanner",), for_customers=True)
    grow(devices, 2, reader, related_to=main)
    grow(billing, 2, reader)
    client.force_login(reader)
    urls = [
        devices.get_parent().url,
        devices.url,
        main.url,
        reverse("knowledge:search") + "?q=scanner",
        reverse("knowledge:search") + "?q=scanner&tag=scanner&category=devices",
    ]
    small = [count_queries(client, url) for url in urls]
    grow(devices, 14, reader, related_to=main)
    grow(billing, 14, reader)
    category("Accounts")
    assert [count_queries(client, url) for url in urls] == small


def test_suggestions_cost_the_same_with_many_articles():
    reader = person_with(Role.CUSTOMER)
    parent = category()
    grow(parent, 2, reader)
    suggest(reader, "scanner guide")  # warms Wagtail's cache of site root paths
    with CaptureQueriesContext(connection) as few:
        suggest(type(reader).objects.get(pk=reader.pk), "scanner guide")
    grow(parent, 20, reader)
    with CaptureQueriesContext(connection) as many:
        suggest(type(reader).objects.get(pk=reader.pk), "scanner guide")
    assert len(many) == len(few)
