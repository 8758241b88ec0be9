"""Which Wagtail pages an agent may link as a ticket's answer, and who may read the link.

Any live page until the knowledge base registers its article model:

    from core.tickets.answers import register_answer_page_model
    register_answer_page_model(KnowledgeArticlePage)

A registered model's manager decides who reads an answer (`Model.objects.visible_to(person)`):
an agent may link an article the requester may not read, and then the requester is shown
neither its title nor its address.
"""

from wagtail.models import Page

_ANSWER_MODELS: list[type] = []


def register_answer_page_model(model: type) -> None:
    if model not in _ANSWER_MODELS:
        _ANSWER_MODELS.append(model)


def answer_pages():
    pages = Page.objects.live().filter(depth__gt=2)
    if _ANSWER_MODELS:
        pages = pages.type(*_ANSWER_MODELS)
    return pages


def search_answer_pages(query: str, *, limit: int = 10):
    query = " ".join((query or "").split())
    if len(query) < 2:
        return Page.objects.none()
    return answer_pages().filter(title__icontains=query).order_by("title")[:limit]


def readable_answer(ticket, person):
    """The ticket's answer page when `person` may read it; otherwise None."""
    if ticket.answer_page_id is None:
        return None
    for model in _ANSWER_MODELS:
        visible = getattr(model.objects, "visible_to", None)
        if visible is not None and visible(person).filter(pk=ticket.answer_page_id).exists():
            return ticket.answer_page
    return None
