"""{% kept_url %}: the address {% url %} writes, reversed once per view name, arguments,
script prefix and URLconf."""

import pytest
from django.template import engines
from django.test import override_settings
from django.urls import NoReverseMatch, clear_script_prefix, set_script_prefix

from core.cms.templatetags import portal_tags


def render(source: str, **context) -> str:
    return engines["django"].from_string("{% load portal_tags %}" + source).render(context)


@pytest.mark.parametrize(
    "arguments",
    [
        "'access:portal-picker'",
        "'employee:work-ticket' reference",
        "view reference",  # a view name from a variable, as the shared ticket list has
    ],
)
@pytest.mark.parametrize("reference", ["TCK-000042", "L-1", "a b&c<é>"])
def test_it_writes_what_url_writes(arguments, reference):
    context = {"reference": reference, "view": "customer:ticket-detail"}
    kept = render(f"{{% kept_url {arguments} %}}", **context)
    assert kept == render(f"{{% url {arguments} %}}", **context)
    assert kept.startswith("/")


def test_each_script_prefix_has_its_own_address():
    source = "{% kept_url 'employee:work-ticket' 'L-1' %}"
    plain = render(source)
    set_script_prefix("/extranet/")
    try:
        assert render(source) == "/extranet" + plain
    finally:
        clear_script_prefix()
    assert render(source) == plain


def test_another_urlconf_is_asked_afresh():
    source = "{% kept_url 'employee:work-ticket' 'L-1' %}"
    assert render(source)
    with override_settings(ROOT_URLCONF="tests.foundation.urls_without_portals"):
        with pytest.raises(NoReverseMatch):
            render(source)


def test_an_unknown_view_fails_as_url_does():
    with pytest.raises(NoReverseMatch):
        render("{% kept_url 'employee:no-such-page' %}")


def test_the_same_address_is_reversed_once(monkeypatch):
    reversed_names = []

    def counting_reverse(view_name, **kwargs):
        reversed_names.append(view_name)
        return "/somewhere/"

    portal_tags._kept_reverse.cache_clear()
    monkeypatch.setattr(portal_tags, "reverse", counting_reverse)
    try:
        for _ in range(3):
            render("{% kept_url 'employee:work-ticket' 'TCK-000001' %}")
        render("{% kept_url 'employee:work-ticket' 'TCK-000002' %}")
    finally:  # no made-up address may outlive the test in the process's cache
        portal_tags._kept_reverse.cache_clear()
    assert reversed_names == ["employee:work-ticket"] * 2
