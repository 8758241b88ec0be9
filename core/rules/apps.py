from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RulesConfig(AppConfig):
    name = "core.rules"
    label = "rules"
    verbose_name = _("Business rules")

    def ready(self) -> None:
        # The targets this app knows of itself; other areas register theirs in their own ready().
        from .ticket_target import register_ticket_target

        register_ticket_target()
