"""The server process's long-lived objects kept out of the garbage collector's full passes.

A full collection walks every container object in the process: for this site, warm, some
320,000 of them, ~140 ms in which the worker answers nobody, every thousand requests or so.
Almost all are code, URL patterns, compiled templates and settings, alive until the process
ends. So once they are loaded, one collection clears what is garbage and the rest moves to the
permanent generation (`gc.freeze`), which later passes skip: first when the application is
loaded, then again after the first requests have compiled the templates and filled the
per-process caches.
"""

import gc
import itertools

from django.core.signals import request_finished
from django.urls import get_resolver

WARM_AFTER_REQUESTS = 200


def freeze_loaded_objects() -> None:
    gc.collect()
    gc.freeze()


def freeze_when_loaded() -> None:
    """For the server's entry point, once the application is loaded: the URLconf (and with it
    every view module) is read now, and the process is frozen again as its 200th request
    finishes, after the response has gone out. What that request still holds then is frozen
    with the rest: a one-off few objects, where doing it as the next request starts would
    keep that request's visitor waiting for the collection."""
    get_resolver().url_patterns  # noqa: B018 - imports the URLconf and every view
    freeze_loaded_objects()
    served = itertools.count(1)

    def freeze_once_warm(**_signal) -> None:
        if next(served) == WARM_AFTER_REQUESTS:
            request_finished.disconnect(freeze_once_warm, dispatch_uid="heap-freeze-warm")
            freeze_loaded_objects()

    request_finished.connect(freeze_once_warm, dispatch_uid="heap-freeze-warm", weak=False)
