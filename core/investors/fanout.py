"""The e-mail alert fan-out: one e-mail per subscriber and alert, exactly once.

1. `recipients_list(alert)` writes one AlertDelivery row per confirmed subscriber of the
   alert's topic in ONE set-based INSERT … SELECT; the unique (alert, subscriber) row means a
   second run (a retry, a duplicate message) adds nobody twice.
2. `batch_send(alert)` claims up to BATCH_SIZE unsent rows (SKIP LOCKED on PostgreSQL, so
   workers take different rows), sends them over one connection and marks the ones that were
   handed to the mail server as sent in one UPDATE. If the server fails part-way, what went is
   marked and the rest released for the retry. A worker that dies mid-batch leaves a claim
   that expires after CLAIM_LEASE; the sweep (and the retry) take those rows again.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from . import tokens
from .models import Alert, AlertDelivery, Subscriber

BATCH_SIZE = 500
CLAIM_LEASE = timedelta(minutes=10)


def recipients_list(alert: Alert, *, at=None) -> int:
    """Insert the missing delivery rows; returns how many were added."""
    at = at or timezone.now()
    delivery = AlertDelivery._meta.db_table
    subscriber = Subscriber._meta.db_table
    wants = connection.ops.quote_name(Subscriber.topic_field(alert.topic))
    conflict = " ON CONFLICT DO NOTHING" if connection.vendor == "postgresql" else ""
    sql = (
        f"INSERT INTO {delivery} (alert_id, subscriber_id, claim) "  # noqa: S608 - names only
        f"SELECT %s, s.id, '' FROM {subscriber} s "
        f"WHERE s.{wants} AND s.unsubscribed_at IS NULL AND s.confirmed_at <= %s "
        f"AND NOT EXISTS (SELECT 1 FROM {delivery} d "
        f"WHERE d.alert_id = %s AND d.subscriber_id = s.id){conflict}"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [alert.pk, at, alert.pk])
        added = cursor.rowcount
        Alert.objects.filter(pk=alert.pk, fanned_out_at__isnull=True).update(fanned_out_at=at)
    return max(added, 0)


def unsent(alert: Alert):
    return AlertDelivery.objects.filter(alert=alert, sent_at__isnull=True)


def claim(alert: Alert, *, size: int = BATCH_SIZE, at=None) -> tuple[str, list[int]]:
    at = at or timezone.now()
    token = uuid.uuid4().hex
    with transaction.atomic():
        ids = list(
            unsent(alert)
            .exclude(claimed_at__gte=at - CLAIM_LEASE)
            .select_for_update(skip_locked=True)
            .order_by("id")
            .values_list("id", flat=True)[:size]
        )
        if ids:
            AlertDelivery.objects.filter(id__in=ids).update(claimed_at=at, claim=token)
    return token, ids


def item_url(alert: Alert) -> str:
    if alert.publication_id:
        path = reverse("investor:report", args=[alert.publication_id])
    else:
        path = reverse("investor:event", args=[alert.event_id])
    return settings.SITE_URL.rstrip("/") + path


def _bodies(alert: Alert, languages: set[str]) -> dict[str, tuple[str, str]]:
    """Subject and text per language, rendered once per batch (the unsubscribe link is the
    only per-person part)."""
    item = alert.publication or alert.event
    bodies = {}
    for language in languages:
        with translation.override(language):
            context = {
                "alert": alert,
                "item": item,
                "url": item_url(alert),
                "unsubscribe_url": "{unsubscribe_url}",
                "site_name": settings.SITE_NAME,
            }
            subject = render_to_string("emails/ir_alert_subject.txt", context)
            text = render_to_string("emails/ir_alert.txt", context)
        bodies[language] = (" ".join(subject.split())[:255], text)
    return bodies


def unsubscribe_url(subscriber_id: int, email: str) -> str:
    token = tokens.unsubscribe_token(Subscriber(pk=subscriber_id, email=email))
    return settings.SITE_URL.rstrip("/") + reverse("investor:alerts-unsubscribe", args=[token])


def batch_send(alert: Alert, *, size: int = BATCH_SIZE, at=None) -> int:
    """Send one batch; returns how many e-mails went (0: nothing left to claim)."""
    token, ids = claim(alert, size=size, at=at)
    if not ids:
        return 0
    rows = list(
        AlertDelivery.objects.filter(id__in=ids, claim=token)
        .order_by("id")
        .values_list("id", "subscriber_id", "subscriber__email", "subscriber__language")
    )
    bodies = _bodies(alert, {language for *_, language in rows})
    sent: list[int] = []
    try:
        with get_connection() as mail:
            for delivery_id, subscriber_id, email, language in rows:
                subject, text = bodies[language]
                link = unsubscribe_url(subscriber_id, email)
                message = EmailMessage(
                    subject,
                    text.replace("{unsubscribe_url}", link),
                    to=[email],
                    connection=mail,
                    headers={
                        "List-Unsubscribe": f"<{link}>",
                        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                        "Auto-Submitted": "auto-generated",
                    },
                )
                mail.send_messages([message])
                sent.append(delivery_id)
    finally:
        now = timezone.now()
        with transaction.atomic():
            AlertDelivery.objects.filter(id__in=sent, claim=token).update(sent_at=now)
            AlertDelivery.objects.filter(
                id__in=set(ids) - set(sent), claim=token, sent_at__isnull=True
            ).update(claimed_at=None, claim="")
    if not unsent(alert).exists():
        Alert.objects.filter(pk=alert.pk, finished_at__isnull=True).update(finished_at=now)
    return len(sent)


def batches_needed(alert: Alert) -> int:
    count = unsent(alert).count()
    return -(-count // BATCH_SIZE)
