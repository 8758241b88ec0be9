"""Market development funds: request → approval → claim with proof → paid.

Every change of money takes the budget's row lock first (select_for_update), so two requests
submitted at once are checked one after the other against what is left; the database's
check constraints refuse an overspent budget or an over-claimed request even if code erred.
"""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit.services import audit_record

from ..models import ClaimProof, FundRequest, MdfBudget


class MdfError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


S = FundRequest.Status


def _lock_budget(budget_id: int) -> MdfBudget:
    return MdfBudget.objects.select_for_update().get(pk=budget_id)


def _lock_request(request_id: int) -> FundRequest:
    return FundRequest.objects.select_for_update().get(pk=request_id)


@transaction.atomic
def fund_request_submit(
    *, budget: MdfBudget, by, activity: str, planned_cost: Decimal, expected_outcome: str
) -> FundRequest:
    """Reserves the planned cost in the budget, or refuses when not enough is left."""
    if planned_cost is None or planned_cost <= 0:
        raise MdfError(_("The planned cost must be more than zero."))
    budget = _lock_budget(budget.pk)
    today = timezone.localdate()
    if not budget.starts_on <= today <= budget.ends_on:
        raise MdfError(_("This budget's period is over or has not started."))
    if planned_cost > budget.available:
        raise MdfError(
            _("Only %(left)s %(currency)s is left in this budget.")
            % {"left": budget.available, "currency": budget.currency}
        )
    budget.reserved += planned_cost
    budget.save(update_fields=["reserved"])
    fund_request = FundRequest.objects.create(
        budget=budget,
        requested_by=by,
        activity=activity,
        planned_cost=planned_cost,
        expected_outcome=expected_outcome,
    )
    audit_record("mdf.requested", actor=by, target=fund_request)
    return fund_request


@transaction.atomic
def fund_request_decide(
    *, fund_request: FundRequest, by, approve: bool, amount: Decimal | None = None, note=""
) -> FundRequest:
    """Approve (all or part of the planned cost) or reject (reason); the rest is released."""
    budget = _lock_budget(fund_request.budget_id)
    fund_request = _lock_request(fund_request.pk)
    if fund_request.status != S.SUBMITTED:
        raise MdfError(_("This request has been decided already."))
    if approve:
        amount = fund_request.planned_cost if amount is None else amount
        if not Decimal(0) < amount <= fund_request.planned_cost:
            raise MdfError(_("Approve more than zero and at most the planned cost."))
        budget.reserved -= fund_request.planned_cost - amount
        fund_request.approved_amount = amount
        fund_request.status = S.APPROVED
    else:
        if not note.strip():
            raise MdfError(_("Please give a reason."))
        budget.reserved -= fund_request.planned_cost
        fund_request.status = S.REJECTED
    budget.save(update_fields=["reserved"])
    fund_request.decision_note = note
    fund_request.decided_by = by
    fund_request.decided_at = timezone.now()
    fund_request.save()
    audit_record(f"mdf.{fund_request.status}", actor=by, target=fund_request)
    return fund_request


@transaction.atomic
def claim_submit(
    *, fund_request: FundRequest, by, amount: Decimal, notes: str, proofs=()
) -> FundRequest:
    """Claim what was spent (at most the approved amount) with proof of performance. What the
    approval does not use goes back to the budget."""
    budget = _lock_budget(fund_request.budget_id)
    fund_request = _lock_request(fund_request.pk)
    if fund_request.status != S.APPROVED:
        raise MdfError(_("Only an approved request can be claimed."))
    if amount is None or not Decimal(0) < amount <= fund_request.approved_amount:
        raise MdfError(
            _("Claim more than zero and at most the approved %(amount)s.")
            % {"amount": fund_request.approved_amount}
        )
    if not proofs:
        raise MdfError(_("Attach proof of performance (photos, invoices, attendee lists)."))
    budget.reserved -= fund_request.approved_amount - amount
    budget.save(update_fields=["reserved"])
    fund_request.claimed_amount = amount
    fund_request.claim_notes = notes
    fund_request.claimed_at = timezone.now()
    fund_request.status = S.CLAIMED
    fund_request.save()
    for checked in proofs:
        ClaimProof.from_upload(checked, uploaded_by=by, request=fund_request)
    audit_record("mdf.claimed", actor=by, target=fund_request, changes={"amount": str(amount)})
    return fund_request


@transaction.atomic
def claim_pay(*, fund_request: FundRequest, by) -> FundRequest:
    fund_request = _lock_request(fund_request.pk)
    if fund_request.status != S.CLAIMED:
        raise MdfError(_("Only a submitted claim can be paid."))
    fund_request.status = S.PAID
    fund_request.paid_at = timezone.now()
    fund_request.decided_by = by
    fund_request.save(update_fields=["status", "paid_at", "decided_by"])
    audit_record("mdf.paid", actor=by, target=fund_request)
    return fund_request
