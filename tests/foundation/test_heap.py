"""The server process's loaded objects leave the garbage collector's full passes: once the
application is loaded, and again once its first requests have warmed it, what is garbage by
then collected first rather than frozen."""

import gc
import weakref

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections

from portals import heap


class Node:
    pass


@pytest.fixture
def only_explicit_collections():
    # Automatic collections off, so garbage is cleared only by the collection under test; and
    # the signal's other receiver, which closes database connections, out of the way while
    # the test sends it (as Django's test client does).
    gc.unfreeze()
    gc.disable()
    request_finished.disconnect(close_old_connections)
    yield
    request_finished.disconnect(dispatch_uid="heap-freeze-warm")
    request_finished.connect(close_old_connections)
    gc.enable()
    gc.unfreeze()


def is_frozen(obj) -> bool:
    """In the permanent generation: tracked, yet in none of the generations collections walk."""
    return gc.is_tracked(obj) and not any(each is obj for each in gc.get_objects())


def garbage_cycle() -> weakref.ref:
    node = Node()
    node.itself = node
    return weakref.ref(node)


def test_the_loaded_application_is_frozen_then_frozen_again_once_warm(
    only_explicit_collections,
):
    loaded = Node()
    heap.freeze_when_loaded()
    assert is_frozen(loaded)

    kept_by_first_requests = Node()
    garbage = garbage_cycle()
    for _ in range(heap.WARM_AFTER_REQUESTS - 1):
        request_finished.send(sender=None)
    assert not is_frozen(kept_by_first_requests)
    assert garbage() is not None

    request_finished.send(sender=None)
    assert is_frozen(kept_by_first_requests)
    assert garbage() is None  # collected, not frozen

    made_later = Node()
    for _ in range(heap.WARM_AFTER_REQUESTS):
        request_finished.send(sender=None)
    assert not is_frozen(made_later)  # once only
