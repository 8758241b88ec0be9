"""The ticket page's lists of queues and categories, kept in the shared cache.

Every visit to a ticket offers them; they change only when an administrator saves or deletes
a queue or a category, and each such change renews them. What is posted is still looked up
in the database (the forms' querysets), so an entry can never let a retired one through."""

from django.db.models.signals import post_delete, post_save

from core.access.roles import Role
from core.generations import Generation

from .models import Category, Queue

FORM_CHOICES = Generation("ticket-form-choices")


def active_queues():
    return Queue.objects.filter(is_active=True)


def active_categories(portal: Role | str):
    return Category.objects.filter(portal=portal, is_active=True)


def queue_choices() -> list[tuple[int, str]]:
    """(id, name) of the active queues, by name."""
    return FORM_CHOICES.kept("queues", lambda: list(active_queues().values_list("pk", "name")))


def category_choices(portal: Role | str) -> list[tuple[int, str]]:
    """(id, name) of the portal's active categories, in their order."""
    return FORM_CHOICES.kept(
        f"categories:{portal}",
        lambda: list(active_categories(portal).values_list("pk", "name")),
    )


def connect_receivers() -> None:
    for model in (Queue, Category):
        for signal in (post_save, post_delete):
            signal.connect(FORM_CHOICES.renew, sender=model, dispatch_uid="ticket-form-choices")
