from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import Topic


class Subscriber(models.Model):
    """Someone who asked for e-mail alerts and confirmed the address (double opt-in).

    A row exists only after the confirmation link was followed: nothing is kept for an address
    that never confirmed. Unsubscribing keeps the row (so a replayed old link does nothing) with
    `unsubscribed_at` set.
    """

    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    wants_results = models.BooleanField(Topic.RESULTS.label, default=False)
    wants_filings = models.BooleanField(Topic.FILINGS.label, default=False)
    wants_press = models.BooleanField(Topic.PRESS.label, default=False)
    wants_events = models.BooleanField(Topic.EVENTS.label, default=False)
    confirmed_at = models.DateTimeField(_("confirmed"), default=timezone.now)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ir_subscriptions",
        verbose_name=_("signed-in person"),
    )

    class Meta:
        verbose_name = _("alert subscriber")
        verbose_name_plural = _("alert subscribers")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email

    @staticmethod
    def topic_field(topic: Topic) -> str:
        return f"wants_{Topic(topic).value}"

    @property
    def topics(self) -> list[Topic]:
        return [topic for topic in Topic if getattr(self, self.topic_field(topic))]

    @property
    def is_active(self) -> bool:
        return self.unsubscribed_at is None and bool(self.topics)


class Alert(models.Model):
    """One e-mail alert about one publication or event, made when it first goes live. Its
    deliveries (one row per subscriber) are the outbox the fan-out drains."""

    topic = models.CharField(_("topic"), max_length=16, choices=Topic.choices)
    publication = models.OneToOneField(
        "investors.Publication",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="alert",
    )
    event = models.OneToOneField(
        "investors.InvestorEvent",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="alert",
    )
    subject = models.CharField(_("subject"), max_length=255)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    fanned_out_at = models.DateTimeField(_("recipients listed"), null=True, blank=True)
    finished_at = models.DateTimeField(_("all sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail alert")
        verbose_name_plural = _("e-mail alerts")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(publication__isnull=False, event__isnull=True)
                | models.Q(publication__isnull=True, event__isnull=False),
                name="investors_alert_about_one_thing",
            )
        ]

    def __str__(self) -> str:
        return self.subject


class AlertDelivery(models.Model):
    """Exactly one per (alert, subscriber): the unique row is the idempotency key of the
    e-mail. A batch claims unsent rows set-based (a lease in `claimed_at`), sends, and marks
    them sent in one transaction; a retried or restarted task finds only what is still unsent."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim = models.CharField(max_length=32, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["alert", "subscriber"], name="investors_one_delivery_per_subscriber"
            )
        ]
        indexes = [
            models.Index(
                fields=["alert", "id"],
                condition=models.Q(sent_at__isnull=True),
                name="inv_delivery_unsent",
            )
        ]

    def __str__(self) -> str:
        return f"alert {self.alert_id} to subscriber {self.subscriber_id}"
