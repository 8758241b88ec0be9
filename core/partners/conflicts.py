"""Conflict check on submit: other open registrations and existing customer accounts that look
like the same end customer (same normalised company name or the same e-mail domain)."""

from django.db.models import Q

from core.access.roles import OrganisationKind
from core.orgs.models import Organisation

from .lifecycle import OPEN
from .models import DealConflict, DealRegistration
from .normalise import company_key


def find_conflicts(deal: DealRegistration) -> list[DealConflict]:
    """The matches for `deal`, unsaved, in two queries."""
    found: list[DealConflict] = []
    same = Q(customer_key=deal.customer_key)
    if deal.customer_domain:
        same |= Q(customer_domain=deal.customer_domain)
    for other in (
        DealRegistration.objects.filter(same, status__in=OPEN).exclude(pk=deal.pk).order_by("pk")
    ):
        found.append(
            DealConflict(
                deal=deal,
                kind=DealConflict.Kind.REGISTRATION,
                other_deal=other,
                matched_on=DealConflict.Match.NAME
                if other.customer_key == deal.customer_key
                else DealConflict.Match.DOMAIN,
            )
        )
    found += [
        DealConflict(
            deal=deal,
            kind=DealConflict.Kind.CUSTOMER,
            organisation=organisation,
            matched_on=matched,
        )
        for organisation, matched in matching_customer_accounts(deal)
    ]
    return found


def matching_customer_accounts(deal: DealRegistration) -> list[tuple[Organisation, str]]:
    """Customer accounts that look like the deal's end customer, with what matched, in one
    query: the database narrows by domain or the name's first word; the exact key is compared
    here."""
    customers = Organisation.objects.filter(kind=OrganisationKind.CUSTOMER)
    name_words = deal.customer_key.split()
    narrow = Q(name__icontains=name_words[0]) if name_words else Q(pk__in=[])
    if deal.customer_domain:
        narrow |= Q(email_domain=deal.customer_domain)
    matches = []
    for organisation in customers.filter(narrow).order_by("pk"):
        if deal.customer_domain and organisation.email_domain == deal.customer_domain:
            matches.append((organisation, DealConflict.Match.DOMAIN))
        elif company_key(organisation.name) == deal.customer_key:
            matches.append((organisation, DealConflict.Match.NAME))
    return matches


def customer_account_for(deal: DealRegistration, matches=None) -> Organisation | None:
    """The customer account the end customer is: an active account of the same e-mail domain
    first (an address is harder to share by accident than a name), else of the same name."""
    matches = matching_customer_accounts(deal) if matches is None else matches
    active = [(org, matched) for org, matched in matches if org.is_active]
    for wanted in (DealConflict.Match.DOMAIN, DealConflict.Match.NAME):
        for organisation, matched in active:
            if matched == wanted:
                return organisation
    return None


def record_conflicts(deal: DealRegistration) -> list[DealConflict]:
    DealConflict.objects.filter(deal=deal).delete()
    return DealConflict.objects.bulk_create(find_conflicts(deal))
