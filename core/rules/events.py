"""Events from the areas' services into the rules engine: recorded in the caller's transaction,
evaluated by Celery after it commits (never in the request).

    record_event("ticket", ticket, "changed", event="resolved",
                 changes={"status": ("open", "resolved")})

`changes` maps registered field names to (old, new) values as strings. What rules themselves
change does not fire rules again (no loops): the engine runs actions inside `rules_running()`.
"""

import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from core.jobs import enqueue_after_commit

_running: ContextVar[bool] = ContextVar("rules_running", default=False)


@contextmanager
def rules_running():
    token = _running.set(True)
    try:
        yield
    finally:
        _running.reset(token)


def record_event(
    kind: str, record, trigger: str, *, event: str = "", changes: dict | None = None, actor=None
) -> str | None:
    """Queue rule evaluation for `record` after commit; returns the event's id (or None when a
    rule's own action caused it)."""
    if _running.get():
        return None
    from .tasks import evaluate_event

    event_id = uuid.uuid4().hex
    enqueue_after_commit(
        evaluate_event,
        kind=kind,
        object_id=record.pk,
        trigger=trigger,
        event=event or trigger,
        changes={name: [str(old), str(new)] for name, (old, new) in (changes or {}).items()},
        event_id=event_id,
        actor_id=getattr(actor, "pk", None),
    )
    return event_id
