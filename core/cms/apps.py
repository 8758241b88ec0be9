from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "core.cms"
    label = "cms"
    verbose_name = _("Site pages")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .structure import bootstrap_after_migrate

        # After every migrate (and every test flush) the page tree and the staff groups exist.
        post_migrate.connect(bootstrap_after_migrate, sender=self, dispatch_uid="cms.bootstrap")
