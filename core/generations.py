"""Cached reads that never show what was true before a change.

A family of cached answers (the knowledge base's searches, the portals' page lists) lives
under a generation token. Any change to the data behind them replaces the token, so no
entry of an older generation is read again; those entries leave the cache on their own.

Within one request the tokens are read once, every generation's together in one call to the
cache: a page asking cached answers of several families reads them one time, as if the whole
request had run at the instant of that read. Outside requests (tasks, commands) every read
asks the cache.
"""

import uuid

from asgiref.local import Local
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save

_this_request = Local()  # .tokens: {generation key: token} while a request runs
_KEYS: set[str] = set()  # every generation's token key, read together in a request


def _request_began(**_signal) -> None:
    _this_request.tokens = {}


def _request_ended(**_signal) -> None:
    _this_request.tokens = None


request_started.connect(_request_began, dispatch_uid="generations-began")
request_finished.connect(_request_ended, dispatch_uid="generations-ended")


def _tokens_of_this_request() -> dict | None:
    return getattr(_this_request, "tokens", None)


class Generation:
    def __init__(self, name: str, *, timeout: int = 15 * 60):
        self.name = name
        self.timeout = timeout  # how long an entry of a replaced generation lingers
        self.key = f"{name}:generation"
        _KEYS.add(self.key)

    def current(self) -> str:
        tokens = _tokens_of_this_request()
        if tokens is not None and self.key not in tokens:
            # This request's first read: every generation's token in one round trip (a token
            # this request set by renewing stays). A missing one is made below.
            unread = [key for key in _KEYS if key not in tokens]
            tokens.update(cache.get_many(unread))
        token = tokens.get(self.key) if tokens is not None else None
        if token is None:
            token = cache.get(self.key)
            if token is None:
                # A fresh token, never a counter restarted from 1: entries stored before
                # the cache lost the key must not become current again.
                cache.add(self.key, uuid.uuid4().hex, timeout=None)
                token = cache.get(self.key)
            if tokens is not None:
                tokens[self.key] = token
        return token

    def _replace(self) -> None:
        token = uuid.uuid4().hex
        cache.set(self.key, token, timeout=None)
        tokens = _tokens_of_this_request()
        if tokens is not None:  # this request's own later reads see its change
            tokens[self.key] = token

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


def renew_on_person_change(generation: Generation) -> None:
    """Renews `generation` whenever a person is saved or removed, for answers that show
    people's names or standing. A sign-in, which saves the last sign-in time only, is no
    change to them."""
    from django.contrib.auth import get_user_model

    def person_saved(sender, instance, update_fields=None, **kwargs):
        if update_fields is None or set(update_fields) - {"last_login"}:
            generation.renew()

    Person = get_user_model()
    uid = f"{generation.name}:person"
    post_save.connect(person_saved, sender=Person, dispatch_uid=uid, weak=False)
    post_delete.connect(generation.renew, sender=Person, dispatch_uid=uid)
