"""Turning a ticket's answer into a draft knowledge-base article, in one step."""

from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from core.access import knowledge as knowledge_access
from core.access.tickets import ticket_agent_required
from core.knowledge.services import article_draft_from_ticket

from .ticket_views import get_ticket


@ticket_agent_required
@require_POST
def draft_article(request, reference: str):
    """Creates a draft article (never published) from the ticket's public answer and opens
    it in Wagtail, where the agent finishes it and submits it for review."""
    ticket = get_ticket(request, reference)
    if not knowledge_access.may_draft_from_ticket(request.user, ticket):
        raise Http404
    article = article_draft_from_ticket(ticket=ticket, by=request.user)
    return redirect("wagtailadmin_pages:edit", article.pk)
