import socket
import threading

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import translation

from core.demo.steps import seed_world

REDIS_ADDRESS = ("127.0.0.1", 6379)


def _answers(address: tuple[str, int]) -> bool:
    try:
        with socket.create_connection(address, timeout=0.5):
            return True
    except OSError:
        return False


def pytest_report_header(config):
    return [
        f"database: {connection.vendor}",
        "redis: " + ("answers" if _answers(REDIS_ADDRESS) else "does not answer"),
    ]


def pytest_collection_modifyitems(config, items):
    skip_postgres = pytest.mark.skip(
        reason=f"needs PostgreSQL: this run uses {connection.vendor} (set DATABASE_URL)"
    )
    skip_redis = pytest.mark.skip(reason="needs Redis on 127.0.0.1:6379, which does not answer")
    redis_up = _answers(REDIS_ADDRESS)
    for item in items:
        if "postgres" in item.keywords and connection.vendor != "postgresql":
            item.add_marker(skip_postgres)
        if ("celery" in item.keywords or "redis" in item.keywords) and not redis_up:
            item.add_marker(skip_redis)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and Wagtail's site cache must not leak from one test to the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _source_language():
    """A request leaves its language active in the thread (as Django's LocaleMiddleware does);
    each test starts, and leaves the next one, in the source language."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def world(db):
    """The demo's people and organisations, made inside this test's transaction."""
    return seed_world()


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    """The whole demo, made once for a module and rolled back after it (like setUpTestData).

    Tests using it must also request `db`, so each runs in a savepoint inside this one.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield seed_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()


@pytest.fixture
def sign_in(client):
    """sign_in(person) signs the test client in as that person and returns the client."""

    def _sign_in(person):
        client.force_login(person)
        return client

    return _sign_in


@pytest.fixture
def celery_worker_on_redis():
    """A real Celery worker thread consuming from Redis, on a queue of its own so that
    checkouts sharing this Redis never take each other's tasks."""
    from uuid import uuid4

    from celery.contrib.testing.worker import start_worker

    from portals.celery import app

    queue = f"test-{uuid4().hex}"
    url = "redis://{}:{}/15".format(*REDIS_ADDRESS)
    changes = {
        "broker_url": url,
        "result_backend": url,
        "task_always_eager": False,
        "task_ignore_result": False,
        "task_default_queue": queue,
    }
    saved = {key: app.conf[key] for key in changes}
    app.conf.update(changes)
    _forget_connections(app)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, queues=[queue]):
            yield app
    finally:
        app.conf.update(saved)
        _forget_connections(app)


def _forget_connections(app) -> None:
    """Celery caches its broker pool and result backend; drop them after changing URLs."""
    app._after_fork()
    app._backend_cache = None
    app._local = threading.local()
