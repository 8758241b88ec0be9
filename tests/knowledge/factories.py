"""Knowledge-base pages for tests: real Wagtail pages, made in a line."""

from itertools import count

from core.cms.structure import ensure_site_structure
from core.knowledge.models import KnowledgeArticle, KnowledgeCategoryPage
from core.knowledge.structure import ensure_knowledge_structure

_numbers = count(1)


def knowledge_base():
    ensure_site_structure()
    return ensure_knowledge_structure()


def category(title: str = "") -> KnowledgeCategoryPage:
    index = knowledge_base()
    title = title or f"Category {next(_numbers)}"
    found = KnowledgeCategoryPage.objects.filter(title=title).first()
    return found or index.add_child(instance=KnowledgeCategoryPage(title=title))


def article(
    parent: KnowledgeCategoryPage | None = None,
    title: str = "",
    *,
    text: str = "Restart the scanner and sign in again.",
    summary: str = "A short answer.",
    tags: tuple[str, ...] = (),
    organisations=(),
    tiers=(),
    live: bool = True,
    **audience,
) -> KnowledgeArticle:
    """An article; `audience` takes for_public / for_customers / ... (default: public)."""
    parent = parent or category()
    if not audience:
        audience = {"for_public": True}
    page = KnowledgeArticle(
        title=title or f"Article {next(_numbers)}",
        summary=summary,
        body=[("paragraph", f"<p>{text}</p>")],
        live=live,
        **audience,
    )
    if tags:
        page.tags.add(*tags)
    if organisations:
        page.organisations.set(organisations)
    if tiers:
        page.partner_tiers.set(tiers)
    parent.add_child(instance=page)
    page.save_revision()
    return page
