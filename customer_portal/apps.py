from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CustomerPortalConfig(AppConfig):
    name = "customer_portal"
    verbose_name = _("Customer portal")
