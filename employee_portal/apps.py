from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployeePortalConfig(AppConfig):
    name = "employee_portal"
    verbose_name = _("Employee portal")

    def ready(self) -> None:
        from core.access.navigation import NavItem, register
        from core.access.roles import Role

        for item in (
            NavItem(
                Role.EMPLOYEE, "employee:learning-dashboard", _("Learning"), 20, "employee:learning"
            ),
        ):
            register(item)
