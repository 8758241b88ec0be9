from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployeePortalConfig(AppConfig):
    name = "employee_portal"
    verbose_name = _("Employee portal")

    def ready(self) -> None:
        from core.access.navigation import NavItem, register
        from core.access.roles import Role

        employee = Role.EMPLOYEE
        for item in (
            NavItem(
                employee, "employee:learning-dashboard", _("Learning"), 20, "employee:learning"
            ),
            NavItem(employee, "employee:goals", _("Goals"), 30, "employee:goal"),
            NavItem(employee, "employee:directory", _("Directory"), 40, "employee:directory"),
            NavItem(employee, "employee:inbox", _("Approvals"), 50, "employee:inbox"),
            NavItem(
                employee, "employee:customer360", _("Customer 360"), 60, "employee:customer360"
            ),
        ):
            register(item)
