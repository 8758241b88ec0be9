"""Who sees and works which partner-programme record. Every partner screen asks these.

- A partner contact sees their own firm's registrations, fund requests and budgets (all of
  them, whichever colleague entered them), never another firm's: those answer 404.
- A channel manager (current employee with the duty) sees every firm's records that have
  left the draft stage, and decides them.
- End customers never see registrations: nothing here grants the customer role anything.
- A partner opens support tickets on behalf of the customer accounts of its own firm's
  approved and won registrations, never of another firm's (`end_customers`).
- A partner admin (org admin of the firm) manages the firm's team.
"""

from django.db.models import Q

from . import policies
from .roles import Duty, Role

NOTHING = Q(pk__in=[])
# Not Q(): an empty Q vanishes when OR-ed with another.
EVERYTHING = Q(pk__isnull=False)


def partner_firm_ids(person) -> list[int]:
    return sorted({org.pk for org in policies.organisations_of(person, Role.PARTNER)})


def is_channel_manager(person) -> bool:
    return person.is_authenticated and policies.has_duty(person, Duty.CHANNEL_MANAGER)


def _scoped(person, *, as_channel, partner_field: str, channel_q: Q) -> Q:
    if person is None or not person.is_authenticated or not person.is_active:
        return NOTHING
    partner_side = NOTHING
    firms = partner_firm_ids(person)
    if firms and as_channel is not True:
        partner_side = Q(**{f"{partner_field}__in": firms})
    channel_side = channel_q if as_channel is not False and is_channel_manager(person) else NOTHING
    return partner_side | channel_side


def deal_visibility(person, *, as_channel: bool | None = None) -> Q:
    from core.partners.lifecycle import DealStatus

    return _scoped(
        person,
        as_channel=as_channel,
        partner_field="partner_id",
        channel_q=~Q(status=DealStatus.DRAFT),
    )


def budget_visibility(person, *, as_channel: bool | None = None) -> Q:
    return _scoped(person, as_channel=as_channel, partner_field="partner_id", channel_q=EVERYTHING)


def fund_request_visibility(person, *, as_channel: bool | None = None) -> Q:
    return _scoped(
        person, as_channel=as_channel, partner_field="budget__partner_id", channel_q=EVERYTHING
    )


def may_act_for_firm(person, organisation) -> bool:
    return organisation is not None and organisation.pk in partner_firm_ids(person)


def may_edit_deal(person, deal) -> bool:
    from core.partners.lifecycle import EDITABLE

    return deal.status in EDITABLE and may_act_for_firm(person, deal.partner)


def end_customers(person) -> list[tuple[int, int, str]]:
    """(customer account id, partner firm id, account name) for each customer account a
    firm of `person`'s serves through an approved or won registration, in one query."""
    from core.partners.lifecycle import DealStatus
    from core.partners.models import DealRegistration

    firms = partner_firm_ids(person)
    if not firms:
        return []
    return list(
        DealRegistration.objects.filter(
            partner_id__in=firms,
            status__in=[DealStatus.APPROVED, DealStatus.WON],
            customer_account__isnull=False,
            customer_account__is_active=True,
        )
        .values_list("customer_account_id", "partner_id", "customer_account__name")
        .distinct()
        .order_by("customer_account__name", "partner_id")
    )


def may_open_ticket_for(person, *, firm, customer) -> bool:
    """`person` asks, as a contact of `firm`, on behalf of the customer account `customer`."""
    return may_act_for_firm(person, firm) and any(
        customer_id == customer.pk and firm_id == firm.pk
        for customer_id, firm_id, _name in end_customers(person)
    )


def is_partner_admin(person, organisation=None) -> bool:
    """Admin of `organisation` (or of any firm of theirs when None)."""
    firms = [a for a in policies.assignments_for(person, Role.PARTNER) if a.is_org_admin]
    if organisation is None:
        return bool(firms)
    return any(a.organisation_id == organisation.pk for a in firms)


def admin_firms(person) -> list:
    return [
        a.organisation
        for a in policies.assignments_for(person, Role.PARTNER)
        if a.is_org_admin and a.organisation_id
    ]


def lead_visibility(person, *, as_channel: bool | None = None) -> Q:
    """Partners: leads offered to or taken by their firm, and claimable pool leads in a
    country one of their firms sells in. Channel managers: every lead."""
    if person is None or not person.is_authenticated or not person.is_active:
        return NOTHING
    q = NOTHING
    firms = policies.organisations_of(person, Role.PARTNER)
    if firms and as_channel is not True:
        countries = sorted({f.country for f in firms if f.country})
        q = Q(partner_id__in=[f.pk for f in firms]) | Q(
            status="pool", claimable=True, country__in=countries
        )
    if as_channel is not False and is_channel_manager(person):
        q = q | EVERYTHING
    return q
