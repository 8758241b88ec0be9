"""Message bodies are plain text. Rendering escapes them, turns addresses into links and line
breaks into paragraphs, and runs the result through nh3 with a tiny allowlist, so no markup a
person typed can ever reach a page as HTML."""

import nh3
from django.utils.html import linebreaks, urlize
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}


def clean_text(text: str) -> str:
    """What we store: plain text without NULs or stray carriage returns, trimmed."""
    return (text or "").replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").strip()


def render_text(text: str) -> SafeString:
    html = linebreaks(urlize(text or "", nofollow=True, autoescape=True), autoescape=False)
    return mark_safe(  # noqa: S308 - nh3 has just removed everything outside the allowlist
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            link_rel="nofollow noopener noreferrer",
        )
    )
