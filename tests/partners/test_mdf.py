"""Market development funds: the money never adds up to more than was given."""

import threading
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction

from core.demo.files import simple_pdf
from core.partners.models import FundRequest, MdfBudget
from core.partners.services import mdf
from core.uploads.validation import validate_upload

from .factories import budget, channel_manager, firm, partner_at

D = Decimal


def proof():
    return validate_upload(SimpleUploadedFile("invoice.pdf", simple_pdf("Invoice", ["Paid"])))


def submit(b, by, cost):
    return mdf.fund_request_submit(
        budget=b, by=by, activity="Seminar", planned_cost=D(cost), expected_outcome="Leads"
    )


@pytest.mark.django_db
def test_request_approve_claim_pay_and_what_is_left():
    nusantara = firm()
    agus, hendra = partner_at(nusantara), channel_manager()
    b = budget(nusantara, "10000")
    item = submit(b, agus, "6000")
    b.refresh_from_db()
    assert b.reserved == D("6000")
    item = mdf.fund_request_decide(fund_request=item, by=hendra, approve=True, amount=D("5000"))
    b.refresh_from_db()
    assert (item.status, b.reserved) == (FundRequest.Status.APPROVED, D("5000"))
    with pytest.raises(mdf.MdfError):
        mdf.claim_submit(
            fund_request=item, by=agus, amount=D("5000.01"), notes="", proofs=[proof()]
        )
    with pytest.raises(mdf.MdfError):
        mdf.claim_submit(fund_request=item, by=agus, amount=D("4000"), notes="", proofs=[])
    item = mdf.claim_submit(
        fund_request=item, by=agus, amount=D("4200"), notes="Done", proofs=[proof()]
    )
    b.refresh_from_db()
    assert (item.status, item.claimed_amount, b.reserved) == ("claimed", D("4200"), D("4200"))
    assert item.proofs.count() == 1
    item = mdf.claim_pay(fund_request=item, by=hendra)
    assert item.status == FundRequest.Status.PAID
    with pytest.raises(mdf.MdfError):
        mdf.claim_pay(fund_request=item, by=hendra)


@pytest.mark.django_db
def test_a_request_beyond_what_is_left_is_refused_and_rejection_releases():
    nusantara = firm()
    agus, hendra = partner_at(nusantara), channel_manager()
    b = budget(nusantara, "10000")
    first = submit(b, agus, "7000")
    with pytest.raises(mdf.MdfError):
        submit(b, agus, "3000.01")
    mdf.fund_request_decide(fund_request=first, by=hendra, approve=False, note="Not this half")
    b.refresh_from_db()
    assert b.reserved == 0
    submit(b, agus, "10000")
    with pytest.raises(mdf.MdfError):
        mdf.fund_request_decide(fund_request=first, by=hendra, approve=True)


@pytest.mark.django_db
def test_approval_above_the_plan_and_rejection_without_reason_are_refused():
    nusantara = firm()
    item = submit(budget(nusantara), partner_at(nusantara), "1000")
    with pytest.raises(mdf.MdfError):
        mdf.fund_request_decide(fund_request=item, by=None, approve=True, amount=D("1000.01"))
    with pytest.raises(mdf.MdfError):
        mdf.fund_request_decide(fund_request=item, by=None, approve=False, note=" ")


@pytest.mark.django_db
def test_the_database_refuses_an_overspent_budget_or_an_over_claim():
    nusantara = firm()
    b = budget(nusantara, "100")
    with pytest.raises(IntegrityError), transaction.atomic():
        MdfBudget.objects.filter(pk=b.pk).update(reserved=D("100.01"))
    item = submit(b, partner_at(nusantara), "50")
    with pytest.raises(IntegrityError), transaction.atomic():
        FundRequest.objects.filter(pk=item.pk).update(
            approved_amount=D("50"), claimed_amount=D("51")
        )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_never_exceed_the_budget():
    nusantara = firm()
    people = [partner_at(nusantara) for _ in range(4)]
    b = budget(nusantara, "10000")
    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def request(person):
        try:
            barrier.wait()
            submit(b, person, "3000")
            outcomes.append("accepted")
        except mdf.MdfError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=request, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    b.refresh_from_db()
    assert sorted(outcomes) == ["accepted"] * 3 + ["refused"]
    assert b.reserved == D("9000")
    assert sum(r.planned_cost for r in FundRequest.objects.filter(budget=b)) == D("9000")
