"""Sending Celery tasks after the surrounding transaction commits.

A task sent before commit can run before its rows exist, or for a change that then rolls
back. A broker that is down at commit time must not turn a saved change into an error page:
the send is logged and retried by the periodic sweeps that own each kind of work.
"""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def enqueue_after_commit(task, *args, **kwargs) -> None:
    def send() -> None:
        try:
            task.delay(*args, **kwargs)
        except Exception:
            logger.exception("Could not send %s; its sweep will pick the work up.", task.name)

    transaction.on_commit(send)


def enqueue_batches_after_commit(task, ids: list, *, size: int) -> None:
    """`task(ids)` once per `size` ids, after commit. Each message to the broker costs about a
    millisecond, so a sweep that writes a thousand e-mails sends ten messages, not a thousand;
    the chunks still spread over the workers."""
    for start in range(0, len(ids), size):
        enqueue_after_commit(task, ids[start : start + size])
