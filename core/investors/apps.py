from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvestorsConfig(AppConfig):
    """Investor relations: publications (reports, filings, releases), events, e-mail alert
    subscribers and their deliveries, investor registration and the disclosure audit."""

    name = "core.investors"
    label = "investors"
    verbose_name = _("Investor relations")
