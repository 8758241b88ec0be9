import logging
import smtplib
from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from core.jobs import enqueue_after_commit

from .models import OutboundEmail
from .services import email_deliver, email_record_failure

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


@shared_task(bind=True, max_retries=MAX_ATTEMPTS, acks_late=True)
def deliver_outbound_email(self, email_id: int) -> bool:
    try:
        return email_deliver(email_id)
    except (smtplib.SMTPException, OSError) as error:
        if self.request.retries >= MAX_ATTEMPTS:
            email_record_failure(email_id, repr(error), retry_in=None)
            logger.error("Gave up on outbound e-mail %s: %r", email_id, error)
            return False
        # 30 s, 1 min, 2 min, … capped at an hour.
        countdown = min(30 * 2**self.request.retries, 3600)
        email_record_failure(email_id, repr(error), retry_in=timedelta(seconds=countdown))
        raise self.retry(exc=error, countdown=countdown) from error


@shared_task(acks_late=True)
def deliver_outbound_emails(email_ids: list[int]) -> int:
    """Deliver e-mails written together (a sweep's notifications), each once, as
    deliver_outbound_email does. One that fails stays pending with its attempt noted; the
    periodic resend hands it to deliver_outbound_email, which retries it with back-off."""
    sent = 0
    for email_id in email_ids:
        try:
            sent += email_deliver(email_id)
        except (smtplib.SMTPException, OSError) as error:
            email_record_failure(email_id, repr(error), retry_in=timedelta(seconds=30))
            logger.warning("Outbound e-mail %s failed (%r); it will be retried.", email_id, error)
    return sent


@shared_task
def resend_stalled_outbound_emails() -> int:
    """Picks up e-mails whose delivery message was lost (broker down at commit, worker gone):
    pending, and due more than two minutes ago."""
    stalled_before = timezone.now() - timedelta(minutes=2)
    ids = list(
        OutboundEmail.objects.filter(
            status=OutboundEmail.Status.PENDING, next_attempt_at__lt=stalled_before
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:1000]
    )
    for email_id in ids:
        enqueue_after_commit(deliver_outbound_email, email_id)
    return len(ids)
