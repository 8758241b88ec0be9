"""Who may read which knowledge-base article: ONE filter, applied in the database.

An article is for the public and/or for any of the four roles. The role audience may be
narrowed to named organisations and/or partner tiers; then a role counts only where the
person holds it at one of those organisations, or (partners) at a firm of one of those tiers.
A person reads an article when it is live and ANY of their current role assignments matches
(or it is public). Everything that lists, counts, searches, relates, suggests or serves
articles goes through `article_visibility` (KnowledgeArticle.objects.visible_to), so what a
person may not read never appears anywhere and its address answers 404.
"""

from collections import defaultdict

from django.apps import apps
from django.db.models import Exists, OuterRef, Q

from . import policies
from .roles import Role

# The article's audience flag for each role.
ROLE_FLAGS = {
    Role.CUSTOMER: "for_customers",
    Role.PARTNER: "for_partners",
    Role.EMPLOYEE: "for_employees",
    Role.INVESTOR: "for_investors",
}


def _through(field: str):
    model = apps.get_model("knowledge", "KnowledgeArticle")
    return model._meta.get_field(field).remote_field.through


def _held(person) -> dict[Role, tuple[set[int], set[int]]]:
    """Each role the person holds now, with the organisations and (partners) the firms'
    tiers they hold it at: all that decides which articles they read."""
    held: dict[Role, tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    if person is None or not person.is_authenticated or not person.is_active:
        return held
    for assignment in policies.current_assignments(person):
        org_ids, tier_ids = held[Role(assignment.role)]
        if assignment.organisation_id:
            org_ids.add(assignment.organisation_id)
            if assignment.role == Role.PARTNER and assignment.organisation.partner_tier_id:
                tier_ids.add(assignment.organisation.partner_tier_id)
    return held


def narrowing_ids() -> tuple[set[int], set[int]]:
    """The organisations and the partner tiers some article's audience is narrowed to."""
    return (
        set(_through("organisations").objects.values_list("organisation_id", flat=True)),
        set(_through("partner_tiers").objects.values_list("partnertier_id", flat=True)),
    )


def audience_key(person, narrowing: tuple[set[int], set[int]]) -> str:
    """Equal for two people when `article_visibility` lets them read the same articles:
    what may be shared between them in a cache of the knowledge base's reads. Given
    `narrowing_ids()`, organisations and tiers no article names are left out, so every
    customer of such organisations shares one key."""
    named_orgs, named_tiers = narrowing
    return ";".join(
        f"{role}:{sorted(orgs & named_orgs)}:{sorted(tiers & named_tiers)}"
        for role, (orgs, tiers) in sorted(_held(person).items())
    )


def article_visibility(person) -> Q:
    """The audience part of visibility (the caller adds `live`)."""
    audience = Q(for_public=True)
    held = _held(person)
    if not held:
        return audience
    organisations = _through("organisations")
    tiers = _through("partner_tiers")
    not_narrowed = ~Exists(organisations.objects.filter(knowledgearticle=OuterRef("pk"))) & ~Exists(
        tiers.objects.filter(knowledgearticle=OuterRef("pk"))
    )
    for role, (org_ids, tier_ids) in held.items():
        match = Q(not_narrowed)
        if org_ids:
            match |= Q(
                Exists(
                    organisations.objects.filter(
                        knowledgearticle=OuterRef("pk"), organisation_id__in=sorted(org_ids)
                    )
                )
            )
        if tier_ids:
            match |= Q(
                Exists(
                    tiers.objects.filter(
                        knowledgearticle=OuterRef("pk"), partnertier_id__in=sorted(tier_ids)
                    )
                )
            )
        audience |= Q(**{ROLE_FLAGS[role]: True}) & match
    return audience


def may_read(person, article) -> bool:
    return type(article).objects.visible_to(person).filter(pk=article.pk).exists()


def readable_by_some_role(article) -> bool:
    """Whether signing in could open the article (anonymous visitors are sent to sign in
    only then; otherwise the address answers 404 like any missing page)."""
    return any(getattr(article, flag) for flag in ROLE_FLAGS.values())


def may_give_feedback(person, article) -> bool:
    return person.is_authenticated and may_read(person, article)


def may_draft_from_ticket(person, ticket) -> bool:
    """Agents of the ticket's queue turn its answer into a draft article."""
    from .tickets import may_work

    return person.is_authenticated and may_work(person, ticket)
