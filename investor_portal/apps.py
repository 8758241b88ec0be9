from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvestorPortalConfig(AppConfig):
    name = "investor_portal"
    verbose_name = _("Investor portal")

    def ready(self) -> None:
        from core.access.navigation import NavItem, register
        from core.access.roles import Role

        register(
            NavItem(
                Role.INVESTOR,
                "investor:tickets",
                _("Information requests"),
                order=60,
                section="investor:ticket",
            )
        )
