"""The words the knowledge base uses, so a search that finds nothing can say "Showing results
for scanner battery" instead of "No article matches" for "scaner batery".

Comparing a misspelt term with a few thousand distinct words is cheap (on PostgreSQL a
trigram index answers `word % term`); comparing it with every article's text is not (seconds
at 50,000 articles). The corrected words then run the ordinary ranked search through the same
audience filter, so a word only unreadable articles hold finds nothing and is never shown.
"""

import difflib
import re

from django.contrib.postgres.lookups import TrigramSimilar
from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Greatest

from .models import KnowledgeArticle, SearchWord

WORD = re.compile(r"[^\W\d_]{3,40}")
# Below these, a "correction" is another word, not a typo: trigram similarity on PostgreSQL
# (pg_trgm's `%` admits 0.3), difflib's ratio elsewhere.
TRIGRAM_CLOSENESS = 0.4
DIFFLIB_CLOSENESS = 0.75


def words_of(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(text)}


def article_words(article) -> set[str]:
    from .selectors import article_text

    return words_of(f"{article.title} {article_text(article)}")


def learn(article) -> None:
    """Add a published article's words (only ever added here; `rebuild` drops the words no
    live article uses any more)."""
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in article_words(article)], ignore_conflicts=True
    )


def learn_on_publish(sender, instance, **kwargs) -> None:
    learn(instance)


def rebuild() -> int:
    """Every live article's words and no others (nightly: drops words of withdrawn articles;
    readers see the old set until the swap commits)."""
    words: set[str] = set()
    for article in KnowledgeArticle.objects.live().specific().iterator(chunk_size=500):
        words |= article_words(article)
    with transaction.atomic():
        SearchWord.objects.all().delete()
        SearchWord.objects.bulk_create([SearchWord(word=w) for w in words], batch_size=2000)
    return len(words)


def corrected(terms: list[str]) -> list[str]:
    """`terms`, each one the vocabulary lacks replaced by its closest known word where one is
    close enough; one query whatever the number of terms."""
    if not terms:
        return terms
    if connection.vendor == "postgresql":
        return _by_trigrams(terms)
    return _by_difflib(terms)


def _by_trigrams(terms: list[str]) -> list[str]:
    condition = Q(word__in=terms)
    for term in terms:
        condition |= Q(TrigramSimilar(F("word"), Value(term)))  # `%`: the GIN index answers
    closeness = {f"close_{n}": TrigramSimilarity("word", term) for n, term in enumerate(terms)}
    nearest = Greatest(*closeness.values()) if len(terms) > 1 else next(iter(closeness.values()))
    rows = list(
        SearchWord.objects.filter(condition)
        .annotate(**closeness, nearest=nearest)
        .order_by("-nearest", "word")
        .values_list("word", *closeness)[:200]
    )
    known = {row[0] for row in rows}
    result = []
    for n, term in enumerate(terms):
        best = max(rows, key=lambda row: row[n + 1], default=None)
        if term in known or best is None or best[n + 1] < TRIGRAM_CLOSENESS:
            result.append(term)
        else:
            result.append(best[0])
    return result


def _by_difflib(terms: list[str]) -> list[str]:
    # SQLite has no trigram index; typos seldom touch the first letter, which keeps the
    # candidates few.
    condition = Q()
    for initial in {term[0] for term in terms}:
        condition |= Q(word__startswith=initial)
    candidates = list(SearchWord.objects.filter(condition).values_list("word", flat=True)[:5000])
    result = []
    for term in terms:
        if term in candidates:
            result.append(term)
            continue
        matches = difflib.get_close_matches(term, candidates, n=1, cutoff=DIFFLIB_CLOSENESS)
        result.append(matches[0] if matches else term)
    return result
