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


@pytest.mark.django_db
def test_a_request_reads_each_token_once_and_sees_its_own_renewal():
    from django.core.cache import cache

    from core import generations

    pages = Generation("test-pages")
    generations._request_began()
    try:
        first = pages.current()
        cache.set(pages.key, "renewed-by-another-process")
        assert pages.current() == first  # the request keeps the token it read first
        pages.renew()
        assert pages.current() not in (first, "renewed-by-another-process")
    finally:
        generations._request_ended()
    cache.set(pages.key, "renewed-after-the-request")
    assert pages.current() == "renewed-after-the-request"  # outside requests: every read


@pytest.mark.django_db
def test_a_request_reads_every_generations_token_in_one_call(monkeypatch):
    from django.core.cache import cache

    from core import generations

    pages, threads = Generation("test-pages-together"), Generation("test-threads-together")
    pages.current(), threads.current()  # both tokens exist
    reads = []
    monkeypatch.setattr(generations, "cache", _Recording(cache, reads))
    generations._request_began()
    try:
        pages.current()
        threads.current()
        pages.current()
    finally:
        generations._request_ended()
    assert reads == ["get_many"]


@pytest.mark.django_db
def test_a_token_no_one_made_yet_is_made_once_within_a_request():
    from django.core.cache import cache

    from core import generations

    fresh = Generation("test-never-read")
    cache.delete(fresh.key)
    generations._request_began()
    try:
        token = fresh.current()
        assert token and cache.get(fresh.key) == token
        assert fresh.current() == token
    finally:
        generations._request_ended()


class _Recording:
    """The cache, noting each read asked of it (not those it makes inside)."""

    def __init__(self, cache, reads: list):
        self.cache, self.reads = cache, reads

    def __getattr__(self, name):
        method = getattr(self.cache, name)
        if name not in ("get", "get_many"):
            return method

        def read(*args, **kwargs):
            self.reads.append(name)
            return method(*args, **kwargs)

        return read


def test_every_request_starts_with_no_tokens(client):
    from core import generations

    generations._request_began()
    generations._this_request.tokens["stale"] = "x"
    client.get("/healthz/")
    assert generations._tokens_of_this_request() is None
