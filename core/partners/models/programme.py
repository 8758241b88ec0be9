"""The programme's data: what partners sell, auto-approval rules and applications to join."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Product(models.Model):
    """Something partners resell and register deals for."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AutoApprovalRule(models.Model):
    """Data, not code: a submitted registration from a firm of `tier`, worth at most
    `max_value` in `currency` and without conflicts, is approved at once."""

    tier = models.ForeignKey(
        "orgs.PartnerTier",
        on_delete=models.CASCADE,
        related_name="auto_approval_rules",
        verbose_name=_("partner tier"),
    )
    max_value = models.DecimalField(_("up to value"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("auto-approval rule")
        verbose_name_plural = _("auto-approval rules")
        ordering = ["tier__rank", "currency"]
        constraints = [
            models.UniqueConstraint(
                fields=["tier", "currency"], name="partners_one_auto_rule_per_tier_currency"
            ),
            models.CheckConstraint(
                condition=models.Q(max_value__gte=0), name="partners_auto_rule_value"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tier}: ≤ {self.max_value} {self.currency}"


def _token() -> str:
    return secrets.token_urlsafe(24)


class PartnerApplication(models.Model):
    """A firm asking to join the programme, from the public "become a partner" form."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        MORE_INFO = "more_info", _("More information needed")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    company = models.CharField(_("company"), max_length=200)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO code, e.g. ID."))
    city = models.CharField(_("city"), max_length=120, blank=True)
    territory = models.CharField(
        _("territory"), max_length=200, help_text=_("Where you sell, e.g. West Java, Sumatra.")
    )
    website = models.URLField(_("website"), blank=True)
    specialisations = models.CharField(
        _("specialisations"), max_length=300, help_text=_("e.g. warehousing, retail, logistics")
    )
    message = models.TextField(_("about your firm"), blank=True)
    agreement_accepted_at = models.DateTimeField(_("agreement accepted"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    token = models.CharField(max_length=40, unique=True, default=_token, editable=False)
    tier = models.ForeignKey(
        "orgs.PartnerTier",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tier"),
    )
    organisation = models.OneToOneField(
        "orgs.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="partner_application",
    )
    decision_note = models.TextField(_("decision note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        verbose_name = _("partner application")
        verbose_name_plural = _("partner applications")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["status", "-submitted_at"], name="partners_app_status")]

    def __str__(self) -> str:
        return self.company


class ApplicationContact(models.Model):
    application = models.ForeignKey(
        PartnerApplication, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    title = models.CharField(_("job title"), max_length=120, blank=True)
    is_admin = models.BooleanField(_("partner admin"), default=False)

    class Meta:
        ordering = ["-is_admin", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "email"], name="partners_app_contact_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"
