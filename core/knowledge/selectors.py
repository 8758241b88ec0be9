"""Reads of the knowledge base. Every one starts from KnowledgeArticle.objects.visible_to,
so audiences hold in lists, counts, search, related boxes and suggestions alike; each costs a
fixed number of queries whatever the number of articles."""

import re
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.cms.selectors import PAGES
from core.tickets.deflection import Suggestion

from . import cached_reads, vocabulary
from .models import (
    ArticleFeedback,
    KnowledgeArticle,
    KnowledgeCategoryPage,
    KnowledgeIndexPage,
    RelatedArticle,
)

PER_PAGE = 10
HOME_LIST = 5
RELATED_LIMIT = 5
SNIPPET_LENGTH = 220


def articles_for(person):
    return KnowledgeArticle.objects.visible_to(person)


def _listed(queryset):
    return queryset.select_related("stats").only(
        "id", "title", "url_path", "summary", "path", "depth", "review_by", "stats__views"
    )


def popular(person, *, limit: int = HOME_LIST):
    return list(
        _listed(articles_for(person))
        .filter(stats__views__gt=0)
        .order_by(F("stats__views").desc(), "title")[:limit]
    )


def most_helpful(person, *, limit: int = HOME_LIST):
    return list(
        _listed(articles_for(person))
        .filter(stats__helpful_yes__gt=0)
        .order_by(F("stats__helpful_yes").desc(), "stats__helpful_no", "title")[:limit]
    )


def live_index():
    """The knowledge base's home page, or None while it is unpublished (kept with the site's
    pages: its address changes with any page above it)."""
    return PAGES.kept("knowledge-index", lambda: KnowledgeIndexPage.objects.live().first())


def live_categories(index) -> list:
    """The live categories by title, the same for every reader (kept in the cache: under
    50,000 articles PostgreSQL misjudges this small query and reads the whole page table)."""
    return cached_reads.shared(
        f"categories:{index.pk}",
        lambda: list(KnowledgeCategoryPage.objects.child_of(index).live().order_by("title")),
    )


def categories_with_counts(person, index):
    """The categories with at least one article the person may read, and how many."""
    categories = sorted(live_categories(index), key=lambda category: category.path)
    if not categories:
        return []
    length = KnowledgeCategoryPage.steplen * (index.depth + 1)
    counts = dict(
        articles_for(person)
        .annotate(prefix=Substr("path", 1, length))
        .order_by()
        .values("prefix")
        .annotate(n=Count("pk"))
        .values_list("prefix", "n")
    )
    return [(c, counts[c.path]) for c in categories if counts.get(c.path)]


def home_context(person, index) -> dict:
    return {
        "categories": categories_with_counts(person, index),
        "popular": popular(person),
        "most_helpful": most_helpful(person),
        "search_url": reverse("knowledge:search"),
    }


def category_context(person, category, page_number) -> dict:
    articles = _listed(articles_for(person).child_of(category)).order_by("title")
    page = Paginator(articles, PER_PAGE).get_page(page_number)
    return {"articles": page, "search_url": reverse("knowledge:search")}


def related_articles(person, article, *, limit: int = RELATED_LIMIT) -> list:
    """The editor's related articles the person may read; when fewer than `limit`, filled
    with readable articles sharing the most tags, then from the same category. Three queries."""
    links = (
        RelatedArticle.objects.filter(
            article=article, related__in=articles_for(person).values("pk")
        )
        .select_related("related")
        .order_by("sort_order")[:limit]
    )
    chosen = [link.related for link in links]
    seen = {a.pk for a in chosen} | {article.pk}
    # Always the same queries (the fill is fetched even when not needed), so the page's cost
    # does not depend on how many related articles an editor chose.
    tag_ids = list(article.tags.values_list("pk", flat=True))
    filters = Q(path__startswith=article.path[: article.steplen * (article.depth - 1)])
    if tag_ids:
        filters |= Q(tagged_items__tag_id__in=tag_ids)
    fill = list(
        _listed(articles_for(person).exclude(pk__in=seen).filter(filters))
        .annotate(shared=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids)))
        .order_by("-shared", "title")[:limit]
    )
    return (chosen + fill)[:limit]


def feedback_of(person, article) -> ArticleFeedback | None:
    if not person.is_authenticated:
        return None
    return ArticleFeedback.objects.filter(article=article, person=person).first()


def article_context(person, article) -> dict:
    return {
        "related": related_articles(person, article),
        "my_feedback": feedback_of(person, article),
        "category": article.get_parent(),
        "search_url": reverse("knowledge:search"),
    }


# --- search ---------------------------------------------------------------------------------
@dataclass
class Hit:
    article: KnowledgeArticle
    snippet: SafeString
    title: SafeString


def _terms(query: str) -> list[str]:
    return [word for word in re.findall(r"\w+", query.lower()) if len(word) >= 2][:10]


SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "es", "ed", "s")


def _stem(term: str) -> str:
    """A crude English word start, for the prefix fallback and for highlighting."""
    for suffix in SUFFIXES:
        if term.endswith(suffix) and len(term) - len(suffix) >= 4:
            return term[: -len(suffix)]
    return term[: max(4, len(term) - 2)]


