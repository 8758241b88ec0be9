"""Staff edit rules in the Django admin, beside queues, SLA policies and business calendars
(the records rules refer to), with the audit log and the periodic jobs one menu away. One
page per rule: its conditions, escalation levels and actions as inlines, each checked against
the rule's target; "Test this rule" lists the records that match now, without acting."""

from django.contrib import admin
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.access import rules as rules_access
from core.params import whole_number

from .forms import (
    ActionFormSet,
    ConditionForm,
    ConditionFormSet,
    LevelFormSet,
    RuleForm,
    fields_help,
)
from .models import (
    Action,
    Condition,
    EscalationLevel,
    ReplyTemplate,
    Rule,
    RuleFiring,
    WebhookDelivery,
)
from .selectors import TEST_PAGE_SIZE, matching_records


class ConditionInline(admin.TabularInline):
    model = Condition
    form = ConditionForm
    formset = ConditionFormSet
    extra = 0
    fields = ["field", "operator", "value", "position"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.base_fields["field"].help_text = fields_help()
        return formset


class LevelInline(admin.TabularInline):
    model = EscalationLevel
    formset = LevelFormSet
    extra = 0


class ActionInline(admin.StackedInline):
    model = Action
    formset = ActionFormSet
    extra = 0
    autocomplete_fields = ["person"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": [("kind", "level", "position")]}),
        (_("Who: assign or notify"), {"fields": [("strategy", "team", "skill"), "person"]}),
        (_("Set a field or add a tag"), {"fields": [("field", "value")]}),
        (_("Reply"), {"fields": ["template"]}),
        (_("Webhook"), {"fields": [("url", "secret")]}),
    ]


@admin.register(Rule)
class RuleAdmin(admin.ModelAdmin):
    form = RuleForm
    list_display = [
        "name",
        "target_kind",
        "trigger",
        "event",
        "order",
        "stop_later_rules",
        "is_active",
        "test_link",
    ]
    list_filter = ["target_kind", "trigger", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["name", "description"]
    inlines = [ConditionInline, LevelInline, ActionInline]
    fieldsets = [
        (None, {"fields": ["name", "description", ("target_kind", "trigger", "event")]}),
        (
            _("How it runs"),
            {"fields": [("join", "order"), ("stop_later_rules", "is_active"), "calendar"]},
        ),
    ]

    def get_urls(self):
        return [
            path(
                "<int:rule_id>/test/",
                self.admin_site.admin_view(self.test_view),
                name="rules_rule_test",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("Try it"))
    def test_link(self, rule):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:rules_rule_test", args=[rule.pk]),
            _("Test this rule"),
        )

    def test_view(self, request, rule_id: int):
        """The records the rule would match now (database-filtered, paginated), nothing done."""
        if not rules_access.may_test_rule(request.user):
            raise Http404
        rule = get_object_or_404(Rule.objects.select_related("calendar"), pk=rule_id)
        levels = list(rule.levels.all())
        chosen = None
        level = whole_number(request.GET.get("level", ""))
        if level is not None:
            chosen = next((lvl for lvl in levels if lvl.level == level), None)
        records, problem = matching_records(rule, level=chosen, now=timezone.now())
        page = (
            Paginator(records, TEST_PAGE_SIZE).get_page(request.GET.get("page"))
            if records is not None
            else None
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Test “%(rule)s”") % {"rule": rule.name},
            "rule": rule,
            "opts": self.model._meta,
            "levels": levels,
            "chosen": chosen,
            "page": page,
            "problem": problem,
            "target": rule.target,
        }
        return TemplateResponse(request, "admin/rules/rule/test.html", context)


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name", "body"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RuleFiring)
class RuleFiringAdmin(ReadOnlyAdmin):
    list_display = [
        "at",
        "rule",
        "target_kind",
        "object_id",
        "level",
        "trigger",
        "event",
        "outcome",
    ]
    list_filter = ["trigger", "target_kind", "rule"]
    list_select_related = ["rule"]
    date_hierarchy = "at"


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(ReadOnlyAdmin):
    """The delivery log: every webhook call, its attempts and the receiver's answer."""

    list_display = [
        "created_at",
        "rule",
        "url",
        "status",
        "attempts",
        "response_status",
        "last_error",
        "delivered_at",
    ]
    list_filter = ["status", "rule"]
    list_select_related = ["rule"]
    search_fields = ["url", "idempotency_key"]
    readonly_fields = [f.name for f in WebhookDelivery._meta.fields]
