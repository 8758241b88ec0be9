from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "core.cms"
    label = "cms"
    verbose_name = _("Site pages")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_migrate, post_save
        from wagtail.models import PageViewRestriction, Site, get_page_models
        from wagtail.signals import post_page_move

        from .selectors import PAGES
        from .structure import bootstrap_after_migrate

        # After every migrate (and every test flush) the page tree and the staff groups exist.
        post_migrate.connect(bootstrap_after_migrate, sender=self, dispatch_uid="cms.bootstrap")
        # Publishing, unpublishing and scheduled publishing all save the page.
        for model in [*get_page_models(), PageViewRestriction, Site]:
            for signal in (post_save, post_delete):
                signal.connect(PAGES.renew, sender=model, dispatch_uid=f"cms.pages.{model}")
        post_page_move.connect(PAGES.renew, dispatch_uid="cms.pages.moved")
