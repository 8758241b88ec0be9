"""Each article reaches its audience only, in every place an article can appear: the
queryset, the knowledge home, category pages, search, related articles, the ticket form's
suggestions and the article's own address, for every kind of person (multi-role included)."""

import pytest
from django.test import Client
from django.urls import reverse

from core.knowledge import selectors
from core.knowledge.demo.articles import ARTICLES
from core.knowledge.models import KnowledgeArticle
from core.tickets.deflection import suggest

pytestmark = pytest.mark.django_db

PUBLIC = {"kb:sign-in", "kb:public", "kb:two-factor", "kb:results"}
CUSTOMER = {
    "kb:customer",
    "kb:scanner-logout",
    "kb:attachments",
    "kb:api-keys",
    "kb:webhooks",
    "kb:data-protection",
}
SINAR_JAYA = {"kb:sinarjaya"}
PARTNER = {"kb:api-keys", "kb:webhooks", "kb:partner", "kb:mdf", "kb:data-protection"}
GOLD = {"kb:partner-gold"}
EMPLOYEE = {"kb:employee", "kb:expenses", "kb:stale", "kb:data-protection"}
INVESTOR = {"kb:investor", "kb:agm", "kb:results", "kb:data-protection"}

READS = {
    "anonymous": PUBLIC,
    "customer": PUBLIC | CUSTOMER | SINAR_JAYA,
    "customer_admin": PUBLIC | CUSTOMER | SINAR_JAYA,
    "other_customer": PUBLIC | CUSTOMER,
    "partner": PUBLIC | PARTNER | GOLD,
    "other_partner": PUBLIC | PARTNER,
    "employee": PUBLIC | EMPLOYEE,
    "agent": PUBLIC | EMPLOYEE,
    "channel_manager": PUBLIC | EMPLOYEE,  # his partner role has ended
    "ir_officer": PUBLIC | EMPLOYEE,
    "content_editor": PUBLIC | EMPLOYEE,
    "investor": PUBLIC | INVESTOR,
    "multi": PUBLIC | CUSTOMER | PARTNER | GOLD | INVESTOR,  # Acme customer, Gold partner
    "norole": PUBLIC,
}
ALL = {spec.key for spec in ARTICLES}
KINDS = list(READS)


def person(world, kind):
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser() if kind == "anonymous" else world.people[kind]


def client_for(world, kind) -> Client:
    client = Client()
    if kind != "anonymous":
        client.force_login(world.people[kind])
    return client


def hidden_titles(world, kind) -> list[str]:
    hidden = (ALL - READS[kind]) | {"kb:in-review"}
    return [world.objects[key].title for key in hidden]


def assert_none_shown(html: str, titles: list[str]) -> None:
    leaked = [title for title in titles if title in html]
    assert not leaked, f"shown but not readable: {leaked}"


@pytest.mark.parametrize("kind", KINDS)
def test_visible_to_is_exactly_the_audience(kind, module_world, db):
    found = set(
        KnowledgeArticle.objects.visible_to(person(module_world, kind)).values_list("pk", flat=True)
    )
    assert found == {module_world.objects[key].pk for key in READS[kind]}


@pytest.mark.parametrize("kind", KINDS)
def test_home_and_category_pages_list_and_count_only_readable_articles(kind, module_world, db):
    client = client_for(module_world, kind)
    hidden = hidden_titles(module_world, kind)
    home = client.get(module_world.objects["kb:index"].url)
    assert home.status_code == 200
    assert_none_shown(home.content.decode(), hidden)
    counted = sum(n for _category, n in home.context["categories"])
    assert counted == len(READS[kind])
    for slug in ("getting-started", "tickets", "integrations", "partners", "internal", "investors"):
        page = client.get(module_world.objects[f"kb-category:{slug}"].url)
        assert page.status_code == 200
        assert_none_shown(page.content.decode(), hidden)


@pytest.mark.parametrize("kind", KINDS)
def test_search_finds_only_readable_articles(kind, module_world, db):
    client = client_for(module_world, kind)
    hidden = hidden_titles(module_world, kind)
    for words in ("partner deal tier leads", "ticket scanner warehouse", "dividend laptop VPN"):
        response = client.get(reverse("knowledge:search"), {"q": words})
        assert response.status_code == 200
        assert_none_shown(response.content.decode(), hidden)
        pks = {hit.article.pk for hit in response.context["page_obj"].hits}
        assert pks <= {module_world.objects[key].pk for key in READS[kind]}


@pytest.mark.parametrize("kind", KINDS)
def test_suggestions_on_the_ticket_form_offer_only_readable_articles(kind, module_world, db):
    who = person(module_world, kind)
    readable_urls = {module_world.objects[key].url for key in READS[kind]}
    for key in ALL:
        for suggestion in suggest(who, module_world.objects[key].title):
            assert suggestion.url in readable_urls


@pytest.mark.parametrize("kind", KINDS)
def test_related_articles_leave_out_what_the_reader_may_not_read(kind, module_world, db):
    who = person(module_world, kind)
    readable = {module_world.objects[key].pk for key in READS[kind]}
    for key in READS[kind]:
        related = selectors.related_articles(who, module_world.objects[key])
        assert {a.pk for a in related} <= readable - {module_world.objects[key].pk}


def test_the_editors_related_choice_shows_to_those_who_may_read_it(module_world, db):
    customer_article = module_world.objects["kb:customer"]
    employee_article = module_world.objects["kb:employee"]
    assert employee_article in [r.related for r in customer_article.related_links.all()]
    for_siti = selectors.related_articles(module_world.people["customer"], customer_article)
    assert module_world.objects["kb:attachments"] in for_siti
    assert employee_article not in for_siti
    page = client_for(module_world, "customer").get(customer_article.url)
    assert employee_article.title not in page.content.decode()


@pytest.mark.parametrize("kind", KINDS)
def test_an_unreadable_article_answers_404_and_anonymous_visitors_sign_in(kind, module_world, db):
    client = client_for(module_world, kind)
    for key in sorted(ALL - READS[kind]):
        response = client.get(module_world.objects[key].url)
        expected = 302 if kind == "anonymous" else 404
        assert response.status_code == expected, key
        if kind == "anonymous":
            assert "/accounts/login/" in response["Location"]
    for key in sorted(READS[kind]):
        assert client.get(module_world.objects[key].url).status_code == 200, key


def test_a_draft_in_review_is_nowhere_for_readers(module_world, db):
    draft = module_world.objects["kb:in-review"]
    assert not draft.live
    siti = module_world.people["customer"]
    assert not KnowledgeArticle.objects.visible_to(siti).filter(pk=draft.pk).exists()
    response = client_for(module_world, "customer").get("/help/tickets/" + draft.slug + "/")
    assert response.status_code == 404


def test_the_site_has_no_sitemap_or_feed_that_could_list_articles():
    """If one is added, it must list KnowledgeArticle.objects.visible_to(anonymous) only."""
    from django.conf import settings

    assert "wagtail.contrib.sitemaps" not in settings.INSTALLED_APPS
    assert "django.contrib.syndication" not in settings.INSTALLED_APPS
