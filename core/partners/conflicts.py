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
    customers = Organisation.objects.filter(kind=OrganisationKind.CUSTOMER)
    name_words = deal.customer_key.split()
    # The database narrows by domain or the name's first word; the exact key is compared here.
    narrow = Q(name__icontains=name_words[0]) if name_words else Q(pk__in=[])
    if deal.customer_domain:
        narrow |= Q(email_domain=deal.customer_domain)
    candidates = customers.filter(narrow).order_by("pk")
    for organisation in candidates:
        if deal.customer_domain and organisation.email_domain == deal.customer_domain:
            matched = DealConflict.Match.DOMAIN
        elif company_key(organisation.name) == deal.customer_key:
            matched = DealConflict.Match.NAME
        else:
            continue
        found.append(
            DealConflict(
                deal=deal,
                kind=DealConflict.Kind.CUSTOMER,
                organisation=organisation,
                matched_on=matched,
            )
        )
    return found


def record_conflicts(deal: DealRegistration) -> list[DealConflict]:
    DealConflict.objects.filter(deal=deal).delete()
    return DealConflict.objects.bulk_create(find_conflicts(deal))
