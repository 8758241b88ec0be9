"""Writes of the knowledge base: feedback, view counts, drafts from tickets, review reminders."""

from datetime import date, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from core.access.knowledge import ROLE_FLAGS
from core.access.roles import Role
from core.notifications.services import email_queue_templated

from .models import (
    ArticleFeedback,
    ArticleStats,
    KnowledgeArticle,
    KnowledgeCategoryPage,
    ReviewReminder,
)

VIEW_KEY = "knowledge:views:{}"
VIEW_IDS_KEY = "knowledge:views:pending"


# --- feedback -------------------------------------------------------------------------------
def _stats(article_id: int) -> None:
    ArticleStats.objects.get_or_create(article_id=article_id)


@transaction.atomic
def feedback_record(
    *, article: KnowledgeArticle, person, helpful: bool, comment: str = ""
) -> ArticleFeedback:
    """One vote per person per article; voting again changes the vote (and the counters)."""
    _stats(article.pk)
    stats = ArticleStats.objects.select_for_update().get(article_id=article.pk)
    now = timezone.now()
    existing = (
        ArticleFeedback.objects.select_for_update().filter(article=article, person=person).first()
    )
    if existing is None:
        try:
            with transaction.atomic():
                existing = ArticleFeedback.objects.create(
                    article=article, person=person, helpful=helpful, comment=comment.strip()
                )
        except IntegrityError:  # the same person voting twice at once: the row lock decides
            existing = ArticleFeedback.objects.select_for_update().get(
                article=article, person=person
            )
        else:
            field = "helpful_yes" if helpful else "helpful_no"
            ArticleStats.objects.filter(pk=stats.pk).update(**{field: F(field) + 1})
            return existing
    if existing.helpful != helpful:
        old, new = ("helpful_no", "helpful_yes") if helpful else ("helpful_yes", "helpful_no")
        ArticleStats.objects.filter(pk=stats.pk).update(**{old: F(old) - 1, new: F(new) + 1})
    existing.helpful = helpful
    existing.comment = comment.strip()
    existing.updated_at = now
    existing.save(update_fields=["helpful", "comment", "updated_at"])
    return existing


# --- views ----------------------------------------------------------------------------------
def article_view_record(*, article_id: int) -> None:
    """Count a view without writing to the database on every request: the count goes to the
    cache (atomic in Redis) and reaches the table every KNOWLEDGE_VIEWS_FLUSH_EVERY views, or
    when the periodic flush runs, in one UPDATE."""
    key = VIEW_KEY.format(article_id)
    try:
        pending = cache.incr(key)
    except ValueError:
        if cache.add(key, 1, timeout=None):
            pending = 1
        else:
            pending = cache.incr(key)
        ids = cache.get(VIEW_IDS_KEY) or set()
        if article_id not in ids:
            cache.set(VIEW_IDS_KEY, {*ids, article_id}, timeout=None)
    if pending == settings.KNOWLEDGE_VIEWS_FLUSH_EVERY:
        _flush(article_id, pending)


def _flush(article_id: int, count: int) -> None:
    if count <= 0:
        return
    cache.decr(VIEW_KEY.format(article_id), count)
    if not ArticleStats.objects.filter(article_id=article_id).update(views=F("views") + count):
        if KnowledgeArticle.objects.filter(pk=article_id).exists():
            ArticleStats.objects.get_or_create(article_id=article_id)
            ArticleStats.objects.filter(article_id=article_id).update(views=F("views") + count)


def views_flush() -> int:
    """Move every pending count into the table (the periodic job; safe to run any time)."""
    flushed = 0
    for article_id in sorted(cache.get(VIEW_IDS_KEY) or ()):
        pending = cache.get(VIEW_KEY.format(article_id)) or 0
        if pending > 0:
            _flush(article_id, pending)
            flushed += pending
    return flushed


# --- drafts from tickets --------------------------------------------------------------------
def ticket_public_answer(ticket) -> str:
    """The last public reply by someone other than the requester."""
    message = (
        ticket.messages.filter(is_internal=False)
        .exclude(author_id=ticket.requester_id)
        .order_by("-created_at", "-id")
        .first()
    )
    return message.body if message is not None else ""


@transaction.atomic
def article_draft_from_ticket(*, ticket, by) -> KnowledgeArticle:
    """A draft article (never live) holding the ticket's public answer, for the ticket's
    audience, owned by the agent, linking back to the ticket. Editors finish and publish it
    through the review workflow."""
    category = KnowledgeCategoryPage.objects.order_by("path").first()
    if category is None:
        from .structure import ensure_knowledge_base

        index = ensure_knowledge_base()
        category = index.add_child(instance=KnowledgeCategoryPage(title="Drafts", live=False))
    answer = ticket_public_answer(ticket) or ticket.description
    paragraphs = [p.strip() for p in answer.replace("\r\n", "\n").split("\n\n") if p.strip()]
    body = [
        ("paragraph", "<p>" + escape(p).replace("\n", "<br>") + "</p>") for p in paragraphs
    ] or [("paragraph", "<p></p>")]
    role = Role(ticket.portal)
    article = KnowledgeArticle(
        title=ticket.subject[:255],
        summary=" ".join(answer.split())[:297] + ("…" if len(answer) > 297 else ""),
        body=body,
        live=False,
        owner=by,
        content_owner=by,
        source_ticket=ticket,
        review_by=timezone.localdate() + timedelta(days=settings.KNOWLEDGE_REVIEW_AFTER_DAYS),
        **{ROLE_FLAGS[role]: True},
    )
    category.add_child(instance=article)
    article.save_revision(user=by, log_action=True)
    return article


# --- stale reviews --------------------------------------------------------------------------
def _period(review_by: date, today: date) -> int:
    return (today - review_by).days // settings.KNOWLEDGE_REVIEW_REMINDER_EVERY_DAYS


def stale_reviews_flag(*, today: date | None = None) -> int:
    """E-mail each owner of an article past its review date, once per reminder period
    (KNOWLEDGE_REVIEW_REMINDER_EVERY_DAYS): the reminder row and the outbox key make a
    second run, or two at once, send nothing twice. Returns how many were sent."""
    today = today or timezone.localdate()
    stale = (
        KnowledgeArticle.objects.live()
        .filter(review_by__lt=today)
        .select_related("content_owner", "owner")
        .order_by("pk")
    )
    sent = 0
    for article in stale.iterator(chunk_size=500):
        owner = article.content_owner or article.owner
        period = _period(article.review_by, today)
        with transaction.atomic():
            reminder, created = ReviewReminder.objects.get_or_create(
                article=article,
                review_by=article.review_by,
                period=period,
                defaults={"sent_to": owner.email if owner else ""},
            )
            if not created or owner is None or not owner.email:
                continue
            email_queue_templated(
                to=owner.email,
                template="knowledge_review_due",
                language=getattr(owner, "language", None) or None,
                context={
                    "owner": owner,
                    "article": article,
                    "days_over": (today - article.review_by).days,
                    "edit_url": settings.SITE_URL.rstrip("/")
                    + reverse("wagtailadmin_pages:edit", args=[article.pk]),
                },
                key=f"knowledge-review:{article.pk}:{article.review_by}:{period}",
            )
            sent += 1
    return sent
