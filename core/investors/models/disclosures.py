from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InvestorProfile(models.Model):
    """What investor relations knows of an investor: whether they are a verified shareholder
    (checked by an IR officer against the share register), which opens holder-only material."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="investor_profile"
    )
    holder_verified_at = models.DateTimeField(_("verified as shareholder"), null=True, blank=True)
    holder_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    holder_reference = models.CharField(
        _("register reference"),
        max_length=80,
        blank=True,
        help_text=_("The share register or custodian account checked."),
    )

    class Meta:
        verbose_name = _("investor profile")
        verbose_name_plural = _("investor profiles")

    def __str__(self) -> str:
        return str(self.person)

    @property
    def is_verified_holder(self) -> bool:
        return self.holder_verified_at is not None


class Disclosure(models.Model):
    """Fair-disclosure evidence: what went live, when, for whom and by whose hand. Written when
    a publication or event is published (by an editor or by the scheduler); append-only."""

    class Kind(models.TextChoices):
        PUBLICATION = "publication", _("Publication")
        EVENT = "event", _("Event")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    object_id = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(_("category"), max_length=32)
    audience = models.CharField(_("audience"), max_length=16)
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    revision_id = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("disclosure")
        verbose_name_plural = _("disclosures")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["-published_at"], name="inv_disclosure_time")]

    def __str__(self) -> str:
        return f"{self.published_at:%Y-%m-%d %H:%M} {self.title}"
