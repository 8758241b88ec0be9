from django.db import models
from django.db.models.functions import Lower
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.access.roles import OrganisationKind


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
