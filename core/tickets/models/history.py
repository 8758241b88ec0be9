from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit.models import AppendOnlyError


class TicketEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Ticket history is never changed.")

    def delete(self):
        raise AppendOnlyError("Ticket history is never deleted.")

    def public(self) -> "TicketEventQuerySet":
        return self.filter(is_public=True)


class TicketEvent(models.Model):
    """One change to a ticket: who, what, old → new, when. Rows are only ever added (on
    PostgreSQL a trigger refuses UPDATE and DELETE too). `is_public` events are the ones the
    requester's side sees and is e-mailed about."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Opened")
        STATUS = "status", _("Status")
        PRIORITY = "priority", _("Priority")
        QUEUE = "queue", _("Queue")
        ASSIGNEE = "assignee", _("Assigned to")
        CATEGORY = "category", _("Category")
        REPLY = "reply", _("Reply")
        NOTE = "note", _("Internal note")
        ATTACHMENT = "attachment", _("Attachment")
        ANSWER = "answer", _("Answer article")
        RATING = "rating", _("Rating")
        SLA_BREACH = "sla_breach", _("SLA target missed")
        SHARED = "shared", _("Shared")
        INVITED = "invited", _("Customer contact invited")

    ticket = models.ForeignKey("tickets.Ticket", on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,  # history outlives the people in it
        verbose_name=_("who"),
    )
    actor_label = models.CharField(_("who (as recorded)"), max_length=254, blank=True)
    kind = models.CharField(_("what"), max_length=16, choices=Kind.choices)
    old_value = models.CharField(_("from"), max_length=255, blank=True)
    new_value = models.CharField(_("to"), max_length=255, blank=True)
    is_public = models.BooleanField(_("shown to the requester"), default=False)
    message = models.ForeignKey(
        "tickets.TicketMessage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
    )

    objects = TicketEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("ticket event")
        verbose_name_plural = _("ticket history")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["ticket", "at"], name="tickets_event_ticket_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind} {self.old_value} → {self.new_value}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Ticket history is never changed.")
        if not self.actor_label and self.actor is not None:
            self.actor_label = self.actor.email
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Ticket history is never deleted.")
