"""Form fields every area shares."""

from html import escape  # Django's lazy-aware escape costs 10x more per option

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.params import LARGEST_KEY


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing keys no row can have before it runs its `IN (...)` query:
    the database driver raises on an integer wider than 64 bits (a 500 instead of a message)."""

    def clean(self, value):
        for key in value if isinstance(value, list | tuple) else ():
            digits = str(key).strip().lstrip("-")
            if digits.isascii() and digits.isdigit() and int(digits) > LARGEST_KEY:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": key},
                )
        return super().clean(value)


class CompactSelect(forms.Select):
    """A select whose options are written in one pass: Django's renders a template per
    option, which made a 1,000-course select cost a fifth of a second. No option groups."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape(str(key))}"{" selected" if str(key) in chosen else ""}>'
            f"{escape(str(label))}</option>"
            for key, label in self.choices
        )
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return mark_safe(f"<select{flatatt(final_attrs)}>{options}</select>")  # noqa: S308 - escaped above


class _KeyAndLabelIterator(forms.models.ModelChoiceIterator):
    """(key, label) pairs read with values_list, once per form: no model instance per option,
    and no second query when the widget first peeks at them (for its `required` attribute)."""

    def __init__(self, field):
        super().__init__(field)
        self._rows = field.offered

    def __iter__(self):
        if self._rows is None:
            self._rows = list(self.queryset.values_list("pk", self.field.label_field))
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self._rows

    def __len__(self):
        return sum(1 for _ in self)


class CompactModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose options are the key and a label (a field name or an
    expression), read in one query per form without building a model per row, and written
    by CompactSelect: for long lists, and for any select on a busy page."""

    iterator = _KeyAndLabelIterator
    widget = CompactSelect

    def __init__(self, queryset, *, label_field, **kwargs):
        self.label_field = label_field
        self.offered = None
        super().__init__(queryset, **kwargs)

    def offer(self, rows: list[tuple]) -> None:
        """Show these (key, label) rows, a cached copy of the queryset's, instead of reading
        it; what is posted is still looked up in the queryset."""
        self.offered = list(rows)
        self.widget.choices = self.choices


class SuggestingTextInput(forms.TextInput):
    """A text input with a <datalist> of suggestions that htmx fills from `url` (a GET with
    the field's name and what is typed so far) while the person types. The page loads htmx;
    without JavaScript this is a plain text input."""

    def __init__(self, url, attrs=None):
        super().__init__({"autocomplete": "off", **(attrs or {})})
        self.url = url

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["list_id"] = f"{widget['attrs'].get('id') or name}-suggestions"
        widget["attrs"].update(
            {
                "list": widget["list_id"],
                "hx-get": str(self.url),
                "hx-trigger": "input changed delay:250ms",
                "hx-target": f"#{widget['list_id']}",
                "hx-sync": "this:replace",
            }
        )
        return context

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)
        field = self._render(self.template_name, context, renderer)
        return format_html('{}<datalist id="{}"></datalist>', field, context["widget"]["list_id"])
