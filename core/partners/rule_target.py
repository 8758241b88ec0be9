"""Deal registrations as a business-rules target (core/rules): rules can notify people and call
webhooks on them, e.g. "when a deal over 100,000 is submitted in Indonesia, tell the channel
manager for the region". Their services emit an event on every change of status."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from core.rules.targets import Field, FieldType, Target, registry

from .lifecycle import DealStatus

KIND = "deal_registration"
# Events: "created", "changed", and each status a deal moves to ("submitted", "approved", ...).
EVENTS = ("created", "changed", *DealStatus.values)


def _partner_tiers():
    from core.orgs.models import PartnerTier

    return PartnerTier.objects.order_by("rank").values_list("slug", "name")


def _channel_url(deal) -> str:
    try:
        return reverse("employee:channel-deal", args=[deal.pk])
    except NoReverseMatch:
        return ""


def _notify_context(deal) -> dict:
    return {"title": f"{deal.customer_company}: {deal.title}", "path": _channel_url(deal)}


def _payload(deal) -> dict:
    return {
        "id": deal.pk,
        "partner": deal.partner.name,
        "end_customer": deal.customer_company,
        "title": deal.title,
        "value": str(deal.value),
        "currency": deal.currency,
        "status": deal.status,
        "expected_close": deal.expected_close.isoformat(),
    }


def _deals():
    from .models import DealRegistration

    return DealRegistration.objects.select_related("partner")


def register_deal_target() -> None:
    from .models import DealRegistration

    registry.register(
        Target(
            kind=KIND,
            label=_("Deal registration"),
            model=DealRegistration,
            queryset=_deals,
            fields=[
                Field("value", _("estimated value"), "value", FieldType.NUMBER),
                Field("currency", _("currency"), "currency", FieldType.TEXT),
                Field("status", _("status"), "status", FieldType.CHOICE, DealStatus.choices),
                Field("country", _("partner's country"), "partner__country", FieldType.TEXT),
                Field(
                    "partner_tier",
                    _("partner tier"),
                    "partner__partner_tier__slug",
                    FieldType.CHOICE,
                    _partner_tiers,
                ),
                Field("submitted_at", _("submitted"), "submitted_at", FieldType.DATETIME),
            ],
            events=EVENTS,
            clock_field="submitted_at",
            notify_context=_notify_context,
            payload=_payload,
        )
    )
