"""'Was this helpful?': one vote per person per article, changeable, only on articles the
person may read; htmx gets the panel, a plain form gets the page back. Views are counted
without a write per view."""

import pytest
from django.test import override_settings
from django.urls import reverse

from core.access.roles import Role
from core.knowledge.models import ArticleFeedback, ArticleStats
from core.knowledge.services import article_view_record, feedback_record, views_flush
from tests.factories import person_with

from .factories import article

pytestmark = pytest.mark.django_db


def stats(page) -> ArticleStats:
    return ArticleStats.objects.get(article=page)


def vote(client, page, helpful: str, comment: str = "", **headers):
    return client.post(
        reverse("knowledge:feedback", args=[page.pk]),
        {"helpful": helpful, "comment": comment},
        **headers,
    )


def test_a_vote_is_counted_once_and_can_be_changed(client):
    page = article(for_customers=True)
    siti = person_with(Role.CUSTOMER)
    client.force_login(siti)
    assert vote(client, page, "yes").status_code == 302
    assert vote(client, page, "yes", "Still good").status_code == 302
    assert (stats(page).helpful_yes, stats(page).helpful_no) == (1, 0)
    assert vote(client, page, "no", "Outdated screenshots").status_code == 302
    assert (stats(page).helpful_yes, stats(page).helpful_no) == (0, 1)
    feedback = ArticleFeedback.objects.get()
    assert (feedback.person, feedback.helpful, feedback.comment) == (
        siti,
        False,
        "Outdated screenshots",
    )


def test_votes_of_different_people_add_up(client):
    page = article()
    for helpful in (True, True, False):
        feedback_record(article=page, person=person_with(Role.CUSTOMER), helpful=helpful)
    assert (stats(page).helpful_yes, stats(page).helpful_no) == (2, 1)


def test_nobody_votes_on_an_article_they_may_not_read(client):
    page = article(for_employees=True)
    client.force_login(person_with(Role.CUSTOMER))
    assert vote(client, page, "yes").status_code == 404
    assert not ArticleFeedback.objects.exists()


def test_anonymous_visitors_are_asked_to_sign_in_before_voting(client):
    page = article(for_public=True)
    response = vote(client, page, "yes")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not ArticleFeedback.objects.exists()


def test_htmx_gets_the_feedback_panel_back(client):
    page = article()
    client.force_login(person_with(Role.PARTNER))
    response = vote(client, page, "yes", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "knowledge/_feedback.html"
    assert "Thank you for your feedback." in response.content.decode()


def test_a_vote_without_yes_or_no_keeps_the_comment_typed(client):
    page = article()
    client.force_login(person_with(Role.CUSTOMER))
    response = vote(client, page, "maybe", "The second step fails for me")
    assert response.status_code == 400
    assert "The second step fails for me" in response.content.decode()
    assert not ArticleFeedback.objects.exists()


def test_the_article_page_shows_the_persons_own_vote(client):
    page = article()
    siti = person_with(Role.CUSTOMER)
    feedback_record(article=page, person=siti, helpful=True)
    client.force_login(siti)
    html = client.get(page.url).content.decode()
    assert "You found this helpful." in html and "Change my answer" in html


def test_each_view_is_counted(client):
    page = article()
    for _ in range(3):
        assert client.get(page.url).status_code == 200
    assert stats(page).views == 3


@override_settings(KNOWLEDGE_VIEWS_FLUSH_EVERY=5)
def test_views_reach_the_table_in_batches_and_the_periodic_flush_takes_the_rest():
    page = article()
    for _ in range(7):
        article_view_record(article_id=page.pk)
    assert stats(page).views == 5  # one UPDATE at the fifth view
    assert views_flush() == 2
    assert stats(page).views == 7
    assert views_flush() == 0
    assert stats(page).views == 7


def test_a_refused_view_is_not_counted(client):
    page = article(for_investors=True)
    client.force_login(person_with(Role.CUSTOMER))
    assert client.get(page.url).status_code == 404
    assert not ArticleStats.objects.filter(article=page, views__gt=0).exists()


def test_popular_and_most_helpful_follow_views_and_votes():
    from core.knowledge.selectors import most_helpful, popular

    read_often, liked = article(title="Read often"), article(title="Liked")
    ArticleStats.objects.update_or_create(article=read_often, defaults={"views": 50})
    ArticleStats.objects.update_or_create(article=liked, defaults={"views": 5})
    feedback_record(article=liked, person=person_with(Role.CUSTOMER), helpful=True)
    anonymous = person_with()
    assert [a.title for a in popular(anonymous)] == ["Read often", "Liked"]
    assert [a.title for a in most_helpful(anonymous)] == ["Liked"]


def test_customer_360_shows_feedback_on_articles_the_employee_may_read(client):
    from core import customer360

    customer_page = article(title="Customer only", for_customers=True)
    public_page = article(title="Public note", for_public=True)
    dewi = person_with(Role.CUSTOMER)
    feedback_record(article=customer_page, person=dewi, helpful=False, comment="Too short")
    feedback_record(article=public_page, person=dewi, helpful=True)
    joko = person_with(Role.EMPLOYEE)
    sections = customer360.sections_for(dewi, customer360.PERSON, viewer=joko)
    section = next(s for s in sections if s.key == "knowledge-feedback")
    assert [r.title for r in section.rows] == ["Public note"] and section.total == 1
