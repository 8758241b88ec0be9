"""Demo knowledge base: six categories and twenty articles for every audience, with views,
votes, one article past its review date and one draft waiting in the review workflow.
Idempotent: a second run adds nothing."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.demo.world import DemoWorld

from ..models import ArticleStats, KnowledgeArticle, KnowledgeCategoryPage
from ..services import feedback_record
from ..structure import ensure_knowledge_structure
from .articles import ARTICLES, DRAFT, Spec

CATEGORIES = {
    "getting-started": ("Getting started", "Signing in, your account and finding your way."),
    "tickets": ("Tickets and support", "Opening, following and closing support requests."),
    "integrations": ("Integrations and API", "Connecting Samudra to your other systems."),
    "partners": ("Partner programme", "Deal registration, tiers, leads and marketing funds."),
    "internal": ("Internal procedures", "How we work at Samudra (employees only)."),
    "investors": ("Investor information", "Results, meetings and shareholder services."),
}

VOTES = [
    ("kb:customer", "customer", True, ""),
    ("kb:customer", "customer_admin", True, "Clear, thank you."),
    ("kb:customer", "other_customer", True, ""),
    ("kb:scanner-logout", "customer", True, "Fixed our handhelds in five minutes."),
    ("kb:scanner-logout", "acme_contact", False, "Our devices are managed; more detail please."),
    ("kb:sign-in", "multi", True, ""),
    ("kb:sign-in", "norole", True, ""),
    ("kb:api-keys", "partner", True, ""),
    ("kb:partner", "partner", True, ""),
    ("kb:partner", "other_partner", False, "Which fields are mandatory?"),
    ("kb:investor", "investor", True, ""),
    ("kb:employee", "employee", True, ""),
    ("kb:results", "analyst", True, "Useful links."),
]


@transaction.atomic
def seed(world: DemoWorld) -> None:
    index = ensure_knowledge_structure()
    categories = {}
    for slug, (title, summary) in CATEGORIES.items():
        category = KnowledgeCategoryPage.objects.filter(slug=slug).first()
        if category is None:
            category = index.add_child(
                instance=KnowledgeCategoryPage(title=title, slug=slug, summary=summary)
            )
            index.refresh_from_db()
        categories[slug] = category
        world.objects[f"kb-category:{slug}"] = category
    world.objects["kb:index"] = index
    for spec in ARTICLES:
        world.objects[spec.key] = _article(world, categories[spec.category], spec)
    world.objects[DRAFT.key] = _draft_in_review(world, categories[DRAFT.category], DRAFT)
    link_related(world)
    for key, who, helpful, comment in VOTES:
        article, person = world.objects[key], world.people[who]
        if not article.feedback.filter(person=person).exists():
            feedback_record(article=article, person=person, helpful=helpful, comment=comment)
    world.note("Knowledge base: /help/ (search at /help/search/)")


def _article(world: DemoWorld, category, spec: Spec, *, live: bool = True) -> KnowledgeArticle:
    article = KnowledgeArticle.objects.filter(title=spec.title).first()
    if article is not None:
        return article
    body = [("paragraph", f"<p>{text}</p>") for text in spec.paragraphs]
    if spec.code:
        body.append(("code", {"language": "bash", "code": spec.code}))
    owner = world.people[spec.owner]
    article = KnowledgeArticle(
        title=spec.title,
        summary=spec.summary,
        body=body,
        owner=owner,
        content_owner=owner,
        live=live,
        review_by=timezone.localdate() + timedelta(days=spec.review_in_days),
        **spec.audience,
    )
    article.tags.add(*spec.tags)
    if spec.organisations:
        article.organisations.set([world.orgs[key] for key in spec.organisations])
    if spec.tiers:
        article.partner_tiers.set([world.objects[f"tier:{slug}"] for slug in spec.tiers])
    category.add_child(instance=article)
    category.refresh_from_db()
    revision = article.save_revision(user=owner)
    if live:
        revision.publish(user=owner, skip_permission_checks=True)
        article.refresh_from_db()
        ArticleStats.objects.update_or_create(article=article, defaults={"views": spec.views})
    return article


def _draft_in_review(world: DemoWorld, category, spec: Spec) -> KnowledgeArticle:
    article = KnowledgeArticle.objects.filter(title=spec.title).first()
    if article is not None:
        return article
    article = _article(world, category, spec, live=False)
    workflow = article.get_workflow()
    if workflow is not None:
        workflow.start(article, world.people[spec.owner])
    return article


def link_related(world: DemoWorld) -> None:
    """Editors' related-article choices, published as a new revision of each article."""
    from ..models import RelatedArticle

    chosen = {
        "kb:customer": ("kb:attachments", "kb:employee"),  # employee-only: hidden from customers
        "kb:scanner-logout": ("kb:attachments",),
        "kb:api-keys": ("kb:webhooks",),
        "kb:partner": ("kb:partner-gold", "kb:mdf"),
    }
    for key, related_keys in chosen.items():
        article = world.objects[key]
        if article.related_links.exists():
            continue
        article.related_links = [
            RelatedArticle(related=world.objects[other], sort_order=order)
            for order, other in enumerate(related_keys)
        ]
        article.save_revision(user=article.content_owner).publish(
            user=article.content_owner, skip_permission_checks=True
        )
