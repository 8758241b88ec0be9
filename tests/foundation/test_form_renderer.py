"""The form renderer writes Django's plain widgets in Python: the same markup as Django's
templates, character for character."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from core.form_renderer import INPUT_TEMPLATES, TEXTAREA_TEMPLATE, FormRenderer

INPUT = "django/forms/widgets/input.html"
VALUES = [None, "", "plain", 'a "quoted" <tag> & more', mark_safe("<b>safe</b>"), 0, 12.5]
ATTRS = [
    {},
    {"id": "id_x", "required": True, "disabled": False, "class": 'c "d"'},
    {"placeholder": gettext_lazy("Search"), "data-x": mark_safe("a&b"), "maxlength": 40},
]


def widget_context(template_name: str, value, attrs: dict) -> dict:
    return {
        "widget": {
            "name": 'field"name',
            "type": template_name.rsplit("/", 1)[1].removesuffix(".html"),
            "value": value,
            "attrs": attrs,
            "template_name": template_name,
            "required": True,
            "is_hidden": False,
        }
    }


@pytest.mark.parametrize("template_name", sorted(INPUT_TEMPLATES | {TEXTAREA_TEMPLATE}))
def test_each_widget_reads_as_djangos_template(template_name):
    ours, djangos = FormRenderer(), DjangoTemplates()
    for value in VALUES:
        for attrs in ATTRS:
            context = widget_context(template_name, value, attrs)
            assert ours.render(template_name, context) == djangos.render(template_name, context)


@pytest.mark.parametrize(
    "template_name", sorted(INPUT_TEMPLATES - {"django/forms/widgets/input.html"})
)
def test_the_widgets_written_in_python_are_still_only_the_plain_input(template_name):
    source = DjangoTemplates().get_template(template_name).template.source
    assert source.strip() == '{% include "django/forms/widgets/input.html" %}'


def test_every_other_widget_still_comes_from_its_template(monkeypatch):
    from_templates = []
    render = DjangoTemplates.render

    def recorded(self, template_name, context, request=None):
        from_templates.append(template_name)
        return render(self, template_name, context, request)

    monkeypatch.setattr(DjangoTemplates, "render", recorded)
    form = forms.Form()
    form.fields["kind"] = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect)
    form.fields["name"] = forms.CharField()
    html = form.as_div()
    assert 'type="radio"' in html and 'name="name"' in html
    assert "django/forms/widgets/radio.html" in from_templates
    assert "django/forms/widgets/text.html" not in from_templates


def test_the_site_renders_forms_with_it():
    assert isinstance(forms.Form().renderer, FormRenderer)
