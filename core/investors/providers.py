"""Investor relations in customer 360: a person's shareholder status and e-mail alerts, and
their timeline entries (registration as an investor is in the roles; alerts confirmed here).
Two queries whatever the data."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import customer360

from .models import InvestorProfile, Subscriber


def _person_rows(person, limit, viewer=None):
    rows = []
    profile = InvestorProfile.objects.filter(person=person).first()
    if profile is not None and profile.is_verified_holder:
        rows.append(
            customer360.Row(
                title=_("Verified shareholder"),
                detail=profile.holder_reference,
                at=profile.holder_verified_at,
                badge=_("Verified"),
                tone="success",
            )
        )
    subscriber = Subscriber.objects.filter(email__iexact=person.email).first()
    if subscriber is not None:
        active = subscriber.unsubscribed_at is None
        rows.append(
            customer360.Row(
                title=_("Investor e-mail alerts"),
                detail=", ".join(str(t.label) for t in subscriber.topics),
                at=subscriber.confirmed_at,
                badge=_("Subscribed") if active else _("Unsubscribed"),
                tone="" if active else "warning",
            )
        )
    return rows[:limit], len(rows)


def _person_timeline(person, limit, viewer=None):
    subscriber = Subscriber.objects.filter(email__iexact=person.email).first()
    if subscriber is None:
        return []
    entries = [
        customer360.Entry(
            at=subscriber.confirmed_at, kind=_("Investor relations"), title=_("Confirmed alerts")
        )
    ]
    if subscriber.unsubscribed_at:
        entries.append(
            customer360.Entry(
                at=subscriber.unsubscribed_at,
                kind=_("Investor relations"),
                title=_("Unsubscribed from alerts"),
            )
        )
    return entries[:limit]


customer360.register_section(
    customer360.SectionSpec(
        "investor-relations",
        gettext_lazy("Investor relations"),
        customer360.PERSON,
        _person_rows,
        order=70,
        empty=gettext_lazy("No shareholder verification or alerts."),
    )
)
customer360.register_timeline(
    customer360.TimelineSpec("investor-relations", customer360.PERSON, _person_timeline)
)
