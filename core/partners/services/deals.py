"""Writes to deal registrations. Views, providers and tasks call these, never the models."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit.services import audit_record
from core.notifications.services import email_queue_templated
from core.rules.events import record_event

from .. import rule_target
from ..conflicts import customer_account_for, record_conflicts
from ..lifecycle import PROTECTED, DealStatus, Side, TransitionNotAllowed, check_transition
from ..models import AutoApprovalRule, DealConflict, DealEvent, DealLine, DealRegistration
from ..normalise import company_key, domain_key


class DealConflictError(Exception):
    """Another partner already holds an approved registration for this customer and product."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class DealData:
    title: str
    customer_company: str
    customer_domain: str
    contact_name: str
    contact_email: str
    contact_phone: str
    products: list
    value: Decimal
    currency: str
    expected_close: object
    notes: str = ""


FIELDS = (
    "title",
    "customer_company",
    "customer_domain",
    "contact_name",
    "contact_email",
    "contact_phone",
    "value",
    "currency",
    "expected_close",
    "notes",
)


def _event(deal, *, actor, action, frm="", to="", note="", changes=None) -> DealEvent:
    return DealEvent.objects.create(
        deal=deal,
        actor=actor if actor is not None and actor.pk else None,
        action=action,
        from_status=frm,
        to_status=to,
        note=note,
        changes=changes or {},
    )


def _apply(deal: DealRegistration, data: DealData) -> dict:
    changes = {}
    for name in FIELDS:
        value = getattr(data, name)
        if name == "currency":
            value = value.upper()
        if name == "customer_domain":
            value = domain_key(value) or domain_key(data.contact_email)
        if getattr(deal, name) != value:
            changes[name] = str(value)
            setattr(deal, name, value)
    deal.customer_key = company_key(deal.customer_company)
    return changes


def _set_lines(deal: DealRegistration, products) -> None:
    wanted = {p.pk: p for p in products}
    deal.lines.exclude(product_id__in=wanted).delete()
    have = set(deal.lines.values_list("product_id", flat=True))
    DealLine.objects.bulk_create(
        DealLine(deal=deal, product=p, customer_key=deal.customer_key)
        for pk, p in wanted.items()
        if pk not in have
    )
    deal.lines.update(customer_key=deal.customer_key)


@transaction.atomic
def deal_create(*, partner, registered_by, data: DealData, submit: bool = False):
    deal = DealRegistration(partner=partner, registered_by=registered_by)
    _apply(deal, data)
    deal.save()
    _set_lines(deal, data.products)
    _event(deal, actor=registered_by, action="created", to=deal.status)
    record_event(rule_target.KIND, deal, "created", actor=registered_by)
    audit_record("deal.created", actor=registered_by, target=deal)
    if submit:
        deal = deal_submit(deal=deal, by=registered_by)
    return deal


@transaction.atomic
def deal_update(*, deal: DealRegistration, by, data: DealData) -> DealRegistration:
    deal = DealRegistration.objects.select_for_update().get(pk=deal.pk)
    if deal.status not in (DealStatus.DRAFT, DealStatus.MORE_INFO):
        raise TransitionNotAllowed(_("This registration can no longer be changed."))
    changes = _apply(deal, data)
    before = set(deal.lines.values_list("product_id", flat=True))
    deal.save()
    _set_lines(deal, data.products)
    if before != {p.pk for p in data.products}:
        changes["products"] = ", ".join(sorted(p.name for p in data.products))
    if changes:
        _event(deal, actor=by, action="edited", changes=changes)
    return deal


def _move(deal, *, to, by, side, reason="", action=None) -> str:
    check_transition(deal.status, to, side, reason)
    frm = deal.status
    deal.status = to
    if reason:
        deal.decision_reason = reason
    _event(deal, actor=by, action=action or to, frm=frm, to=to, note=reason)
    # Business rules see the move after commit (e.g. "a deal over 100,000 is submitted").
    record_event(
        rule_target.KIND, deal, "changed", event=str(to), changes={"status": (frm, to)}, actor=by
    )
    return frm


def _locked(deal) -> DealRegistration:
    return (
        DealRegistration.objects.select_for_update(of=("self",))
        .select_related("partner__partner_tier")
        .get(pk=deal.pk)
    )


@transaction.atomic
def deal_submit(*, deal: DealRegistration, by) -> DealRegistration:
    """The partner hands the registration in: conflicts are recorded for the channel manager,
    and an auto-approval rule of the firm's tier may approve it at once."""
    deal = _locked(deal)
    if not deal.lines.exists():
        raise TransitionNotAllowed(_("Choose at least one product."))
    _move(deal, to=DealStatus.SUBMITTED, by=by, side=Side.PARTNER)
    deal.submitted_at = timezone.now()
    deal.save(update_fields=["status", "submitted_at", "updated_at"])
    conflicts = record_conflicts(deal)
    _link_customer_account(
        deal,
        matches=[
            (c.organisation, c.matched_on)
            for c in conflicts
            if c.kind == DealConflict.Kind.CUSTOMER
        ],
    )
    if not conflicts and _auto_approves(deal):
        try:
            _approve(deal, by=None, side=Side.SYSTEM, note=_("Approved automatically."))
            deal.auto_approved = True
            deal.save(update_fields=["auto_approved"])
        except DealConflictError:
            pass  # stays submitted; a channel manager will see why
    return deal


