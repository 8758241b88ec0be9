from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CustomerPortalConfig(AppConfig):
    name = "customer_portal"
    verbose_name = _("Customer portal")

    def ready(self) -> None:
        from core.access.navigation import NavItem, register
        from core.access.roles import Role

        register(
            NavItem(
                Role.CUSTOMER, "customer:tickets", _("Tickets"), order=20, section="customer:ticket"
            )
        )
