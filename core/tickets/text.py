"""Message bodies are plain text. Rendering escapes them, turns addresses into links and line
breaks into paragraphs, and runs the result through nh3 with a tiny allowlist, so no markup a
person typed can ever reach a page as HTML."""

from hashlib import sha256

import nh3
from django.core.cache import cache
from django.utils.html import linebreaks, urlize
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
# Part of every remembered rendering's key: change it when render_text's output changes.
RENDERING = "text-v1"
REMEMBERED_FOR = 7 * 24 * 3600


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


def render_texts(texts: list[str]) -> list[SafeString]:
    """render_text for a thread's messages at once, remembered in the shared cache under a
    digest of each text: rendering is a pure function of the text, and finding the links
    (urlize) costs ~0.1 ms a message, most of a long thread's page. One cache round trip."""
    keys = [f"{RENDERING}:{sha256(text.encode()).hexdigest()}" for text in texts]
    remembered = cache.get_many(keys)
    rendered, new = [], {}
    for key, text in zip(keys, texts, strict=True):
        if key not in remembered:
            new[key] = remembered[key] = str(render_text(text))
        # Only render_text's sanitised output is ever stored under these keys.
        rendered.append(mark_safe(remembered[key]))  # noqa: S308
    if new:
        cache.set_many(new, timeout=REMEMBERED_FOR)
    return rendered
