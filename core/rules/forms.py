"""The staff's rule form (Django admin): every mistake is a clear error on the field at fault,
checked against the rule's target in the registry (unknown field, an operator that does not
fit the field's type, a value of the wrong type, an action the target cannot do)."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .conditions import ConditionError, check_condition, parse_value
from .models import ActionKind, AssignStrategy, Operator, Rule, Trigger
from .targets import registry
from .webhooks import UnsafeURL, check_url


def fields_help() -> str:
    lines = []
    for target in registry.all():
        names = ", ".join(f"{f.name} ({f.label})" for f in target.fields)
        lines.append(f"{target.label}: {names}")
    return " · ".join(lines)


class RuleForm(forms.ModelForm):
    class Meta:
        model = Rule
        fields = [
            "name",
            "description",
            "target_kind",
            "trigger",
            "event",
            "join",
            "order",
            "stop_later_rules",
            "is_active",
            "calendar",
        ]

    def clean(self):
        data = super().clean()
        target = registry.get(data.get("target_kind") or "")
        trigger, event = data.get("trigger"), (data.get("event") or "").strip()
        if target is None:
            if data.get("target_kind"):
                self.add_error("target_kind", _("No such kind of record is registered."))
            return data
        if event:
            if trigger != Trigger.CHANGED:
                self.add_error("event", _("Only rules fired by a change name an event."))
            elif event not in target.events:
                self.add_error(
                    "event",
                    _("%(target)s has no event “%(event)s”. Known events: %(known)s.")
                    % {"target": target.label, "event": event, "known": ", ".join(target.events)},
                )
        data["event"] = event
        return data


def _rule_of(formset):
    rule = formset.instance
    return rule, registry.get(rule.target_kind or "")


class ConditionForm(forms.ModelForm):
    field = forms.CharField(
        label=gettext_lazy("field"),
        max_length=60,
        help_text=gettext_lazy("A field name, e.g. priority."),
    )


class ConditionFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        rule, target = _rule_of(self)
        if target is None:
            return
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("field") or not data.get("operator"):
                continue
            try:
                check_condition(
                    target,
                    data["field"].strip(),
                    data["operator"],
                    data.get("value", ""),
                    trigger=rule.trigger,
                    has_calendar=bool(rule.calendar_id),
                )
            except ConditionError as error:
                form.add_error(error.field, error.message)
            else:
                form.cleaned_data["field"] = data["field"].strip()
                form.instance.field = data["field"].strip()


class LevelFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        rule, _target = _rule_of(self)
        live = [
            f
            for f in self.forms
            if getattr(f, "cleaned_data", None) and not f.cleaned_data.get("DELETE")
        ]
        if live and rule.trigger != Trigger.TIME:
            raise ValidationError(_("Escalation levels belong to time-based rules only."))
        if live and not rule.calendar_id:
            raise ValidationError(
                _("Escalation levels count business hours: choose the rule's business calendar.")
            )
        hours = [
            (f.cleaned_data.get("level"), f.cleaned_data.get("after_business_hours")) for f in live
        ]
        ordered = sorted(h for h in hours if None not in h)
        for (_l1, h1), (_l2, h2) in zip(ordered, ordered[1:], strict=False):
            if h2 <= h1:
                raise ValidationError(
                    _("A higher level comes later: give it more hours than the level before.")
                )


LEVEL_KEY = re.compile(r"^levels-(\d+)-level$")


def _levels_posted(data) -> set[int]:
    """The escalation levels in the same submission (the level inline's fields)."""
    found = set()
    for key, value in (data or {}).items():
        match = LEVEL_KEY.match(key)
        if match and not data.get(f"levels-{match.group(1)}-DELETE") and str(value).isdigit():
            found.add(int(value))
    return found


class ActionFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        rule, target = _rule_of(self)
        if target is None:
            return
        levels = _levels_posted(self.data)
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("kind"):
                continue
            for field, message in check_action(target, rule, data, levels):
                form.add_error(field, message)
            if data.get("kind") == ActionKind.ADD_TAG and data.get("value"):
                form.instance.value = slugify(data["value"], allow_unicode=True)


def check_action(target, rule, data, levels: set[int]):
    kind = data["kind"]
    level = data.get("level") or 0
    if level and level not in levels:
        yield "level", _("This rule has no escalation level %(level)s.") % {"level": level}
    if kind == ActionKind.ASSIGN:
        if target.assign is None:
            yield "kind", _("%(target)s records cannot be assigned.") % {"target": target.label}
        strategy = data.get("strategy")
        if not strategy:
            yield "strategy", _("Choose how to pick the assignee.")
        elif strategy == AssignStrategy.PERSON and not data.get("person"):
            yield "person", _("Choose the person to assign to.")
        elif strategy == AssignStrategy.SKILL and not data.get("skill", "").strip():
            yield "skill", _("Name the skill the assignee needs.")
    elif kind == ActionKind.SET_FIELD:
        spec = target.field((data.get("field") or "").strip())
        settable = [f.name for f in target.fields if f.settable]
        if spec is None or not spec.settable:
            yield "field", _("Rules may set only: %(fields)s.") % {"fields": ", ".join(settable)}
        else:
            try:
                parse_value(spec, Operator.EQUALS, data.get("value", ""))
            except ConditionError as error:
                yield "value", error.message
    elif kind == ActionKind.NOTIFY:
        if not data.get("person") and not data.get("team"):
            yield "person", _("Choose a person or a team (staff group) to notify.")
    elif kind == ActionKind.REPLY:
        if target.reply is None:
            yield "kind", _("%(target)s records take no replies.") % {"target": target.label}
        if not data.get("template"):
            yield "template", _("Choose the reply template.")
    elif kind == ActionKind.WEBHOOK:
        url = data.get("url", "")
        if not url:
            yield "url", _("Give the address to POST to.")
        else:
            try:
                check_url(url)
            except UnsafeURL as error:
                yield "url", str(error)
        if len(data.get("secret", "")) < 16:
            yield "secret", _("Give a signing secret of at least 16 characters.")
    elif kind == ActionKind.ADD_TAG:
        if not slugify(data.get("value", ""), allow_unicode=True):
            yield "value", _("Name the tag (letters, digits and dashes).")
