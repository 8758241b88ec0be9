from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvestorPortalConfig(AppConfig):
    name = "investor_portal"
    verbose_name = _("Investor portal")

    def ready(self) -> None:
        from core.access.navigation import NavItem, register
        from core.access.roles import Role

        for url_name, label, order, section in (
            ("investor:library", _("Reports and filings"), 20, "investor:report"),
            ("investor:events", _("Financial calendar"), 30, "investor:event"),
            ("investor:alerts", _("E-mail alerts"), 40, "investor:alerts"),
        ):
            register(NavItem(Role.INVESTOR, url_name, label, order=order, section=section))
        register(
            NavItem(
                Role.INVESTOR,
                "investor:tickets",
                _("Information requests"),
                order=60,
                section="investor:ticket",
            )
        )
