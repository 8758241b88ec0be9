"""A generation keeps cached answers until the data behind them changes."""

import pytest

from core.generations import Generation


@pytest.mark.django_db
def test_an_answer_is_computed_once_per_generation(django_capture_on_commit_callbacks):
    pages = Generation("test-pages")
    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    assert pages.kept("list", compute) == 1
    assert pages.kept("list", compute) == 1

    with django_capture_on_commit_callbacks(execute=True):
        pages.renew()
    assert pages.kept("list", compute) == 2


@pytest.mark.django_db(transaction=True)
def test_renewing_replaces_the_generation_now_and_again_after_commit():
    from django.db import transaction

    pages = Generation("test-pages")
    before = pages.current()
    with transaction.atomic():
        pages.renew()
        during = pages.current()
        assert during != before
    assert pages.current() not in (before, during)


def test_generations_of_different_names_are_apart():
    knowledge, pages = Generation("test-a"), Generation("test-b")
    knowledge.kept("x", lambda: "a")
    assert pages.kept("x", lambda: "b") == "b"
