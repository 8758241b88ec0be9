from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployeePortalConfig(AppConfig):
    name = "employee_portal"
    verbose_name = _("Employee portal")
