from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployeePortalConfig(AppConfig):
    name = "employee_portal"
    verbose_name = _("Employee portal")

    def ready(self) -> None:
        from core.access.navigation import NavItem, register
        from core.access.roles import Role
        from core.access.tickets import works_tickets

        register(
            NavItem(
                Role.EMPLOYEE,
                "employee:work",
                _("Work queues"),
                order=20,
                section="employee:work",
                check=works_tickets,
            )
        )
