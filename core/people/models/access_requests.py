from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.access.roles import Role


class AccessRequest(models.Model):
    """Someone asking for a portal they cannot enter yet; staff grant or decline it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        GRANTED = "granted", _("Granted")
        DECLINED = "declined", _("Declined")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_requests"
    )
    role = models.CharField(_("portal"), max_length=16, choices=Role.choices)
    organisation_name = models.CharField(
        _("organisation"), max_length=200, help_text=_("The company you work for or represent.")
    )
    message = models.TextField(_("message"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("note to the requester"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("access request")
        verbose_name_plural = _("access requests")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "role"],
                condition=Q(status="pending"),
                name="access_requests_one_pending_per_portal",
            )
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="access_req_status_idx")]

    def __str__(self) -> str:
        return f"{self.person} → {self.get_role_display()} ({self.get_status_display()})"
