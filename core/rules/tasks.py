"""Celery entry points: thin, idempotent (firings and deliveries are unique rows)."""

import logging

from celery import shared_task
from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True, max_retries=5)
def evaluate_event(self, *, kind, object_id, trigger, event, changes, event_id, actor_id=None):
    """Run the rules of one event (sent after the change commits). A retry fires nothing twice:
    each (rule, event) firing is a unique row."""
    from .engine import evaluate_event as evaluate

    try:
        return evaluate(
            kind=kind,
            object_id=object_id,
            trigger=trigger,
            event=event,
            changes=changes,
            event_id=event_id,
        )
    except Exception as error:
        if settings.CELERY_TASK_ALWAYS_EAGER:
            raise
        raise self.retry(exc=error, countdown=min(30 * 2**self.request.retries, 1800)) from error


@shared_task(acks_late=True)
def sweep_time_rules() -> dict[str, int]:
    """Periodic: time-based rules and escalation levels (one claim query per rule and level)."""
    from .engine import sweep

    counts = sweep()
    if any(counts.values()):
        logger.info("Time-based rules fired: %s", counts)
    return counts


@shared_task(bind=True, acks_late=True, max_retries=None)
def deliver_webhook(self, delivery_id: int) -> bool:
    """POST one delivery. On failure the log holds the next attempt's time (exponential
    back-off) and, with a worker, the task retries then; it stops after
    RULES_WEBHOOK_MAX_ATTEMPTS. Without a worker (eager mode) the periodic job retries."""
    from .models import WebhookDelivery
    from .webhooks import DeliveryFailed, attempt

    try:
        return attempt(delivery_id)
    except DeliveryFailed as failure:
        delivery = failure.args[1] if len(failure.args) > 1 else None
        if (
            delivery is None
            or delivery.status != WebhookDelivery.Status.FAILED
            or self.request.is_eager
        ):
            return False
        countdown = max((delivery.next_attempt_at - timezone.now()).total_seconds(), 0)
        raise self.retry(exc=failure, countdown=countdown) from failure


@shared_task(acks_late=True)
def deliver_webhooks(delivery_ids: list[int]) -> int:
    """One attempt at each delivery written together (a sweep's batch). A failed one has its
    next attempt's time in the log already; the periodic job sends its retries."""
    from .webhooks import DeliveryFailed, attempt

    delivered = 0
    for delivery_id in delivery_ids:
        try:
            delivered += attempt(delivery_id)
        except DeliveryFailed:
            continue
    return delivered


@shared_task(acks_late=True)
def retry_webhooks() -> int:
    """Periodic: send a task for every delivery whose next attempt is due."""
    from .webhooks import due_deliveries

    due = due_deliveries(timezone.now())
    for delivery_id in due:
        deliver_webhook.delay(delivery_id)
    return len(due)
