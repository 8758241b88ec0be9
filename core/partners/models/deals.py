"""Deal registrations: a partner's claim on an opportunity, its products, conflicts and history."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..lifecycle import DealStatus


class DealQuerySet(models.QuerySet):
    def visible_to(self, person, *, as_channel: bool | None = None) -> "DealQuerySet":
        """The registrations `person` may see, in one query (rules in core/access/partners.py)."""
        from core.access.partners import deal_visibility

        return self.filter(deal_visibility(person, as_channel=as_channel))


class DealRegistration(models.Model):
    Status = DealStatus

    partner = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="deal_registrations",
        verbose_name=_("partner firm"),
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="deal_registrations",
        verbose_name=_("registered by"),
    )
    title = models.CharField(_("opportunity"), max_length=200)
    customer_company = models.CharField(_("end customer"), max_length=200)
    customer_key = models.CharField(max_length=200, editable=False, db_index=True)
    customer_domain = models.CharField(
        _("end customer's domain"), max_length=253, blank=True, db_index=True
    )
    # The existing customer account this end customer is, found by the conflict check (same
    # e-mail domain or normalised name). A partner opens support tickets on behalf of the
    # accounts of its approved and won registrations (core/access/partners.py).
    customer_account = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deals_as_customer",
        limit_choices_to={"kind": "customer"},
        verbose_name=_("customer account"),
    )
    contact_name = models.CharField(_("contact name"), max_length=150)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    products = models.ManyToManyField(
        "partners.Product", through="DealLine", related_name="+", verbose_name=_("products")
    )
    value = models.DecimalField(
        _("estimated value"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    expected_close = models.DateField(_("expected close"))
    notes = models.TextField(_("notes"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=DealStatus.choices, default=DealStatus.DRAFT
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    auto_approved = models.BooleanField(default=False)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    protected_until = models.DateTimeField(_("protected until"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DealQuerySet.as_manager()

    class Meta:
        verbose_name = _("deal registration")
        verbose_name_plural = _("deal registrations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(value__gte=0), name="partners_deal_value"),
            models.CheckConstraint(
                condition=~models.Q(status=DealStatus.APPROVED)
                | models.Q(protected_until__isnull=False),
                name="partners_approved_deal_is_protected",
            ),
        ]
        indexes = [
            models.Index(fields=["partner", "status"], name="partners_deal_partner_status"),
            models.Index(fields=["status", "submitted_at"], name="partners_deal_queue"),
            models.Index(
                fields=["protected_until"],
                condition=models.Q(status=DealStatus.APPROVED),
                name="partners_deal_expiring",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.customer_company}"

    @property
    def reference(self) -> str:
        return f"DR-{self.pk or 0:06d}"


class DealLine(models.Model):
    """One product of a registration. `protected` is true exactly while the registration is
    approved, and the database allows ONE protected line per end customer and product, so two
    partners can never both hold an approved registration for it, whatever the timing."""

    deal = models.ForeignKey(DealRegistration, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey("partners.Product", on_delete=models.PROTECT, related_name="+")
    customer_key = models.CharField(max_length=200)
    protected = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["deal", "product"], name="partners_line_once"),
            models.UniqueConstraint(
                fields=["customer_key", "product"],
                condition=models.Q(protected=True),
                name="partners_one_protected_deal_per_customer_product",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.deal_id}: {self.product_id}"


class DealConflict(models.Model):
    """A match found when the registration was submitted, shown to the channel manager."""

    class Kind(models.TextChoices):
        REGISTRATION = "registration", _("Open registration")
        CUSTOMER = "customer", _("Existing customer")

    class Match(models.TextChoices):
        NAME = "name", _("same company name")
        DOMAIN = "domain", _("same e-mail domain")

    deal = models.ForeignKey(DealRegistration, on_delete=models.CASCADE, related_name="conflicts")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    matched_on = models.CharField(max_length=8, choices=Match.choices)
    other_deal = models.ForeignKey(
        DealRegistration, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    found_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_matched_on_display()})"


class DealEvent(models.Model):
    """History: every change of a registration, who made it and when."""

    deal = models.ForeignKey(DealRegistration, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12, blank=True)
    note = models.TextField(blank=True)
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["deal", "at"], name="partners_deal_event_at")]

    def __str__(self) -> str:
        return f"{self.action} {self.at:%Y-%m-%d %H:%M}"

    @property
    def to_label(self) -> str:
        return DealStatus(self.to_status).label if self.to_status else ""