def _link_customer_account(deal, *, matches=None) -> None:
    """Remember which customer account the end customer is. On submit the conflict check's
    matches decide (the customer may have changed); on approval and a win an unlinked
    registration looks again, since the account may have been opened meanwhile."""
    if matches is None and deal.customer_account_id is not None:
        return
    account = customer_account_for(deal, matches)
    if getattr(account, "pk", None) != deal.customer_account_id:
        deal.customer_account = account
        deal.save(update_fields=["customer_account", "updated_at"])


def _auto_approves(deal) -> bool:
    tier = deal.partner.partner_tier
    if tier is None:
        return False
    return AutoApprovalRule.objects.filter(
        tier=tier, is_active=True, currency=deal.currency, max_value__gte=deal.value
    ).exists()


def protection_days(deal) -> int:
    tier = deal.partner.partner_tier
    return tier.deal_protection_days if tier else settings.PARTNERS_DEFAULT_PROTECTION_DAYS


def _approve(deal, *, by, side, note="") -> None:
    now = timezone.now()
    _move(deal, to=DealStatus.APPROVED, by=by, side=side, reason=note, action="approved")
    _link_customer_account(deal)
    deal.approved_at = now
    deal.protected_until = now + timedelta(days=protection_days(deal))
    deal.decided_by = by
    try:
        with transaction.atomic():
            deal.save(
                update_fields=[
                    "status",
                    "approved_at",
                    "protected_until",
                    "decided_by",
                    "decision_reason",
                    "updated_at",
                ]
            )
            deal.lines.update(protected=True)
    except IntegrityError:
        raise DealConflictError(
            _(
                "Another partner already holds an approved registration for this end customer "
                "and product."
            )
        ) from None
    _notify(deal, "approved")


@transaction.atomic
def deal_decide(*, deal: DealRegistration, by, decision: str, reason: str = ""):
    """A channel manager approves, rejects (reason) or asks for more information (reason)."""
    deal = _locked(deal)
    if decision == DealStatus.APPROVED:
        _approve(deal, by=by, side=Side.CHANNEL, note=reason)
        return deal
    _move(deal, to=decision, by=by, side=Side.CHANNEL, reason=reason)
    deal.decided_by = by
    deal.save(update_fields=["status", "decision_reason", "decided_by", "updated_at"])
    audit_record(f"deal.{decision}", actor=by, target=deal, changes={"reason": reason})
    _notify(deal, decision)
    return deal


@transaction.atomic
def deal_close(*, deal: DealRegistration, by, side: Side, won: bool, reason: str = ""):
    """An approved registration is won or lost (a reason when lost), by the partner or a
    channel manager; when the channel team records it, the partner is e-mailed."""
    deal = _locked(deal)
    to = DealStatus.WON if won else DealStatus.LOST
    _move(deal, to=to, by=by, side=side, reason=reason)
    deal.closed_at = timezone.now()
    deal.save(update_fields=["status", "decision_reason", "closed_at", "updated_at"])
    deal.lines.update(protected=False)
    if won:
        _link_customer_account(deal)
    audit_record(f"deal.{to}", actor=by, target=deal, changes={"reason": reason})
    if side is Side.CHANNEL:
        _notify(deal, str(to))
    return deal


@transaction.atomic
def deal_extend(*, deal: DealRegistration, by, days: int) -> DealRegistration:
    """A channel manager extends an approved registration's protection."""
    deal = _locked(deal)
    if deal.status != PROTECTED:
        raise TransitionNotAllowed(_("Only approved registrations can be extended."))
    if not 1 <= days <= 365:
        raise TransitionNotAllowed(_("Extend by 1 to 365 days."))
    before = deal.protected_until
    deal.protected_until = max(before, timezone.now()) + timedelta(days=days)
    deal.save(update_fields=["protected_until", "updated_at"])
    _event(
        deal,
        actor=by,
        action="extended",
        changes={"protected_until": deal.protected_until.isoformat()},
        note=_("Protection extended by %(days)s days.") % {"days": days},
    )
    return deal


def deals_expire(*, now=None) -> int:
    """Approved registrations whose protection has run out become expired (the beat job).
    Each is locked and re-checked, so an extension made meanwhile wins and a second run (or
    a second worker) changes nothing."""
    now = now or timezone.now()
    expired = 0
    due = DealRegistration.objects.filter(
        status=DealStatus.APPROVED, protected_until__lte=now
    ).values_list("pk", flat=True)
    for pk in list(due[:1000]):
        with transaction.atomic():
            deal = (
                DealRegistration.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=DealStatus.APPROVED, protected_until__lte=now)
                .first()
            )
            if deal is None:
                continue
            _move(
                deal,
                to=DealStatus.EXPIRED,
                by=None,
                side=Side.SYSTEM,
                action="expired",
            )
            deal.closed_at = now
            deal.save(update_fields=["status", "closed_at", "updated_at"])
            deal.lines.update(protected=False)
            _notify(deal, "expired")
            expired += 1
    return expired


def _notify(deal, what: str) -> None:
    person = deal.registered_by
    if person is None or not person.email:
        return
    email_queue_templated(
        to=person.email,
        template="partners_deal_decided",
        context={"deal": deal, "person": person, "what": what},
        language=getattr(person, "language", None),
        key=f"deal:{deal.pk}:{what}:{deal.events.count()}",
    )
