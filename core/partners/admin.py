from django.contrib import admin

from .models import (
    AutoApprovalRule,
    DealEvent,
    DealRegistration,
    MdfBudget,
    PartnerApplication,
    Product,
)


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "is_active")
    prepopulated_fields = {"code": ("name",)}


@admin.register(AutoApprovalRule)
class AutoApprovalRuleAdmin(admin.ModelAdmin):
    list_display = ("tier", "max_value", "currency", "is_active")


class DealEventInline(admin.TabularInline):
    model = DealEvent
    extra = 0
    can_delete = False
    readonly_fields = ("at", "actor", "action", "from_status", "to_status", "note", "changes")


@admin.register(DealRegistration)
class DealRegistrationAdmin(admin.ModelAdmin):
    list_display = ("reference", "customer_company", "partner", "status", "value", "currency")
    list_filter = ("status", "partner")
    search_fields = ("customer_company", "title")
    readonly_fields = ("status", "protected_until", "customer_key")
    inlines = [DealEventInline]


@admin.register(MdfBudget)
class MdfBudgetAdmin(admin.ModelAdmin):
    list_display = ("partner", "period", "amount", "reserved", "currency")
    readonly_fields = ("reserved",)


@admin.register(PartnerApplication)
class PartnerApplicationAdmin(admin.ModelAdmin):
    list_display = ("company", "country", "status", "submitted_at")
    list_filter = ("status",)
    readonly_fields = ("status", "organisation", "decided_by", "decided_at")
