"""Wagtail tells us when a publication or event goes live (by hand or on schedule)."""

from wagtail.signals import published


def _went_live(sender, instance, revision=None, **kwargs):
    from .services import went_live

    went_live(instance=instance, revision=revision)


def connect() -> None:
    from .models import InvestorEvent, Publication

    for model in (Publication, InvestorEvent):
        published.connect(_went_live, sender=model, dispatch_uid=f"investors-live-{model.__name__}")
