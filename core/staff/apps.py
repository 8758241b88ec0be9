from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    """Our own people: departments, employee profiles with managers, goals, company news."""

    name = "core.staff"
    label = "staff"
    verbose_name = _("Staff")
