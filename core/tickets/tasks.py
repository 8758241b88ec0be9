import logging

from celery import shared_task
from django.utils import timezone

from . import sla
from .services import ticket_close_resolved

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def sweep_sla_breaches() -> dict[str, int]:
    """Periodic: flag every missed SLA target and notify (see core/tickets/sla.py)."""
    flagged = sla.sweep_breaches(timezone.now())
    counts = {kind: len(ids) for kind, ids in flagged.items()}
    if any(counts.values()):
        logger.info("SLA breaches flagged: %s", counts)
    return counts


@shared_task(bind=True, acks_late=True, max_retries=5)
def notify_sla_breaches(self, kind: str, ticket_ids: list[int]) -> int:
    """Breach notices to each ticket's assignee and its queue's team address. Idempotent: the
    outbox key is one per ticket and kind of target."""
    from .breach_notices import send_breach_notices

    try:
        return send_breach_notices(kind=kind, ticket_ids=ticket_ids)
    except Exception as error:  # a database hiccup: try again a little later
        raise self.retry(exc=error, countdown=min(60 * 2**self.request.retries, 3600)) from error


@shared_task(acks_late=True)
def close_resolved_tickets() -> int:
    """Periodic: resolved tickets nobody reopened within TICKETS_AUTO_CLOSE_DAYS are closed."""
    return len(ticket_close_resolved(now=timezone.now()))
