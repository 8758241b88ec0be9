"""Conditions: which operators fit which field types, checking values, and turning a rule's
conditions into ONE database filter (used alike by events, the sweep and the test screen)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.db.models import Exists, OuterRef, Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import Join, Operator, Tag
from .targets import Field, FieldType, Target
from .timing import business_cutoff, outside_business_hours_q, within_business_hours_q

NOTHING = Q(pk__in=[])

OPERATORS_BY_TYPE: dict[FieldType, frozenset[str]] = {
    FieldType.CHOICE: frozenset(
        {
            Operator.EQUALS,
            Operator.NOT_EQUALS,
            Operator.IN,
            Operator.CHANGED_TO,
            Operator.IS_EMPTY,
            Operator.IS_SET,
        }
    ),
    FieldType.NUMBER: frozenset(
        {
            Operator.EQUALS,
            Operator.NOT_EQUALS,
            Operator.IN,
            Operator.GREATER_THAN,
            Operator.LESS_THAN,
            Operator.CHANGED_TO,
            Operator.IS_EMPTY,
            Operator.IS_SET,
        }
    ),
    FieldType.TEXT: frozenset(
        {
            Operator.EQUALS,
            Operator.NOT_EQUALS,
            Operator.IN,
            Operator.CONTAINS,
            Operator.CHANGED_TO,
            Operator.IS_EMPTY,
            Operator.IS_SET,
        }
    ),
    FieldType.DATETIME: frozenset(
        {
            Operator.OLDER_THAN_BUSINESS_HOURS,
            Operator.OUTSIDE_BUSINESS_HOURS,
            Operator.WITHIN_BUSINESS_HOURS,
            Operator.IS_EMPTY,
            Operator.IS_SET,
        }
    ),
    FieldType.PERSON: frozenset(
        {Operator.EQUALS, Operator.IS_EMPTY, Operator.IS_SET, Operator.CHANGED_TO}
    ),
    FieldType.TAGS: frozenset({Operator.HAS_TAG}),
}
NO_VALUE = frozenset(
    {
        Operator.IS_EMPTY,
        Operator.IS_SET,
        Operator.OUTSIDE_BUSINESS_HOURS,
        Operator.WITHIN_BUSINESS_HOURS,
    }
)
BUSINESS_HOURS = frozenset(
    {
        Operator.OLDER_THAN_BUSINESS_HOURS,
        Operator.OUTSIDE_BUSINESS_HOURS,
        Operator.WITHIN_BUSINESS_HOURS,
    }
)


class ConditionError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def _parts(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _number(value: str) -> Decimal:
    try:
        number = Decimal(value.strip())
    except (InvalidOperation, AttributeError):
        raise ConditionError(
            "value", _("“%(value)s” is not a number.") % {"value": value}
        ) from None
    if not number.is_finite():
        raise ConditionError("value", _("“%(value)s” is not a number.") % {"value": value})
    return number


def parse_value(spec: Field, operator: str, value: str):
    """The condition's value as the database wants it, or ConditionError saying what is wrong."""
    value = (value or "").strip()
    if operator in NO_VALUE:
        if value:
            raise ConditionError("value", _("This operator takes no value; leave it empty."))
        return None
    if not value:
        raise ConditionError("value", _("This operator needs a value."))
    if operator == Operator.OLDER_THAN_BUSINESS_HOURS:
        hours = _number(value)
        if hours <= 0:
            raise ConditionError("value", _("Give a number of hours above zero."))
        return hours
    if operator == Operator.HAS_TAG:
        return slugify(value, allow_unicode=True)
    values = _parts(value) if operator == Operator.IN else [value]
    if not values:
        raise ConditionError("value", _("List at least one value, separated by commas."))
    if spec.type is FieldType.NUMBER:
        parsed = [_number(v) for v in values]
    elif spec.type is FieldType.CHOICE:
        known = spec.choice_values()
        unknown = [v for v in values if v not in known]
        if unknown:
            raise ConditionError(
                "value",
                _("%(value)s is not a value of %(field)s. Choose from: %(choices)s.")
                % {"value": ", ".join(unknown), "field": spec.label, "choices": ", ".join(known)},
            )
        parsed = values
    elif spec.type is FieldType.PERSON:
        from core.people.models import Person

        if not Person.objects.filter(email__iexact=value).exists():
            raise ConditionError("value", _("Nobody has the e-mail address %(v)s.") % {"v": value})
        parsed = [value.lower()]
    else:
        parsed = values
    return parsed if operator == Operator.IN else parsed[0]


