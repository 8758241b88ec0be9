"""{% time_element %}: the <time> element lists show, as the two |date filters wrote it."""

from datetime import UTC, datetime

import pytest
from django.template import engines
from django.utils import timezone, translation

MOMENT = datetime(2026, 12, 31, 20, 5, 9, 120000, tzinfo=UTC)
FILTERS = """<time datetime="{{ at|date:'c' }}">{{ at|date:"j M Y, H:i" }}</time>"""
TAG = """{% load portal_tags %}{% time_element at "j M Y, H:i" %}"""


def render(source: str, **context) -> str:
    return engines["django"].from_string(source).render(context)


@pytest.mark.parametrize(
    "language, zone, shown",
    [
        ("en", "Asia/Jakarta", "1 Jan 2027, 03:05"),  # the next day and year in Jakarta
        ("id", "Asia/Jakarta", "1 Jan 2027, 03:05"),
        ("id", "Europe/Amsterdam", "31 Des 2026, 21:05"),  # the Indonesian month name
    ],
)
def test_it_writes_what_the_date_filters_wrote(language, zone, shown):
    with translation.override(language), timezone.override(zone):
        html = render(TAG, at=MOMENT)
        assert html == render(FILTERS, at=MOMENT)
    assert f">{shown}</time>" in html
    assert 'datetime="20' in html and ".120000+0" in html


def test_a_timezone_block_of_the_template_is_honoured():
    source = (
        "{% load tz portal_tags %}"
        '{% timezone "America/New_York" %}{% time_element at "H:i" %}{% endtimezone %}'
    )
    expected = '<time datetime="2026-12-31T15:05:09.120000-05:00">15:05</time>'
    assert render(source, at=MOMENT) == expected


def test_no_moment_writes_nothing():
    assert render(TAG, at=None) == ""


def test_a_kept_element_is_never_shown_in_another_language_or_zone():
    december = datetime(2026, 12, 15, 9, 0, tzinfo=UTC)
    shown = {}
    for language in ("en", "id", "en"):
        for zone in ("Asia/Jakarta", "America/New_York"):
            with translation.override(language), timezone.override(zone):
                shown[language, zone] = render(TAG, at=december)
    assert ">15 Dec 2026, 16:00</time>" in shown["en", "Asia/Jakarta"]
    assert ">15 Des 2026, 16:00</time>" in shown["id", "Asia/Jakarta"]
    assert ">15 Dec 2026, 04:00</time>" in shown["en", "America/New_York"]
    assert ">15 Des 2026, 04:00</time>" in shown["id", "America/New_York"]
