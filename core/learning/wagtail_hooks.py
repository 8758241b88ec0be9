"""Mandatory-training rules are edited in Wagtail beside the courses they point at."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import AssignmentRule


class AssignmentRuleViewSet(ModelViewSet):
    model = AssignmentRule
    icon = "calendar-check"
    menu_label = _("Mandatory training")
    menu_order = 250
    add_to_admin_menu = True
    form_fields = ["course", "target", "department", "duty", "due_in_days", "is_active"]
    list_display = ["course", "describe", "due_in_days", "is_active"]
    list_filter = ["target", "is_active"]


@hooks.register("register_admin_viewset")
def register_assignment_rules():
    return AssignmentRuleViewSet("assignment_rules")
