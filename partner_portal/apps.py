from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnerPortalConfig(AppConfig):
    name = "partner_portal"
    verbose_name = _("Partner portal")

    def ready(self) -> None:
        from core.access.navigation import NavItem, register
        from core.access.roles import Role

        for url_name, label, order, section in (
            ("partner:deals", _("Deals"), 20, "partner:deal"),
            ("partner:leads", _("Leads"), 30, "partner:lead"),
            ("partner:mdf", _("MDF"), 40, "partner:mdf"),
            ("partner:scorecard", _("Scorecard"), 50, "partner:scorecard"),
            ("partner:team", _("Team"), 80, "partner:team"),
        ):
            register(NavItem(Role.PARTNER, url_name, label, order=order, section=section))
        register(
            NavItem(
                Role.PARTNER,
                "partner:learning-dashboard",
                _("Training"),
                order=60,
                section="partner:learning",
            )
        )
        register(
            NavItem(
                Role.PARTNER, "partner:tickets", _("Support"), order=70, section="partner:ticket"
            )
        )
