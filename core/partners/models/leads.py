"""Leads the channel team hands to partner firms, and each offer's outcome."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PartnerProfile(models.Model):
    """What a firm covers, for lead distribution: territories and specialisations (lower-case,
    comma-separated words, e.g. "west java, jakarta" and "warehousing, retail")."""

    organisation = models.OneToOneField(
        "orgs.Organisation", on_delete=models.CASCADE, related_name="partner_profile"
    )
    territories = models.CharField(_("territories"), max_length=300, blank=True)
    specialisations = models.CharField(_("specialisations"), max_length=300, blank=True)
    accepts_leads = models.BooleanField(_("accepts leads"), default=True)

    class Meta:
        verbose_name = _("partner profile")
        verbose_name_plural = _("partner profiles")

    def __str__(self) -> str:
        return str(self.organisation)

    @staticmethod
    def words(text: str) -> set[str]:
        return {w.strip().casefold() for w in (text or "").split(",") if w.strip()}


class Lead(models.Model):
    class Status(models.TextChoices):
        POOL = "pool", _("In the pool")
        OFFERED = "offered", _("Offered to a partner")
        ACCEPTED = "accepted", _("Accepted")
        CLOSED = "closed", _("Closed")

    company = models.CharField(_("company"), max_length=200)
    contact_name = models.CharField(_("contact name"), max_length=150)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    country = models.CharField(_("country"), max_length=2)
    territory = models.CharField(_("territory"), max_length=120, blank=True)
    specialisation = models.CharField(_("specialisation"), max_length=120, blank=True)
    estimated_value = models.DecimalField(
        _("estimated value"), max_digits=14, decimal_places=2, default=0
    )
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    description = models.TextField(_("what they need"), blank=True)
    claimable = models.BooleanField(
        _("claimable from the pool"),
        default=False,
        help_text=_("Eligible partners may claim it themselves while it is in the pool."),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.POOL)
    partner = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="leads",
        verbose_name=_("partner firm"),
    )
    respond_by = models.DateTimeField(null=True, blank=True)
    deal = models.OneToOneField(
        "partners.DealRegistration",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lead",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("lead")
        verbose_name_plural = _("leads")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="offered")
                | models.Q(partner__isnull=False, respond_by__isnull=False),
                name="partners_offered_lead_has_partner",
            )
        ]
        indexes = [
            models.Index(
                fields=["respond_by"],
                condition=models.Q(status="offered"),
                name="partners_lead_waiting",
            ),
            models.Index(fields=["partner", "status"], name="partners_lead_partner"),
        ]

    def __str__(self) -> str:
        return self.company


class LeadOffer(models.Model):
    """One offer of a lead to a firm: the history distribution learns from (a firm that
    declined or let it time out is not offered the same lead again)."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Waiting")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        TIMED_OUT = "timed_out", _("No answer in time")
        CLAIMED = "claimed", _("Claimed from the pool")

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="offers")
    partner = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="+")
    offered_at = models.DateTimeField(default=timezone.now)
    respond_by = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    responded_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)
    next_step = models.CharField(max_length=200, blank=True)
    expected_revenue = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["offered_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["lead"],
                condition=models.Q(outcome="pending"),
                name="partners_one_pending_offer_per_lead",
            )
        ]

    def __str__(self) -> str:
        return f"{self.lead} → {self.partner}"
