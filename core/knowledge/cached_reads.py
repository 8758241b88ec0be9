"""The knowledge base's costly reads, kept in the cache for everyone of the same audience until
the knowledge base changes.

Ranking a common word's thousands of matches costs tens of milliseconds however it is indexed,
and so does listing the tags of every article a reader may open. People whose roles let them
read the same articles (`core.access.knowledge.audience_key`) get the same answers, so one
computation serves them all. Each entry is stored under the knowledge base's version, which
saving, deleting or moving any knowledge page replaces (publishing, unpublishing and
scheduled publishing all save the page): no one is shown an answer from before a change.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction

from core.access.knowledge import audience_key, narrowing_ids

VERSION_KEY = "knowledge:version"
# Entries of a replaced version are never read again; they leave the cache after this long.
TIMEOUT = 15 * 60


def version() -> str:
    current = cache.get(VERSION_KEY)
    if current is None:
        # A fresh token, never a counter restarted from 1: entries stored before the cache
        # lost the key must not become current again.
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        current = cache.get(VERSION_KEY)
    return current


def _new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def knowledge_changed(**_signal) -> None:
    # Now, for this transaction's own reads, and again once it commits: a reader in another
    # process meanwhile saw the rows from before and may have stored them under the first.
    _new_version()
    transaction.on_commit(_new_version)


def _kept(key: str, compute):
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def remembered(person, name: str, parts: tuple, compute):
    """`compute()`'s answer for the person's audience and these parts (which must decide the
    answer together with the audience), from the cache when this version has it."""
    current = version()
    narrowing = _kept(f"knowledge:narrowing:{current}", narrowing_ids)
    audience = audience_key(person, narrowing)
    digest = hashlib.sha256(repr((audience, parts)).encode()).hexdigest()
    return _kept(f"knowledge:{name}:{current}:{digest}", compute)


def shared(name: str, compute):
    """`compute()`'s answer when it is the same for every reader (the categories), from the
    cache when this version has it."""
    return _kept(f"knowledge:{name}:{version()}", compute)
