from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """The partner programme's nouns, shared by the partner portal (partners), the employee
    portal (channel managers) and customer 360: applications, deal registrations, market
    development funds and leads."""

    name = "core.partners"
    label = "partners"
    verbose_name = _("Partner programme")

    def ready(self) -> None:
        from .rule_target import register_deal_target

        register_deal_target()
