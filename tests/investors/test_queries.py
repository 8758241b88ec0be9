"""The IR pages cost the same number of queries with few or many publications and events."""

import pytest
from django.urls import reverse

from core.access.roles import Role
from tests.factories import person_with
from tests.queries import queries_to_get

from .factories import event, publication

pytestmark = pytest.mark.django_db


def grow(n, start):
    for i in range(start, start + n):
        publication(
            title=f"Report {i}", fiscal_year=2022 + i % 5, audience=("public", "registered")[i % 2]
        )
        item = event(title=f"Event {i}", days=i - 10)
        item.materials.add(publication(title=f"Slides {i}"))


@pytest.mark.parametrize("as_investor", [False, True])
def test_library_events_and_feeds_are_constant_in_the_data_size(client, as_investor):
    if as_investor:
        client.force_login(person_with(Role.INVESTOR))
    urls = [
        reverse("investor:library"),
        reverse("investor:library") + "?year=2024&category=annual&q=report",
        reverse("investor:events"),
        reverse("investor:releases-feed"),
        reverse("investor:calendar-feed"),
    ]
    grow(3, 0)
    few = [queries_to_get(client, url) for url in urls]
    grow(30, 3)
    many = [queries_to_get(client, url) for url in urls]
    assert few == many
