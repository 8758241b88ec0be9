from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.jobs import enqueue_after_commit, enqueue_batches_after_commit

from .models import OutboundEmail

# E-mails per delivery task when many are written at once (see email_queue_many).
DELIVERY_BATCH = 100


def outbound_email(
    *, to: str, subject: str, text: str, html: str = "", key: str | None = None
) -> OutboundEmail:
    """An outbox row, not yet saved (`email_queue` writes one, `email_queue_many` a batch)."""
    return OutboundEmail(
        to=to, subject=one_line(subject), body_text=text, body_html=html, idempotency_key=key
    )


def templated_email(
    *, to: str, template: str, context: dict, language: str | None = None, key: str | None = None
) -> OutboundEmail:
    """An outbox row, not yet saved, that the delivery worker renders (`render_templated`)
    from `context`, which must be JSON: plain strings and numbers, never model instances.

    For e-mails written by the thousand (the rules sweep): rendering costs more than writing
    the row, so it is done by the workers, off the sweep's clock. The context is taken when
    the row is written, so the e-mail still says what was true then."""
    return OutboundEmail(
        to=to, template=template, context=context, language=language or "", idempotency_key=key
    )


def one_line(subject: str) -> str:
    return " ".join(subject.split())[:255]


def email_queue(
    *, to: str, subject: str, text: str, html: str = "", key: str | None = None
) -> OutboundEmail | None:
    """Write an e-mail to the outbox; it is delivered after the caller's transaction commits.

    Returns None when an e-mail with the same key was queued before.
    """
    from .tasks import deliver_outbound_email

    email = outbound_email(to=to, subject=subject, text=text, html=html, key=key)
    try:
        with transaction.atomic():
            email.save(force_insert=True)
    except IntegrityError:
        if key and OutboundEmail.objects.filter(idempotency_key=key).exists():
            return None
        raise
    enqueue_after_commit(deliver_outbound_email, email.pk)
    return email


def email_queue_many(emails: Iterable[OutboundEmail]) -> list[OutboundEmail]:
    """Write many e-mails (built with `outbound_email` or `templated_email`) to the outbox in
    one INSERT, skipping those whose key was queued before (one SELECT); they are delivered
    after commit, one task per DELIVERY_BATCH e-mails. Returns the rows written.

    Callers own their keys (e.g. one per rule firing and recipient), so no other transaction
    writes the same key meanwhile; if one did, the unique key refuses the batch rather than
    send twice."""
    from .tasks import deliver_outbound_emails

    keyed: dict[str, OutboundEmail] = {}
    unkeyed: list[OutboundEmail] = []
    for email in emails:
        if email.idempotency_key:
            keyed.setdefault(email.idempotency_key, email)
        else:
            unkeyed.append(email)
    if keyed:
        queued_before = OutboundEmail.objects.filter(idempotency_key__in=list(keyed))
        for key in queued_before.values_list("idempotency_key", flat=True):
            del keyed[key]
    written = OutboundEmail.objects.bulk_create([*keyed.values(), *unkeyed])
    enqueue_batches_after_commit(
        deliver_outbound_emails, [email.pk for email in written], size=DELIVERY_BATCH
    )
    return written


def render_templated(template: str, context: dict, language: str | None = None) -> dict:
    """emails/<template>_subject.txt, .txt and (optional) .html rendered in the reader's
    language, as the subject, text and html arguments of `outbound_email`."""
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"emails/{template}_subject.txt", context)
        text = render_to_string(f"emails/{template}.txt", context)
        try:
            html = render_to_string(f"emails/{template}.html", context)
        except TemplateDoesNotExist:  # an HTML part is optional
            html = ""
    return {"subject": subject, "text": text, "html": html}


def email_queue_templated(
    *, to: str, template: str, context: dict, language: str | None = None, key: str | None = None
) -> OutboundEmail | None:
    """Render emails/<template>_subject.txt, .txt and (optional) .html in the reader's language."""
    return email_queue(to=to, key=key, **render_templated(template, context, language))


def email_deliver(email_id: int) -> bool:
    """Send one outbox e-mail unless it went already. The row lock stops two workers
    that received the same message from both sending it."""
    with transaction.atomic():
        email = (
            OutboundEmail.objects.select_for_update()
            .filter(pk=email_id, status=OutboundEmail.Status.PENDING)
            .first()
        )
        if email is None:
            return False
        if email.template:
            rendered = render_templated(email.template, email.context, email.language or None)
            email.subject = one_line(rendered["subject"])
            email.body_text, email.body_html = rendered["text"], rendered["html"]
        message = EmailMultiAlternatives(email.subject, email.body_text, to=[email.to])
        if email.body_html:
            message.attach_alternative(email.body_html, "text/html")
        message.send()
        email.status = OutboundEmail.Status.SENT
        email.sent_at = timezone.now()
        email.attempts += 1
        email.save(
            update_fields=["subject", "body_text", "body_html", "status", "sent_at", "attempts"]
        )
    return True


def email_record_failure(email_id: int, error: str, *, retry_in: timedelta | None) -> None:
    """Note a failed attempt; retry_in None means we give up on this e-mail."""
    OutboundEmail.objects.filter(pk=email_id, status=OutboundEmail.Status.PENDING).update(
        attempts=F("attempts") + 1,
        last_error=error[:2000],
        status=OutboundEmail.Status.PENDING if retry_in else OutboundEmail.Status.FAILED,
        next_attempt_at=timezone.now() + (retry_in or timedelta()),
    )
