"""Message bodies are plain text: escaped, linked and split into paragraphs, never HTML, and
a thread's renderings are remembered by content so a long thread is not re-rendered."""

import pytest

from core.tickets import text
from core.tickets.text import render_text, render_texts


def test_typed_markup_is_shown_as_text_and_addresses_become_safe_links():
    html = render_text("<script>alert(1)</script> see https://example.com/a?b=1\n\nThanks")

    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert '<a href="https://example.com/a?b=1" rel="nofollow noopener noreferrer">' in html
    assert html.count("<p>") == 2


def test_a_thread_renders_as_each_message_would_alone():
    bodies = ["First line\nsecond line", "Mail budi@example.com", "<b>bold?</b>", ""]

    assert render_texts(bodies) == [render_text(body) for body in bodies]


def test_a_rendering_is_remembered_by_content(monkeypatch):
    render_texts(["Printer jams at https://example.com", "Scanner is fine"])
    rendered = []
    monkeypatch.setattr(text, "render_text", lambda body: rendered.append(body) or body)

    again = render_texts(["Printer jams at https://example.com", "A new message"])

    assert rendered == ["A new message"]
    assert 'href="https://example.com"' in again[0]


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
