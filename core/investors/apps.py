from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvestorsConfig(AppConfig):
    """Investor relations: publications (reports, filings, releases), events, e-mail alert
    subscribers and their deliveries, investor registration and the disclosure audit."""

    name = "core.investors"
    label = "investors"
    verbose_name = _("Investor relations")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from core.access.duties import ensure_duty_groups

        from . import signals

        signals.connect()
        # The IR officers' rights name this app's permissions, made after its migrations.
        post_migrate.connect(ensure_duty_groups, sender=self, dispatch_uid="investors.duties")
