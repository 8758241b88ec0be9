"""What a rule's actions do, to a batch of records at once: the timer sweep acts on the records
it claimed in one transaction (hundreds), an event on its one record.

Notifications, tags, webhook deliveries and field changes (through the target's
`set_field_many`) cost a fixed number of queries per batch, however many records it holds.
Assignment and replies go record by record through the target's services, each in its own
savepoint: who gets the next ticket depends on who got the one before (least loaded, the next
in the round), and a reply is a thread message with its own e-mail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction

from core.notifications.services import email_queue_many, templated_email

from .assignment import choose_assignee
from .models import Action, ActionKind, Rule, RuleFiring, Tag
from .webhooks import queue_deliveries

# What a target may answer to refuse an action: written in the firing's outcome, the other
# actions still run.
REFUSALS = (ValidationError, ValueError, LookupError, ObjectDoesNotExist)
# Actions after which the records are read again, so later actions see what they changed.
CHANGE_RECORDS = frozenset({ActionKind.ASSIGN, ActionKind.SET_FIELD, ActionKind.REPLY})


@dataclass(frozen=True)
class Firing:
    """One claimed firing: its RuleFiring row and the record it acts on."""

    record: object
    row: RuleFiring

    @property
    def key(self) -> str:
        return f"rule-firing:{self.row.pk}"


@dataclass(frozen=True)
class Batch:
    """Firings of one rule at one level, and what the actions need to know about them."""

    rule: Rule
    target: object
    event: str
    firings: list[Firing]

    def with_records(self, records: dict) -> Batch:
        firings = [Firing(records.get(f.record.pk, f.record), f.row) for f in self.firings]
        return Batch(self.rule, self.target, self.event, firings)


def refusal(action: Action, error: Exception) -> str:
    message = "; ".join(getattr(error, "messages", [str(error)]))
    return f"{action.kind} refused: {message}"[:300]


def render_reply(body: str, record) -> str:
    person = getattr(record, "requester", None)
    values = {
        "reference": getattr(record, "reference", "") or "",
        "subject": getattr(record, "subject", "") or "",
        "name": person.get_short_name() if person is not None else "",
    }
    for name, value in values.items():
        for placeholder in (f"{{{{ {name} }}}}", f"{{{{{name}}}}}"):
            body = body.replace(placeholder, str(value))
    return body


# --- the whole batch at once --------------------------------------------------------------------


def _notify(action: Action, batch: Batch) -> dict[int, str]:
    """One e-mail per record and recipient (the person, everyone in the group), all written
    to the outbox in one INSERT; the delivery workers render each in its reader's language."""
    people = [action.person] if action.person_id else []
    if action.team_id:
        people += list(action.team.user_set.filter(is_active=True).order_by("pk"))
    people = list({person.pk: person for person in people}.values())
    emails, keys_of = [], {}
    for firing in batch.firings:
        context = {
            "rule": batch.rule.name,
            "rule_description": batch.rule.description,
            "level": firing.row.level,
            **batch.target.notify_context(firing.record),
        }
        keys_of[firing.record.pk] = []
        for person in people:
            key = f"{firing.key}:action:{action.pk}:to:{person.pk}"
            keys_of[firing.record.pk].append(key)
            emails.append(
                templated_email(
                    to=person.email,
                    template="rules_notify",
                    context={**context, "name": person.get_short_name()},
                    language=getattr(person, "language", None),
                    key=key,
                )
            )
    queued = {email.idempotency_key for email in email_queue_many(emails)}
    return {pk: f"notified {sum(key in queued for key in keys)}" for pk, keys in keys_of.items()}


def _add_tag(action: Action, batch: Batch) -> dict[int, str]:
    Tag.objects.bulk_create(
        [
            Tag(target_kind=batch.target.kind, object_id=firing.record.pk, name=action.value)
            for firing in batch.firings
        ],
        ignore_conflicts=True,  # tagged before (by another rule): still tagged
    )
    return {firing.record.pk: f"tagged {action.value}" for firing in batch.firings}


def _webhook(action: Action, batch: Batch) -> dict[int, str]:
    queue_deliveries(
        rule=batch.rule,
        action=action,
        target=batch.target,
        keyed_records=[(f"{f.key}:action:{action.pk}", f.record) for f in batch.firings],
        event=batch.event,
    )
    return {firing.record.pk: "webhook queued" for firing in batch.firings}


def _set_field_many(action: Action, batch: Batch) -> dict[int, str]:
    batch.target.set_field_many([f.record for f in batch.firings], action.field, action.value)
    return {f.record.pk: f"set {action.field} to {action.value}" for f in batch.firings}


# --- record by record -------------------------------------------------------------------------


def _assign(action: Action, record, target) -> str:
    person = choose_assignee(action, record, target)
    if person is None:
        return "assign: nobody available"
    target.assign(record, person)
    return f"assigned to {person.email}"


def _set_field(action: Action, record, target) -> str:
    target.set_field(record, action.field, action.value)
    return f"set {action.field} to {action.value}"


def _reply(action: Action, record, target) -> str:
    target.reply(record, render_reply(action.template.body, record))
    return f"replied with {action.template.name}"


BATCHED: dict[str, Callable[[Action, Batch], dict[int, str]]] = {
    ActionKind.NOTIFY: _notify,
    ActionKind.ADD_TAG: _add_tag,
    ActionKind.WEBHOOK: _webhook,
    ActionKind.SET_FIELD: _set_field_many,
}
PER_RECORD: dict[str, Callable[[Action, object, object], str]] = {
    ActionKind.ASSIGN: _assign,
    ActionKind.SET_FIELD: _set_field,
    ActionKind.REPLY: _reply,
}


def run_action(action: Action, batch: Batch) -> dict[int, str]:
    """The action's outcome for every record of the batch, by record id. A batched action
    runs in one savepoint (refused, it is refused for the whole batch); the others in one
    savepoint per record."""
    batched = BATCHED.get(action.kind)
    if action.kind == ActionKind.SET_FIELD and batch.target.set_field_many is None:
        batched = None
    if batched is not None:
        try:
            with transaction.atomic():
                return batched(action, batch)
        except REFUSALS as error:
            return dict.fromkeys((f.record.pk for f in batch.firings), refusal(action, error))
    if action.kind not in PER_RECORD:
        raise ValueError(f"unknown action {action.kind}")  # pragma: no cover
    outcomes = {}
    for firing in batch.firings:
        try:
            with transaction.atomic():
                outcome = PER_RECORD[action.kind](action, firing.record, batch.target)
        except REFUSALS as error:
            outcome = refusal(action, error)
        outcomes[firing.record.pk] = outcome
    return outcomes
