from django.db import models
from django.db.models.functions import Lower
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.access.roles import OrganisationKind


class ValueTier(models.TextChoices):
    """How much a customer account is worth to us: service rules and SLAs key on it."""

    STANDARD = "standard", _("Standard")
    SILVER = "silver", _("Silver")
    GOLD = "gold", _("Gold")
    PLATINUM = "platinum", _("Platinum")


class PartnerTier(models.Model):
    """A level of the partner programme (Registered, Silver, Gold, Platinum) and its benefits.

    Tiers are data so the channel team can change the programme without a deploy; the partner
    programme, the knowledge base's audiences, learning rules and business rules all key on it.
    """

    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    rank = models.PositiveSmallIntegerField(
        _("rank"), unique=True, help_text=_("Higher is better: Registered 1, Platinum 4.")
    )
    discount_percent = models.DecimalField(
        _("discount (%)"), max_digits=5, decimal_places=2, default=0
    )
    mdf_share_percent = models.DecimalField(
        _("market development funds share (%)"),
        max_digits=5,
        decimal_places=2,
        default=0,
        help_text=_("Share of a partner's sales returned as its market development budget."),
    )
    lead_weight = models.PositiveSmallIntegerField(
        _("lead weight"),
        default=1,
        help_text=_("Relative share of distributed leads; a weight of 3 gets three times 1."),
    )
    deal_protection_days = models.PositiveSmallIntegerField(
        _("deal protection (days)"),
        default=90,
        help_text=_("How long an approved deal registration protects the partner."),
    )
    benefits = models.TextField(_("benefits"), blank=True)
    # What a firm needs to reach the tier: the scorecard shows progress toward the next one.
    min_won_value = models.DecimalField(
        _("won value needed (last 12 months)"),
        max_digits=14,
        decimal_places=2,
        default=0,
        help_text=_("Deal registrations won in the last 12 months, in the currency below."),
    )
    requirement_currency = models.CharField(
        _("currency of the won value"), max_length=3, default="USD"
    )
    min_won_deals = models.PositiveSmallIntegerField(
        _("won deals needed (last 12 months)"), default=0
    )
    min_certified_people = models.PositiveSmallIntegerField(
        _("certified people needed"),
        default=0,
        help_text=_("People of the firm holding a valid certificate."),
    )

    class Meta:
        verbose_name = _("partner tier")
        verbose_name_plural = _("partner tiers")
        ordering = ["rank"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(discount_percent__gte=0, discount_percent__lte=100)
                & models.Q(mdf_share_percent__gte=0, mdf_share_percent__lte=100),
                name="orgs_partner_tier_percentages",
            ),
            models.CheckConstraint(
                condition=models.Q(min_won_value__gte=0), name="orgs_partner_tier_won_value"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class OrganisationQuerySet(models.QuerySet):
    def of_kind(self, kind: OrganisationKind) -> "OrganisationQuerySet":
        return self.filter(kind=kind)

    def active(self) -> "OrganisationQuerySet":
        return self.filter(is_active=True)


class Organisation(models.Model):
    """A customer account, a partner firm, our own company, or an investing entity."""

    Kind = OrganisationKind

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=OrganisationKind.choices)
    country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("ISO 3166 two-letter code, e.g. ID.")
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    email_domain = models.CharField(
        _("e-mail domain"),
        max_length=253,
        blank=True,
        help_text=_("The domain its people's addresses use, e.g. acme.example."),
    )
    partner_tier = models.ForeignKey(
        PartnerTier,
        verbose_name=_("partner tier"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        help_text=_("Partner firms only."),
    )
    value_tier = models.CharField(
        _("value tier"),
        max_length=16,
        choices=ValueTier.choices,
        default=ValueTier.STANDARD,
        help_text=_("Customer accounts: how much the account is worth to us."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "kind", name="orgs_unique_name_per_kind"),
            models.UniqueConstraint(
                fields=["kind"],
                condition=models.Q(kind=OrganisationKind.OWN_COMPANY),
                name="orgs_single_own_company",
            ),
        ]
        indexes = [models.Index(fields=["kind", "name"], name="orgs_kind_name_idx")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(f"{self.name}-{self.kind}")[:220]
        self.email_domain = self.email_domain.strip().lower()
        super().save(*args, **kwargs)
