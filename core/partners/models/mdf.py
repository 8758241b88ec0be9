"""Market development funds: a budget per partner and period, fund requests, claims, proof.

The money rules are kept by the database as well as by the services:
- a budget's `reserved` (pending requests' planned cost + approved amounts) never exceeds it;
- a request's approved amount never exceeds its planned cost, its claim never its approval.
Services change `reserved` only while holding the budget's row lock (select_for_update).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads.models import PrivateFile, private_file_field


class MdfBudget(models.Model):
    partner = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="mdf_budgets"
    )
    period = models.CharField(_("period"), max_length=40, help_text=_("e.g. 2026 H2"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    amount = models.DecimalField(_("budget"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    reserved = models.DecimalField(max_digits=14, decimal_places=2, default=0, editable=False)

    class Meta:
        verbose_name = _("MDF budget")
        verbose_name_plural = _("MDF budgets")
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "period"], name="partners_budget_period"),
            models.CheckConstraint(
                condition=Q(reserved__gte=0) & Q(reserved__lte=F("amount")),
                name="partners_budget_never_overspent",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="partners_bdg_dt"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner} {self.period}"

    @property
    def available(self):
        return self.amount - self.reserved


class FundRequest(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        CLAIMED = "claimed", _("Claim submitted")
        PAID = "paid", _("Paid")

    budget = models.ForeignKey(MdfBudget, on_delete=models.PROTECT, related_name="requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    activity = models.CharField(_("activity"), max_length=200)
    planned_cost = models.DecimalField(_("planned cost"), max_digits=14, decimal_places=2)
    expected_outcome = models.TextField(_("expected outcome"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    approved_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    claimed_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    claim_notes = models.TextField(_("what happened"), blank=True)
    decision_note = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("fund request")
        verbose_name_plural = _("fund requests")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(planned_cost__gt=0), name="partners_fr_cost"),
            models.CheckConstraint(
                condition=Q(approved_amount__isnull=True)
                | (Q(approved_amount__gt=0) & Q(approved_amount__lte=F("planned_cost"))),
                name="partners_fr_approved_within_plan",
            ),
            models.CheckConstraint(
                condition=Q(claimed_amount__isnull=True)
                | (Q(claimed_amount__gt=0) & Q(claimed_amount__lte=F("approved_amount"))),
                name="partners_fr_claim_within_approval",
            ),
        ]
        indexes = [models.Index(fields=["status", "submitted_at"], name="partners_fr_queue")]

    def __str__(self) -> str:
        return self.activity


class ClaimProof(PrivateFile):
    """Proof of performance for a claim: photos, invoices, attendee lists."""

    request = models.ForeignKey(FundRequest, on_delete=models.CASCADE, related_name="proofs")
    file = private_file_field("mdf-claims")
