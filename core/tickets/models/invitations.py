"""Customer contacts invited to a ticket a partner opened on behalf of their organisation.

An invitation names an e-mail address, not a person: the contact may not have an account yet.
They see the ticket in the customer portal once one of their verified addresses is this one
and they hold the customer role at the ticket's end customer (core/access/tickets.py), so
nobody gets access by being named alone, and access ends with their role.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TicketInvitation(models.Model):
    ticket = models.ForeignKey(
        "tickets.Ticket", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("contact e-mail"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    invited_at = models.DateTimeField(_("invited"), default=timezone.now)

    class Meta:
        verbose_name = _("invited customer contact")
        verbose_name_plural = _("invited customer contacts")
        ordering = ["invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["ticket", "email"], name="tickets_invite_once"),
        ]
        # The visibility rule looks invitations up by a person's verified addresses.
        indexes = [models.Index(fields=["email"], name="tickets_invitation_email_idx")]

    def __str__(self) -> str:
        return f"{self.email} → {self.ticket_id}"
