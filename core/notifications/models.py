from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboundEmail(models.Model):
    """An e-mail written in the same transaction as the change it reports (the outbox).

    A worker delivers it after commit; a sweep re-sends what a lost message or a broker
    outage left behind. The idempotency key makes queueing the same e-mail twice a no-op.

    A row written with a `template` has no subject or body yet: the worker renders them from
    the stored context in the reader's language as it delivers (see `templated_email`).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    body_text = models.TextField(_("text"), blank=True)
    body_html = models.TextField(_("HTML"), blank=True)
    template = models.CharField(_("template"), max_length=100, blank=True)
    context = models.JSONField(_("template context"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    idempotency_key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outbound e-mail")
        verbose_name_plural = _("outbound e-mails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status="pending"),
                name="outbox_pending_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"


class NotificationPreferences(models.Model):
    """What a person wants to hear about by e-mail. No row means the defaults."""

    person = models.OneToOneField(
        "people.Person", on_delete=models.CASCADE, related_name="notification_preferences"
    )
    ticket_updates_by_email = models.BooleanField(
        _("E-mail me about my tickets"),
        default=True,
        help_text=_("New replies and status changes on tickets you asked or are assigned."),
    )

    class Meta:
        verbose_name = _("notification preferences")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return str(_("Preferences of %(person)s")) % {"person": self.person}