def check_condition(
    target: Target, field_name: str, operator: str, value: str, *, trigger: str, has_calendar: bool
):
    """Raise ConditionError (naming the form field at fault) unless the condition makes sense."""
    spec = target.field(field_name)
    if spec is None:
        raise ConditionError(
            "field",
            _("%(target)s has no field “%(field)s”. Choose from: %(known)s.")
            % {
                "target": target.label,
                "field": field_name,
                "known": ", ".join(f.name for f in target.fields),
            },
        )
    if operator not in OPERATORS_BY_TYPE[spec.type]:
        allowed = [Operator(op).label for op in Operator if op in OPERATORS_BY_TYPE[spec.type]]
        raise ConditionError(
            "operator",
            _("“%(operator)s” does not fit %(field)s. Use one of: %(allowed)s.")
            % {
                "operator": Operator(operator).label if operator in Operator.values else operator,
                "field": spec.label,
                "allowed": ", ".join(str(a) for a in allowed),
            },
        )
    if operator == Operator.CHANGED_TO and trigger != "changed":
        raise ConditionError("operator", _("“changed to” only fits rules fired by a change."))
    parsed = parse_value(spec, operator, value)
    if operator in BUSINESS_HOURS and not has_calendar:
        raise ConditionError(
            "operator", _("Business-hours conditions need the rule's business calendar.")
        )
    return parsed


@dataclass(frozen=True)
class Context:
    """What a filter is computed against: the time, the calendar, and for an event its changes
    ({field name: (old, new)} as strings)."""

    now: datetime
    schedule: object | None = None
    changes: dict | None = None


def condition_q(target: Target, condition, context: Context) -> Q:
    spec = target.field(condition.field)
    op = condition.operator
    value = parse_value(spec, op, condition.value)
    path = spec.path
    if spec.type is FieldType.PERSON and op in (Operator.EQUALS,):
        return Q(**{f"{path}__email__iexact": value})
    if op == Operator.CHANGED_TO:
        if context.changes is None:  # no event (test screen): records that are at that value now
            return Q(**{f"{path}__email__iexact" if spec.type is FieldType.PERSON else path: value})
        old_new = context.changes.get(condition.field)
        return (
            Q()
            if old_new is not None and str(old_new[1]).lower() == str(value).lower()
            else NOTHING
        )
    if op == Operator.EQUALS:
        return Q(**{path: value})
    if op == Operator.NOT_EQUALS:
        return ~Q(**{path: value})
    if op == Operator.IN:
        return Q(**{f"{path}__in": value})
    if op == Operator.GREATER_THAN:
        return Q(**{f"{path}__gt": value})
    if op == Operator.LESS_THAN:
        return Q(**{f"{path}__lt": value})
    if op == Operator.CONTAINS:
        return Q(**{f"{path}__icontains": value})
    if op == Operator.IS_EMPTY:
        empty = Q(**{f"{path}__isnull": True})
        return empty | Q(**{path: ""}) if spec.type in (FieldType.TEXT, FieldType.CHOICE) else empty
    if op == Operator.IS_SET:
        return ~condition_q(target, _Swap(condition, Operator.IS_EMPTY), context)
    if op == Operator.OLDER_THAN_BUSINESS_HOURS:
        return Q(**{f"{path}__lte": business_cutoff(context.schedule, context.now, value)})
    if op == Operator.WITHIN_BUSINESS_HOURS:
        return within_business_hours_q(path, context.schedule, context.now)
    if op == Operator.OUTSIDE_BUSINESS_HOURS:
        return outside_business_hours_q(path, context.schedule, context.now)
    if op == Operator.HAS_TAG:
        tagged = Tag.objects.filter(target_kind=target.kind, object_id=OuterRef("pk"), name=value)
        return Q(Exists(tagged))
    raise ValueError(f"unknown operator {op}")  # pragma: no cover - the form refuses it


@dataclass(frozen=True)
class _Swap:
    base: object
    operator: str

    @property
    def field(self):
        return self.base.field

    @property
    def value(self):
        return ""


def rule_q(rule, context: Context, conditions=None) -> Q:
    """All (or any) of the rule's conditions as one filter. No conditions: every record."""
    conditions = list(rule.conditions.all()) if conditions is None else conditions
    target = rule.target
    parts = [condition_q(target, condition, context) for condition in conditions]
    if not parts:
        return Q()
    combined = parts[0]
    for part in parts[1:]:
        combined = combined & part if rule.join == Join.ALL else combined | part
    return combined
