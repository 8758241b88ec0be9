from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from .models import Assignment, Certificate, Enrolment
from .services import certificate_revoke


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["holder_name", "course_title", "issued_at", "expires_at", "revoked_at", "code"]
    search_fields = ["holder_name", "course_title", "code", "person__email"]
    list_filter = ["revoked_at"]
    readonly_fields = [f.name for f in Certificate._meta.fields]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Revoke the selected certificates"))
    def revoke(self, request, queryset):
        for certificate in queryset:
            certificate_revoke(
                certificate=certificate, revoked_by=request.user, reason="Revoked in the admin"
            )
        messages.success(request, _("Revoked."))


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ["person", "course", "enrolled_at", "completed_at", "extra_attempts"]
    search_fields = ["person__full_name", "person__email", "course__title"]
    list_select_related = ["person", "course"]
    raw_id_fields = ["person", "course"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["person", "course", "reason", "due_at", "completed_at"]
    list_filter = ["reason"]
    search_fields = ["person__full_name", "person__email", "course__title"]
    list_select_related = ["person", "course"]
    raw_id_fields = ["person", "course", "rule"]
