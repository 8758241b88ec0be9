"""Two channel managers approving two partners' registrations of the same end customer and
product at the same moment: the database lets exactly one through."""

import threading
from decimal import Decimal

import pytest
from django.db import connection

from core.partners.lifecycle import DealStatus
from core.partners.models import DealLine, DealRegistration
from core.partners.services import deals as services

from .factories import channel_manager, firm, make_deal


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_approvals_for_one_customer_and_product_let_one_win():
    hendra, other = channel_manager(), channel_manager()
    first = make_deal(firm(), submit=True, value=Decimal("90000"))
    second = make_deal(firm(), submit=True, value=Decimal("90000"), customer_company="MAJU BERSAMA")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def approve(deal, person):
        try:
            barrier.wait()
            services.deal_decide(deal=deal, by=person, decision=DealStatus.APPROVED)
            outcomes.append("approved")
        except services.DealConflictError:
            outcomes.append("conflict")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=approve, args=(first, hendra)),
        threading.Thread(target=approve, args=(second, other)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["approved", "conflict"]
    assert DealRegistration.objects.filter(status=DealStatus.APPROVED).count() == 1
    assert DealLine.objects.filter(protected=True).count() == 1
