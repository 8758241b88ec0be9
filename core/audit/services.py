"""Writing to the audit log. Every service that changes something people care about calls this."""

import ipaddress

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest

from .models import AuditEvent


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address. Behind TRUSTED_PROXY_HOPS load balancers, read X-Forwarded-For
    from the right, so a client cannot forge its address by sending the header itself."""
    if request is None:
        return None
    candidate = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_HOPS
    if hops:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [part.strip() for part in forwarded if part.strip()]
        if len(forwarded) >= hops:
            candidate = forwarded[-hops]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


def audit_event(
    action: str,
    *,
    actor=None,
    target=None,
    changes: dict | None = None,
    request: HttpRequest | None = None,
) -> AuditEvent:
    """The audit event, not yet saved: `audit_record` writes one, `audit_record_many` a batch."""
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    return AuditEvent(
        actor=actor if actor is not None and actor.pk else None,
        actor_label=getattr(actor, "email", "") or "",
        action=action,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:255] if target is not None else "",
        ip_address=client_ip(request),
        changes=changes or {},
    )


def audit_record(
    action: str,
    *,
    actor=None,
    target=None,
    changes: dict | None = None,
    request: HttpRequest | None = None,
) -> AuditEvent:
    event = audit_event(action, actor=actor, target=target, changes=changes, request=request)
    event.save(force_insert=True)
    return event


def audit_record_many(events: list[AuditEvent]) -> list[AuditEvent]:
    """Events built with `audit_event`, written in one INSERT (a sweep's batch of firings)."""
    return AuditEvent.objects.bulk_create(events)
