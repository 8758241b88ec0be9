from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.jobs import enqueue_after_commit

from .models import OutboundEmail


def email_queue(
    *, to: str, subject: str, text: str, html: str = "", key: str | None = None
) -> OutboundEmail | None:
    """Write an e-mail to the outbox; it is delivered after the caller's transaction commits.

    Returns None when an e-mail with the same key was queued before.
    """
    from .tasks import deliver_outbound_email

    try:
        with transaction.atomic():
            email = OutboundEmail.objects.create(
                to=to,
                subject=" ".join(subject.split())[:255],
                body_text=text,
                body_html=html,
                idempotency_key=key,
            )
    except IntegrityError:
        if key and OutboundEmail.objects.filter(idempotency_key=key).exists():
            return None
        raise
    enqueue_after_commit(deliver_outbound_email, email.pk)
    return email


def email_queue_templated(
    *, to: str, template: str, context: dict, language: str | None = None, key: str | None = None
) -> OutboundEmail | None:
    """Render emails/<template>_subject.txt, .txt and (optional) .html in the reader's language."""
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"emails/{template}_subject.txt", context)
        text = render_to_string(f"emails/{template}.txt", context)
        try:
            html = render_to_string(f"emails/{template}.html", context)
        except TemplateDoesNotExist:  # an HTML part is optional
            html = ""
    return email_queue(to=to, subject=subject, text=text, html=html, key=key)


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
        message = EmailMultiAlternatives(email.subject, email.body_text, to=[email.to])
        if email.body_html:
            message.attach_alternative(email.body_html, "text/html")
        message.send()
        email.status = OutboundEmail.Status.SENT
        email.sent_at = timezone.now()
        email.attempts += 1
        email.save(update_fields=["status", "sent_at", "attempts"])
    return True


def email_record_failure(email_id: int, error: str, *, retry_in: timedelta | None) -> None:
    """Note a failed attempt; retry_in None means we give up on this e-mail."""
    OutboundEmail.objects.filter(pk=email_id, status=OutboundEmail.Status.PENDING).update(
        attempts=F("attempts") + 1,
        last_error=error[:2000],
        status=OutboundEmail.Status.PENDING if retry_in else OutboundEmail.Status.FAILED,
        next_attempt_at=timezone.now() + (retry_in or timedelta()),
    )
