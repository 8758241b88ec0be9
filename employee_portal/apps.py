from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployeePortalConfig(AppConfig):
    name = "employee_portal"
    verbose_name = _("Employee portal")

    def ready(self) -> None:
        from core.access.navigation import NavItem, register
        from core.access.roles import Duty, Role
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

        register(
            NavItem(
                Role.EMPLOYEE,
                "employee:channel",
                _("Channel"),
                order=25,
                section="employee:channel",
                duty=Duty.CHANNEL_MANAGER,
            )
        )

        for name, label, order, section in (
            ("learning-dashboard", _("Learning"), 30, "learning"),
            ("goals", _("Goals"), 40, "goal"),
            ("directory", _("Directory"), 50, "directory"),
            ("inbox", _("Approvals"), 60, "inbox"),
            ("customer360", _("Customer 360"), 70, "customer360"),
        ):
            register(
                NavItem(Role.EMPLOYEE, f"employee:{name}", label, order, f"employee:{section}")
            )
        register(
            NavItem(
                Role.EMPLOYEE,
                "employee:ir-disclosures",
                _("Investor relations"),
                order=80,
                section="employee:ir-",
                duty=Duty.IR_OFFICER,
            )
        )
