from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnerPortalConfig(AppConfig):
    name = "partner_portal"
    verbose_name = _("Partner portal")

    def ready(self) -> None:
        from core.access.navigation import NavItem, register
        from core.access.roles import Role

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
