"""The form renderer (settings.FORM_RENDERER): Django's, writing its plain `<input>` and
`<textarea>` widgets in Python. Through the template engine each took ~0.2 ms (an include
and a loop over the attributes) and the ticket page shows nine. The markup is Django's own,
character for character (tests/foundation/test_form_renderer.py compares them for every
widget listed here); every other widget still renders from its template."""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

# The widget templates that are only `{% include "django/forms/widgets/input.html" %}`.
INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in (
        "checkbox",
        "color",
        "date",
        "datetime",
        "email",
        "file",
        "hidden",
        "input",
        "number",
        "password",
        "search",
        "tel",
        "text",
        "time",
        "url",
    )
)
TEXTAREA_TEMPLATE = "django/forms/widgets/textarea.html"


def _text(value) -> str:
    """`{{ value|stringformat:'s' }}`: the value as text, escaped unless it is safe."""
    text = f"{value}"
    return conditional_escape(mark_safe(text) if isinstance(value, SafeData) else text)  # noqa: S308 - safe only when it was


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html."""
    return "".join(_attr(name, value) for name, value in attrs.items() if value is not False)


def _attr(name: str, value) -> str:
    name = conditional_escape(name)
    return f" {name}" if value is True else f' {name}="{_text(value)}"'


def _input(widget: dict) -> str:
    value = "" if widget["value"] is None else f' value="{_text(widget["value"])}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{value}{_attrs(widget["attrs"])}>'
    )


def _textarea(widget: dict) -> str:
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return (
        f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{value}</textarea>"
    )


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in INPUT_TEMPLATES:
            return _input(context["widget"])
        if template_name == TEXTAREA_TEMPLATE:
            return _textarea(context["widget"])
        return super().render(template_name, context, request)
