"""The registry of rule targets: what rules may act on, without the engine knowing the model.

A *target* describes one kind of record (a ticket, a deal registration, a lead):

- `model` and `queryset()`: the records rules see (the sweep and "test this rule" filter it);
- `fields`: the fields conditions may use, each with an ORM path (related fields are paths:
  the requester's organisation value tier is `organisation__value_tier`), a type that decides
  which operators fit, and optionally choices and whether actions may set it;
- `events`: the events its services emit (e.g. "created", "changed", "resolved");
- `clock_field`: the datetime escalation levels count business hours from;
- the *effects* actions need (`assign`, `set_field`, `reply`, `notify_context`, `payload`,
  `team_of`) as plain callables, so each area keeps its own writes in its own services;
  optionally `set_field_many`, the same write for a batch of records (the timer sweep acts on
  hundreds at once: notifications, tags, webhooks and the audit are batched by the engine).

Another area registers its target from its AppConfig.ready(), e.g. in core/partners/apps.py:

    from core.rules.targets import Field, FieldType, Target, registry

    registry.register(Target(
        kind="deal_registration",
        label=_("Deal registration"),
        model=DealRegistration,
        fields=[Field("amount", _("amount"), "amount", FieldType.NUMBER),
                Field("region", _("region"), "region", FieldType.CHOICE, choices=REGIONS)],
        events=("created", "changed", "submitted"),
        clock_field="submitted_at",
        set_field=deal_set_field,                      # callables taking the record
        notify_context=lambda deal: {"title": str(deal), "path": deal_url(deal)},
    ))

and emits events from its services with `core.rules.events.record_event(...)`. Nothing in
the engine, the admin or the sweep changes.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.db import models


class FieldType(enum.Enum):
    CHOICE = "choice"
    NUMBER = "number"
    TEXT = "text"
    DATETIME = "datetime"
    PERSON = "person"
    TAGS = "tags"


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    path: str  # ORM lookup path from the target's model, e.g. "organisation__value_tier"
    type: FieldType
    # A list of (value, label), or a callable returning one (read when a rule is checked).
    choices: Sequence[tuple[str, str]] | Callable[[], Iterable[tuple[str, str]]] | None = None
    settable: bool = False  # actions may set it (through the target's set_field effect)

    def choice_values(self) -> dict[str, str]:
        found = self.choices() if callable(self.choices) else (self.choices or ())
        return {str(value): str(label) for value, label in found}


@dataclass(frozen=True)
class Target:
    kind: str
    label: str
    model: type[models.Model]
    fields: Sequence[Field]
    events: Sequence[str] = ("created", "changed")
    clock_field: str = "created_at"
    queryset: Callable[[], models.QuerySet] | None = None
    # Effects (None: actions needing them are refused for this target when the rule is saved).
    assign: Callable | None = None  # (record, person) -> None
    set_field: Callable | None = None  # (record, field_name, value) -> None
    # The same for a sweep's whole batch in a fixed number of queries; without it the engine
    # calls set_field once per record.
    set_field_many: Callable | None = None  # (records, field_name, value) -> None
    reply: Callable | None = None  # (record, text) -> None
    team_of: Callable | None = None  # (record) -> queryset of Groups working it
    notify_context: Callable = field(default=lambda record: {"title": str(record), "path": ""})
    payload: Callable = field(default=lambda record: {"id": record.pk, "title": str(record)})
    load_of: Callable | None = None  # (people_queryset) -> annotated with open_load

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def records(self) -> models.QuerySet:
        return self.queryset() if self.queryset else self.model._default_manager.all()


class Registry:
    def __init__(self) -> None:
        self._targets: dict[str, Target] = {}

    def register(self, target: Target) -> Target:
        self._targets[target.kind] = target
        return target

    def get(self, kind: str) -> Target | None:
        return self._targets.get(kind)

    def all(self) -> list[Target]:
        return list(self._targets.values())


registry = Registry()
