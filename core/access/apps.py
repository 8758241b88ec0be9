from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "core.access"
    label = "access"
    verbose_name = _("Access")

    def ready(self):
        from .facts import connect_receivers

        connect_receivers()
