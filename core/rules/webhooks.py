"""Webhooks: a signed JSON POST, retried with back-off by Celery, every attempt in the log.

Signature header (the receiver recomputes it with the shared secret and refuses stale ones):

    X-Samudra-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">

Each failed attempt sets the next one's time (exponential back-off); the Celery task retries at
that time, and the periodic job "Business rules: retry webhooks" picks up any delivery whose
time has come (a lost task, a broker outage, or eager mode without a worker).

Addresses must be http(s). Unless RULES_WEBHOOK_ALLOW_PRIVATE is on (development and tests),
loopback, private, link-local and reserved addresses are refused, when the rule is saved and
again before each delivery (the name may resolve elsewhere by then).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import socket
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import WebhookDelivery

SIGNATURE_HEADER = "X-Samudra-Signature"
# Deliveries per task when a sweep writes many: few enough that a slow receiver (up to
# RULES_WEBHOOK_TIMEOUT each) holds a worker minutes, not hours.
DELIVERY_BATCH = 20


class UnsafeURL(ValueError):
    pass


def body_of(payload: dict) -> bytes:
    return json.dumps(
        payload, cls=DjangoJSONEncoder, sort_keys=True, separators=(",", ":")
    ).encode()


def signature(secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(
    secret: str, header: str, body: bytes, *, tolerance: int = 300, now: int | None = None
) -> bool:
    """What a receiver does (used by our tests, offered to integrators)."""
    try:
        parts = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs((now or int(time.time())) - timestamp) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), header)


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeURL(_("Use an http:// or https:// address."))
    if settings.RULES_WEBHOOK_ALLOW_PRIVATE:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise UnsafeURL(
            _("The host name %(host)s does not resolve.") % {"host": parts.hostname}
        ) from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global or address.is_multicast:
            raise UnsafeURL(
                _("%(host)s is a private or local address; webhooks go to public hosts only.")
                % {"host": parts.hostname}
            )


def queue_deliveries(*, rule, action, target, keyed_records, event: str) -> set[str]:
    """Write the delivery rows of many records (`keyed_records`: (idempotency key, record)
    pairs) in one INSERT; their tasks are sent after commit, one per DELIVERY_BATCH. A key
    seen before is a no-op. Returns the keys written."""
    from core.jobs import enqueue_batches_after_commit

    from .tasks import deliver_webhooks

    wanted = dict(keyed_records)
    for key in WebhookDelivery.objects.filter(idempotency_key__in=list(wanted)).values_list(
        "idempotency_key", flat=True
    ):
        del wanted[key]
    written = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(
            idempotency_key=key,
            rule=rule,
            action=action,
            target_kind=target.kind,
            object_id=record.pk,
            url=action.url,
            payload={
                "rule": rule.name,
                "event": event,
                "target": target.kind,
                "record": target.payload(record),
                "delivery": key,
            },
        )
        for key, record in wanted.items()
    )
    enqueue_batches_after_commit(
        deliver_webhooks, [delivery.pk for delivery in written], size=DELIVERY_BATCH
    )
    return {delivery.idempotency_key for delivery in written}


class DeliveryFailed(Exception):
    pass


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min, 4 min, … after the 1st, 2nd, 3rd … failed attempt (capped at 6 h)."""
    seconds = settings.RULES_WEBHOOK_BACKOFF_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, 6 * 3600))


def attempt(delivery_id: int, *, now: datetime | None = None) -> bool:
    """One attempt, if the delivery is due. True when delivered (now or before); raises
    DeliveryFailed otherwise, after writing the attempt (and the next one's time) to the log."""
    now = now or timezone.now()
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(of=("self",))
            .select_related("action")
            .get(pk=delivery_id)
        )
        if delivery.status in (WebhookDelivery.Status.DELIVERED, WebhookDelivery.Status.GAVE_UP):
            return delivery.status == WebhookDelivery.Status.DELIVERED
        if delivery.next_attempt_at > now:  # another path (a retry or the sweep) has it
            raise DeliveryFailed("not due yet")
        secret = delivery.action.secret if delivery.action_id else ""
        delivery.attempts += 1
        body = body_of(delivery.payload)
        error, status_code = "", None
        try:
            check_url(delivery.url)
            request = urllib.request.Request(  # noqa: S310 - scheme and address checked above
                delivery.url,
                data=body,
                method="POST",
                headers={
                    "Content-Type": "application/json",
                    "User-Agent": "Samudra-Extranet-Webhooks/1",
                    SIGNATURE_HEADER: signature(secret, int(time.time()), body),
                    "X-Samudra-Delivery": delivery.idempotency_key,
                },
            )
            timeout = settings.RULES_WEBHOOK_TIMEOUT
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                status_code = response.status
        except urllib.error.HTTPError as failure:
            status_code, error = failure.code, f"HTTP {failure.code}"
        except (urllib.error.URLError, OSError, UnsafeURL) as failure:
            error = str(getattr(failure, "reason", failure))[:500]
        delivery.response_status = status_code
        if not error and status_code is not None and 200 <= status_code < 300:
            delivery.status = WebhookDelivery.Status.DELIVERED
            delivery.delivered_at = now
            delivery.last_error = ""
        else:
            give_up = delivery.attempts >= settings.RULES_WEBHOOK_MAX_ATTEMPTS
            delivery.status = (
                WebhookDelivery.Status.GAVE_UP if give_up else WebhookDelivery.Status.FAILED
            )
            delivery.last_error = error or f"HTTP {status_code}"
            delivery.next_attempt_at = now + backoff(delivery.attempts)
        delivery.save()
    if delivery.status != WebhookDelivery.Status.DELIVERED:
        raise DeliveryFailed(delivery.last_error, delivery)
    return True


def due_deliveries(now: datetime, limit: int = 200) -> list[int]:
    """Deliveries waiting for an attempt (a lost task, a broker outage, eager mode's retries)."""
    return list(
        WebhookDelivery.objects.filter(
            status__in=[WebhookDelivery.Status.PENDING, WebhookDelivery.Status.FAILED],
            next_attempt_at__lte=now,
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
