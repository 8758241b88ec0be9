"""Celery entry points: thin, idempotent (firings and deliveries are unique rows)."""

import logging

from celery import shared_task
from django.conf import settings

logger = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True, max_retries=5)
def evaluate_event(self, *, kind, object_id, trigger, event, changes, event_id, actor_id=None):
    """Run the rules of one event (sent after the change commits). A retry fires nothing twice:
    each (rule, event) firing is a unique row."""
    from .engine import evaluate_event as evaluate

    try:
        return evaluate(
            kind=kind, object_id=object_id, trigger=trigger, event=event, changes=changes,
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
    """POST one delivery; on failure retry with exponential back-off until RULES_WEBHOOK_MAX_ATTEMPTS."""
    from .webhooks import DeliveryFailed, attempt

    attempts_so_far = self.request.retries + 1
    give_up = attempts_so_far >= settings.RULES_WEBHOOK_MAX_ATTEMPTS
    try:
        return attempt(delivery_id, give_up=give_up)
    except DeliveryFailed as failure:
        if give_up:
            logger.warning("Webhook delivery %s gave up: %s", delivery_id, failure)
            return False
        countdown = settings.RULES_WEBHOOK_BACKOFF_SECONDS * 2 ** self.request.retries
        raise self.retry(exc=failure, countdown=countdown) from failure