def _pattern(terms: list[str]):
    """Words starting like a query term: 'invoices' also marks 'invoice' and 'invoicing'."""
    if not terms:
        return None
    stems = sorted({_stem(term) for term in terms}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


def highlight(text: str, pattern, *, length: int | None = None) -> SafeString:
    """Escaped text with the query's words in <mark>; with `length`, a window around the
    first match."""
    text = " ".join(text.split())
    if length is not None and len(text) > length:
        first = pattern.search(text) if pattern else None
        start = max(0, (first.start() if first else 0) - length // 4)
        end = start + length
        text = ("… " if start else "") + text[start:end].strip() + (" …" if end < len(text) else "")
    if pattern is None:
        return mark_safe(escape(text))  # noqa: S308 - escaped just now
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every part escaped above


def article_text(article) -> str:
    body = KnowledgeArticle._meta.get_field("body")
    return " ".join([article.summary, *body.get_searchable_content(article.body)])


def _filtered(person, *, category=None, tag: str = ""):
    articles = articles_for(person)
    if category is not None:
        articles = articles.child_of(category)
    if tag:
        articles = articles.filter(
            pk__in=KnowledgeArticle.objects.filter(tags__slug=tag).values("pk")
        )
    return articles


def search(person, query: str, *, category=None, tag: str = ""):
    """Ranked search results (lazy: slicing runs the query with LIMIT/OFFSET in the database)."""
    return _ranked(person, query, category=category, tag=tag)[0]


def _normalised(query: str) -> str:
    # Words only, lower case: quotes, operators and stars mean nothing to readers, and FTS5
    # would read them as syntax.
    return " ".join(re.findall(r"\w+", (query or "").lower())[:20])[:200]


def _ranked(person, query: str, *, category=None, tag: str = "", ids_only: bool = False):
    """(results, the query they answer). When nothing matches: the query with its misspelt
    words corrected from the knowledge base's vocabulary, then word starts ("priorities"
    finds "priority"). `ids_only` reads no column but the id."""
    query = _normalised(query)
    articles = _filtered(person, category=category, tag=tag)
    if not query:
        return articles.order_by("title"), query
    # The audience stays inside the search query, as a subquery the search backend's filter
    # check accepts (it reads only plain field lookups).
    articles = KnowledgeArticle.objects.filter(pk__in=articles.values("pk"))
    if ids_only:
        articles = articles.only("pk")
    results = articles.search(query, operator="or")
    if results.count():
        return results, query
    correction = " ".join(vocabulary.corrected(query.split()))
    if correction != query:
        results = articles.search(correction, operator="or")
        if results.count():
            return results, correction
    stems = " ".join(sorted({_stem(term) for term in _terms(query)}))
    return articles.autocomplete(stems or query, operator="or"), query


# The first pages of a search are kept in the cache (see cached_reads): its best ids, and
# how many articles match in all. Pages past them are ranked in the database again.
KEPT_IDS = 20 * PER_PAGE


class _Ranking:
    """Ranked results as Paginator reads them (a count, then one slice): the slice comes from
    the cached best ids while it lies within them."""

    def __init__(self, person, query: str, *, category, tag: str):
        self.person, self.category, self.tag = person, category, tag

        def first_ids() -> dict:
            results, answered = _ranked(person, query, category=category, tag=tag, ids_only=True)
            ids = [article.pk for article in results[:KEPT_IDS]]
            count = len(ids) if len(ids) < KEPT_IDS else results.count()
            return {"ids": ids, "count": count, "answered": answered}

        parts = (_normalised(query), getattr(category, "pk", None), tag)
        self.first = cached_reads.remembered(person, "search", parts, first_ids)
        self.answered = self.first["answered"]

    def count(self) -> int:
        return self.first["count"]

    def __getitem__(self, bounds: slice) -> list:
        kept = self.first["ids"]
        if bounds.stop <= len(kept):
            ids = kept[bounds]
            # Read through the audience filter again: the cache decides the order only.
            found = articles_for(self.person).in_bulk(ids)
            return [found[pk] for pk in ids if pk in found]
        results, _ = _ranked(self.person, self.answered, category=self.category, tag=self.tag)
        return list(results[bounds])


def search_page(person, query: str, *, category=None, tag: str = "", page_number=None):
    """A page of hits; `page.corrected_query` names the words searched instead, if any."""
    results = _Ranking(person, query, category=category, tag=tag)
    answered = results.answered
    page = Paginator(results, PER_PAGE).get_page(page_number)
    page.corrected_query = answered if answered != _normalised(query) else ""
    pattern = _pattern(_terms(answered))
    page.hits = [
        Hit(
            article=article,
            title=highlight(article.title, pattern),
            snippet=highlight(article_text(article), pattern, length=SNIPPET_LENGTH),
        )
        for article in page.object_list
    ]
    return page


def article_suggestions(person, text: str, limit: int) -> list[Suggestion]:
    """The ticket form's deflection provider: only articles the person may read."""
    return [
        Suggestion(title=a.title, url=a.url, summary=a.summary)
        for a in search(person, text)[:limit]
    ]


def search_filters(person, index):
    """The categories, and the tags of the articles the person may read (kept in the cache:
    finding them walks every such article)."""
    from taggit.models import Tag

    categories = live_categories(index)

    def readable_tags() -> list:
        return list(
            Tag.objects.filter(
                knowledge_articletag_items__content_object__in=articles_for(person).values("pk")
            )
            .distinct()
            .order_by("name")
        )

    return categories, cached_reads.remembered(person, "tags", (), readable_tags)
