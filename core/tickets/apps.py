from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TicketsConfig(AppConfig):
    name = "core.tickets"
    label = "tickets"
    verbose_name = _("Tickets")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import agents, form_choices, threads
        from .setup import ensure_ticket_permissions

        agents.connect_receivers()
        form_choices.connect_receivers()
        threads.connect_receivers()

        post_migrate.connect(ensure_ticket_permissions, sender=self, dispatch_uid="tickets.perms")
