"""The deal registration lifecycle: which changes exist and who may make them. THE one place.

    draft → submitted → approved / rejected / more info needed → won / lost / expired

Services call `check_transition` before every status change; screens call `allowed_targets`
to offer only what will be accepted.
"""

import enum

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class DealStatus(models.TextChoices):
    DRAFT = "draft", gettext_lazy("Draft")
    SUBMITTED = "submitted", gettext_lazy("Submitted")
    MORE_INFO = "more_info", gettext_lazy("More information needed")
    APPROVED = "approved", gettext_lazy("Approved")
    REJECTED = "rejected", gettext_lazy("Rejected")
    WON = "won", gettext_lazy("Won")
    LOST = "lost", gettext_lazy("Lost")
    EXPIRED = "expired", gettext_lazy("Expired")


class Side(enum.Enum):
    PARTNER = "partner"  # a contact of the registering firm
    CHANNEL = "channel"  # a channel manager
    SYSTEM = "system"  # auto-approval and the expiry job


S = DealStatus
# (from, to) → the sides that may make the change
TRANSITIONS: dict[tuple[str, str], frozenset[Side]] = {
    (S.DRAFT, S.SUBMITTED): frozenset({Side.PARTNER}),
    (S.MORE_INFO, S.SUBMITTED): frozenset({Side.PARTNER}),
    (S.SUBMITTED, S.APPROVED): frozenset({Side.CHANNEL, Side.SYSTEM}),
    (S.SUBMITTED, S.REJECTED): frozenset({Side.CHANNEL}),
    (S.SUBMITTED, S.MORE_INFO): frozenset({Side.CHANNEL}),
    (S.APPROVED, S.WON): frozenset({Side.PARTNER, Side.CHANNEL}),
    (S.APPROVED, S.LOST): frozenset({Side.PARTNER, Side.CHANNEL}),
    (S.APPROVED, S.EXPIRED): frozenset({Side.SYSTEM}),
}
# Registrations that still claim the end customer (conflict checks look at these).
OPEN = frozenset({S.SUBMITTED, S.MORE_INFO, S.APPROVED})
# The partner may change the registration's content only while it is theirs to work on.
EDITABLE = frozenset({S.DRAFT, S.MORE_INFO})
# Only these hold protection: the database allows one per end customer and product.
PROTECTED = S.APPROVED
# A decision needs a reason.
REASON_REQUIRED = frozenset({S.REJECTED, S.MORE_INFO, S.LOST})


class TransitionNotAllowed(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def allowed_targets(status: str, side: Side) -> list[str]:
    return [to for (frm, to), sides in TRANSITIONS.items() if frm == status and side in sides]


def check_transition(status: str, target: str, side: Side, reason: str = "") -> None:
    sides = TRANSITIONS.get((status, target))
    if sides is None:
        raise TransitionNotAllowed(
            _("A registration cannot go from %(from)s to %(to)s.")
            % {"from": S(status).label, "to": S(target).label}
        )
    if side not in sides:
        raise TransitionNotAllowed(_("You may not make this change."))
    if target in REASON_REQUIRED and not reason.strip():
        raise TransitionNotAllowed(_("Please give a reason."))
