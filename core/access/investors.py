"""Who may read which investor-relations material.

The IR site is public: anyone reads public publications and events. Material for registered
investors needs a current investor role; material for verified shareholders also needs an IR
officer's verification (InvestorProfile). Everything else — drafts, scheduled items not yet
live, restricted material for the wrong person — does not exist for them: not by direct
address (404), not in listings, searches, feeds or alerts. IR officers work in the Wagtail
admin and the employee portal; on the public side they see what the public sees.
"""

from django.db.models import Q

from . import policies
from .roles import Duty, Role


def audiences_for(person) -> list[str]:
    from core.investors.models import Audience, InvestorProfile

    audiences = [Audience.PUBLIC.value]
    if person is None or not person.is_authenticated or not person.is_active:
        return audiences
    if policies.holds_role(person, Role.INVESTOR):
        audiences.append(Audience.REGISTERED.value)
        cached = person.__dict__.get("_verified_holder")
        if cached is None:
            cached = InvestorProfile.objects.filter(
                person=person, holder_verified_at__isnull=False
            ).exists()
            person.__dict__["_verified_holder"] = cached
        if cached:
            audiences.append(Audience.HOLDERS.value)
    return audiences


def publications_visible_to(person) -> Q:
    return Q(live=True, audience__in=audiences_for(person))


def events_visible_to(person) -> Q:
    return Q(live=True, audience__in=audiences_for(person))


def is_investor(person) -> bool:
    return person.is_authenticated and policies.holds_role(person, Role.INVESTOR)


def may_register_as_investor(person) -> bool:
    """A signed-in person without the investor role may register (after confirming e-mail)."""
    return person.is_authenticated and not is_investor(person)


def is_ir_officer(person) -> bool:
    return policies.has_duty(person, Duty.IR_OFFICER)
