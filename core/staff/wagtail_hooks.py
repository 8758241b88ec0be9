"""Departments and employee profiles (department, manager) are kept in Wagtail by HR."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Department, EmployeeProfile


class DepartmentViewSet(ModelViewSet):
    model = Department
    icon = "group"
    form_fields = ["name", "slug", "head"]
    list_display = ["name", "head"]
    search_fields = ["name"]
    search_backend_name = None


class EmployeeProfileViewSet(ModelViewSet):
    model = EmployeeProfile
    icon = "user"
    form_fields = ["person", "department", "manager", "location", "phone", "skills", "about"]
    list_display = ["person", "department", "manager", "location"]
    list_filter = ["department"]
    search_fields = ["person__full_name", "location", "skills"]
    search_backend_name = None


class StaffGroup(ViewSetGroup):
    menu_label = _("Staff")
    menu_icon = "group"
    menu_order = 260
    items = (DepartmentViewSet("departments"), EmployeeProfileViewSet("employee_profiles"))


@hooks.register("register_admin_viewset")
def register_staff():
    return StaffGroup()
