from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class SchedulingConfig(AppConfig):
    name = "core.scheduling"
    label = "scheduling"
    verbose_name = _("Scheduled jobs")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .defaults import ensure_periodic_tasks

        # post_migrate is sent only for apps with models; beat's own app owns the tables we fill.
        post_migrate.connect(
            ensure_periodic_tasks,
            sender=apps.get_app_config("django_celery_beat"),
            dispatch_uid="scheduling.ensure",
        )
