from django.contrib import admin

from core.people.admin import AuditedRoleInlinesMixin, OrganisationRoleInline

from .models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(AuditedRoleInlinesMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "country", "email_domain", "is_active"]
    list_filter = ["kind", "is_active", "country"]
    search_fields = ["name", "email_domain"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganisationRoleInline]
