"""Answers suggested while someone types a ticket's subject (deflection).

The knowledge base registers the real provider at start-up:

    from core.tickets.deflection import Suggestion, register_suggestion_provider

    @register_suggestion_provider
    def knowledge_articles(person, text: str, limit: int) -> list[Suggestion]:
        ...  # only articles `person` may read

Until a provider is registered, `suggest` returns [] and the form shows nothing.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)

MIN_LENGTH = 3
DEFAULT_LIMIT = 5


@dataclass(frozen=True)
class Suggestion:
    title: str
    url: str
    summary: str = ""


Provider = Callable[..., list[Suggestion]]
_PROVIDERS: list[Provider] = []


def register_suggestion_provider(provider: Provider) -> Provider:
    """Add a provider (usable as a decorator); registering the same function twice is a no-op."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def unregister_suggestion_provider(provider: Provider) -> None:
    if provider in _PROVIDERS:
        _PROVIDERS.remove(provider)


def has_providers() -> bool:
    return bool(_PROVIDERS)


def suggest(person, text: str, *, limit: int = DEFAULT_LIMIT) -> list[Suggestion]:
    """Up to `limit` suggestions for `text`, best first, without duplicates. A failing provider
    is logged and skipped: suggestions must never stop someone from asking for help."""
    text = " ".join((text or "").split())[:200]
    if len(text) < MIN_LENGTH:
        return []
    found: list[Suggestion] = []
    seen: set[str] = set()
    for provider in list(_PROVIDERS):
        try:
            results = provider(person, text, limit)
        except Exception:
            logger.exception("Suggestion provider %r failed", provider)
            continue
        for suggestion in results or []:
            if suggestion.url not in seen:
                seen.add(suggestion.url)
                found.append(suggestion)
    return found[:limit]
