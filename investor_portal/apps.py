from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvestorPortalConfig(AppConfig):
    name = "investor_portal"
    verbose_name = _("Investor portal")
