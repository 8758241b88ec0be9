"""The Redis cache backend that production runs (portals.cache), against a real Redis."""

import threading
import uuid

import pytest
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from portals.cache import RedisCache

pytestmark = pytest.mark.redis

LOCATION = "redis://127.0.0.1:6379/13"


@pytest.fixture
def params():
    # A prefix of its own and a short life for every key: parallel test workers share this
    # Redis database, so nothing here clears it.
    return {"KEY_PREFIX": f"test-{uuid.uuid4().hex}", "TIMEOUT": 60}


@pytest.fixture
def redis_cache(params):
    return RedisCache(LOCATION, params)


def test_it_keeps_reads_writes_counters_and_expiry_as_djangos_does(redis_cache, params):
    redis_cache.set("facts", {"roles": ["customer", "partner"]}, 30)
    assert redis_cache.get("facts") == {"roles": ["customer", "partner"]}
    assert redis_cache.add("facts", "other") is False
    assert redis_cache.add("hits", 1) is True
    assert redis_cache.incr("hits", 2) == 3
    redis_cache.set_many({"a": 1, "b": 2})
    assert redis_cache.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}
    redis_cache.set("gone", 1, 0)
    assert redis_cache.get("gone") is None
    redis_cache.delete("facts")
    assert redis_cache.get("facts", "missing") == "missing"
    # What Django's own backend stored, this one reads, and the other way round.
    plain = DjangoRedisCache(LOCATION, params)
    plain.set("from-django", [1, 2])
    redis_cache.set("from-ours", (3, 4))
    assert redis_cache.get("from-django") == [1, 2]
    assert plain.get("from-ours") == (3, 4)


def test_every_call_reuses_one_client_and_threads_share_it(redis_cache):
    client = redis_cache._cache.get_client(write=True)
    assert redis_cache._cache.get_client() is client
    errors = []

    def worker(n):
        try:
            for i in range(50):
                redis_cache.set(f"thread-{n}-{i}", i)
                assert redis_cache.get(f"thread-{n}-{i}") == i
        except Exception as error:  # noqa: BLE001 - reported to the main thread
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert redis_cache._cache.get_client() is client
