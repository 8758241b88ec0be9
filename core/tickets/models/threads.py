from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads.models import PrivateFile, private_file_field


class TicketMessage(models.Model):
    """A reply in the public thread, or an internal note that requesters never see.
    The body is plain text; it is rendered escaped (core/tickets/text.py)."""

    ticket = models.ForeignKey("tickets.Ticket", on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    is_internal = models.BooleanField(_("internal note"), default=False)
    body = models.TextField(_("message"), max_length=20000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("ticket message")
        verbose_name_plural = _("ticket messages")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["ticket", "created_at"], name="tickets_msg_thread_idx")]

    def __str__(self) -> str:
        text = _("Note on %(ticket)s") if self.is_internal else _("Reply on %(ticket)s")
        return str(text) % {"ticket": self.ticket_id}


class TicketAttachment(PrivateFile):
    """A file on a ticket: with its opening description (message empty) or with a message.
    An attachment of an internal note is as internal as the note."""

    ticket = models.ForeignKey(
        "tickets.Ticket", on_delete=models.CASCADE, related_name="attachments"
    )
    message = models.ForeignKey(
        TicketMessage,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
    )
    is_internal = models.BooleanField(default=False)
    file = private_file_field("tickets")

    class Meta:
        verbose_name = _("ticket attachment")
        verbose_name_plural = _("ticket attachments")
        ordering = ["uploaded_at", "id"]
        indexes = [models.Index(fields=["ticket", "is_internal"], name="tickets_attach_idx")]
