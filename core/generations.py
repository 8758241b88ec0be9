"""Cached reads that never show what was true before a change.

A family of cached answers (the knowledge base's searches, the portals' page lists) lives
under a generation token. Any change to the data behind them replaces the token, so no
entry of an older generation is read again; those entries leave the cache on their own.
"""

import uuid

from django.core.cache import cache
from django.db import transaction


class Generation:
    def __init__(self, name: str, *, timeout: int = 15 * 60):
        self.name = name
        self.timeout = timeout  # how long an entry of a replaced generation lingers
        self.key = f"{name}:generation"

    def current(self) -> str:
        token = cache.get(self.key)
        if token is None:
            # A fresh token, never a counter restarted from 1: entries stored before the
            # cache lost the key must not become current again.
            cache.add(self.key, uuid.uuid4().hex, timeout=None)
            token = cache.get(self.key)
        return token

    def _replace(self) -> None:
        cache.set(self.key, uuid.uuid4().hex, timeout=None)

    def renew(self, **_signal) -> None:
        """A signal receiver: the data changed. Replaced now, for this transaction's own
        reads, and again once it commits: a reader in another process meanwhile saw the
        rows from before and may have stored them under the first new token."""
        self._replace()
        transaction.on_commit(self._replace)

    def kept(self, name: str, compute):
        """`compute()`'s answer, from the cache when this generation has it."""
        key = f"{self.name}:{name}:{self.current()}"
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, self.timeout)
        return value
