from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.people.admin import AuditedRoleInlinesMixin, OrganisationRoleInline

from .models import Organisation, PartnerTier


@admin.register(Organisation)
class OrganisationAdmin(AuditedRoleInlinesMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "country", "partner_tier", "value_tier", "is_active"]
    list_filter = ["kind", "is_active", "partner_tier", "value_tier", "country"]
    search_fields = ["name", "email_domain"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganisationRoleInline]


@admin.register(PartnerTier)
class PartnerTierAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "rank",
        "discount_percent",
        "mdf_share_percent",
        "lead_weight",
        "deal_protection_days",
        "min_won_value",
        "min_won_deals",
        "min_certified_people",
    ]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "rank",
                    "discount_percent",
                    "mdf_share_percent",
                    "lead_weight",
                    "deal_protection_days",
                    "benefits",
                ]
            },
        ),
        (
            _("What a firm needs to reach this tier"),
            {
                "fields": [
                    ("min_won_value", "requirement_currency"),
                    "min_won_deals",
                    "min_certified_people",
                ]
            },
        ),
    ]
