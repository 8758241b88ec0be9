from django.contrib import admin

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
    ]
    prepopulated_fields = {"slug": ["name"]}
