import base64
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access.learning import certificates_visible_to


def new_verification_code() -> str:
    """80 random bits in base32: 16 letters and digits, unguessable and easy to read aloud."""
    return base64.b32encode(secrets.token_bytes(10)).decode("ascii")


def normalise_code(raw: str) -> str:
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())[:32]


class CertificateQuerySet(models.QuerySet):
    def visible_to(self, person) -> "CertificateQuerySet":
        return self.filter(certificates_visible_to(person))

    def valid(self, at=None) -> "CertificateQuerySet":
        at = at or timezone.now()
        return self.filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=at), revoked_at__isnull=True
        )


class Certificate(models.Model):
    """Proof of a completed course. The name and course title are kept as issued, so the
    verification page tells the truth even after a rename."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    course = models.ForeignKey(
        "learning.CoursePage", on_delete=models.PROTECT, related_name="certificates"
    )
    enrolment = models.OneToOneField(
        "learning.Enrolment", on_delete=models.PROTECT, related_name="certificate"
    )
    code = models.CharField(max_length=32, unique=True, default=new_verification_code)
    holder_name = models.CharField(_("issued to"), max_length=150)
    course_title = models.CharField(_("course"), max_length=255)
    score = models.PositiveSmallIntegerField(_("quiz score (%)"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued"))
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    renewal_flagged_at = models.DateTimeField(_("flagged for renewal"), null=True, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        indexes = [
            models.Index(fields=["person", "course"], name="learning_cert_person_idx"),
            models.Index(
                fields=["expires_at"],
                condition=models.Q(revoked_at__isnull=True, renewal_flagged_at__isnull=True),
                name="learning_cert_renewal_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder_name} — {self.course_title} ({self.display_code})"

    @property
    def display_code(self) -> str:
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    def status(self, at=None) -> str:
        at = at or timezone.now()
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= at:
            return "expired"
        return "valid"

    @property
    def is_valid(self) -> bool:
        return self.status() == "valid"
