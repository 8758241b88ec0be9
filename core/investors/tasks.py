"""Thin Celery entry points for investor relations; the work is in fanout.py."""

import logging
import smtplib

from celery import shared_task
from django.core.management import call_command
from django.utils import timezone

from core.jobs import enqueue_after_commit

from . import fanout
from .models import Alert

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def alert_fan_out(alert_id: int) -> int:
    """List the recipients (idempotent), then send one batch task per BATCH_SIZE of them."""
    alert = Alert.objects.filter(pk=alert_id).first()
    if alert is None:
        return 0
    fanout.recipients_list(alert)
    batches = fanout.batches_needed(alert)
    for _ in range(batches):
        enqueue_after_commit(alert_send_batch, alert_id)
    return batches


@shared_task(bind=True, acks_late=True, max_retries=8)
def alert_send_batch(self, alert_id: int) -> int:
    alert = Alert.objects.filter(pk=alert_id).select_related("publication", "event").first()
    if alert is None:
        return 0
    try:
        return fanout.batch_send(alert)
    except (smtplib.SMTPException, OSError) as error:
        countdown = min(30 * 2**self.request.retries, 3600)
        raise self.retry(exc=error, countdown=countdown) from error


@shared_task
def resume_alerts() -> int:
    """The sweep: alerts whose recipients were never listed (broker down at publish time), or
    with unsent rows whose claim expired (a worker that died), are picked up again."""
    lease_over = timezone.now() - fanout.CLAIM_LEASE
    resumed = 0
    for alert in Alert.objects.filter(finished_at__isnull=True).order_by("pk")[:50]:
        if alert.fanned_out_at is None:
            enqueue_after_commit(alert_fan_out, alert.pk)
            resumed += 1
        elif (
            fanout.unsent(alert).exclude(claimed_at__gte=lease_over).exists()
            and alert.fanned_out_at < lease_over
        ):
            for _ in range(fanout.batches_needed(alert)):
                enqueue_after_commit(alert_send_batch, alert.pk)
            resumed += 1
    return resumed


@shared_task
def publish_scheduled_items() -> None:
    """Wagtail's scheduled publishing for pages, publications and events (results days)."""
    call_command("publish_scheduled")
