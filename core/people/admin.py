from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from core.access.policies import forget_cached_access
from core.access.roles import ORGANISATION_KIND_FOR_ROLE, Role
from core.audit.services import audit_record
from core.orgs.models import Organisation

from .models import AccessRequest, Person, RoleAssignment
from .services import access_request_decline, access_request_grant


class AuditedRoleInlinesMixin:
    """Role changes made in the admin reach the audit log like those made by the services."""

    def save_formset(self, request, form, formset, change):
        if formset.model is not RoleAssignment:
            return super().save_formset(request, form, formset, change)
        changed = {f.instance.pk: f.changed_data for f in formset.forms if f.instance.pk}
        instances = formset.save()
        for assignment in instances:
            fields = changed.get(assignment.pk)
            action = "role.changed" if fields is not None else "role.granted"
            audit_record(
                action, target=assignment, request=request, changes={"fields": fields or []}
            )
            forget_cached_access(assignment.person)
        for assignment in formset.deleted_objects:
            audit_record("role.deleted", target=assignment, request=request)
        return instances


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    fk_name = "person"
    extra = 0
    fields = ["role", "organisation", "is_org_admin", "title", "since", "until"]
    autocomplete_fields = ["organisation"]


class OrganisationRoleInline(RoleAssignmentInline):
    fk_name = "organisation"
    fields = ["person", "role", "is_org_admin", "title", "since", "until"]
    autocomplete_fields = ["person"]


@admin.register(Person)
class PersonAdmin(AuditedRoleInlinesMixin, UserAdmin):
    ordering = ["full_name"]
    list_display = ["full_name", "email", "is_active", "is_staff", "date_joined"]
    list_filter = ["is_active", "is_staff", "is_superuser", "groups", "role_assignments__role"]
    search_fields = ["full_name", "preferred_name", "email"]
    inlines = [RoleAssignmentInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["full_name", "preferred_name", "language", "time_zone"]}),
        (
            _("Staff rights"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]})
    ]


class AccessRequestDecisionForm(forms.ModelForm):
    decision = forms.ChoiceField(
        choices=[("", "—"), ("grant", _("Grant")), ("decline", _("Decline"))], required=False
    )
    grant_at = forms.ModelChoiceField(
        Organisation.objects.active(), required=False, label=_("Grant at organisation")
    )
    grant_as_admin = forms.BooleanField(required=False, label=_("As organisation admin"))

    class Meta:
        model = AccessRequest
        fields = ["decision_note"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "grant":
            organisation = cleaned.get("grant_at")
            role = Role(self.instance.role)
            if organisation is None and role is not Role.INVESTOR:
                self.add_error("grant_at", _("Choose the organisation to grant the role at."))
            elif organisation is not None and organisation.kind != ORGANISATION_KIND_FOR_ROLE[role]:
                self.add_error(
                    "grant_at", _("That organisation is of the wrong kind for this role.")
                )
        if cleaned.get("decision") == "decline" and not cleaned.get("decision_note"):
            self.add_error("decision_note", _("Tell the requester why."))
        return cleaned


@admin.register(AccessRequest)
class AccessRequestAdmin(admin.ModelAdmin):
    form = AccessRequestDecisionForm
    list_display = ["created_at", "person", "role", "organisation_name", "status"]
    list_filter = ["status", "role"]
    search_fields = ["person__full_name", "person__email", "organisation_name"]
    readonly_fields = ["person", "role", "organisation_name", "message", "status", "decided_by"]
    list_select_related = ["person"]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        decision = form.cleaned_data.get("decision")
        if obj.status != AccessRequest.Status.PENDING or not decision:
            return
        if decision == "grant":
            access_request_grant(
                access_request=obj,
                organisation=form.cleaned_data["grant_at"],
                decided_by=request.user,
                is_org_admin=form.cleaned_data["grant_as_admin"],
            )
        else:
            access_request_decline(
                access_request=obj, decided_by=request.user, note=obj.decision_note
            )
