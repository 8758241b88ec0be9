"""Editors: the "Knowledge review" workflow holds every new article for a content editor,
the stale-review job reminds owners once per period, and agents turn a ticket's answer into
a draft article in one step."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from core import approvals
from core.access.roles import Duty, Role
from core.knowledge.models import KnowledgeArticle, ReviewReminder
from core.knowledge.services import stale_reviews_flag
from core.knowledge.structure import WORKFLOW_NAME, ensure_knowledge_structure
from core.notifications.models import OutboundEmail
from core.tickets.lifecycle import Side
from core.tickets.services import ticket_reply
from tests.factories import person_with
from tests.tickets.factories import customer, open_ticket, support_desk

from .factories import article, category

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return person_with(Role.EMPLOYEE, duties=(Duty.CONTENT_EDITOR,))


def submit(page, by):
    page.save_revision(user=by)
    return page.get_workflow().start(page, by)


# --- the review workflow --------------------------------------------------------------------
def test_articles_go_through_the_knowledge_review_workflow():
    page = article(live=False)
    assert page.get_workflow().name == WORKFLOW_NAME
    assert ensure_knowledge_structure().pk == page.get_parent().get_parent().pk
    ensure_knowledge_structure()  # idempotent
    workflow = page.get_workflow()
    assert [t.specific.groups.get().name for t in workflow.tasks] == [Duty.CONTENT_EDITOR.value]


def test_a_submitted_article_waits_in_the_editors_approvals_inbox_until_approved(editor):
    author = person_with(Role.EMPLOYEE, duties=(Duty.AGENT,))
    page = article(title="Printing labels", live=False)
    state = submit(page, author)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not KnowledgeArticle.objects.visible_to(author).filter(pk=page.pk).exists()

    inbox = approvals.inbox_for(editor)
    items = [i for i in inbox.items if i.provider == "wagtail-moderation"]
    assert [i.title for i in items] == ["Printing labels"]
    assert approvals.inbox_for(author).counts.get("wagtail-moderation", 0) == 0

    approvals.decide(
        editor, provider_key="wagtail-moderation", item_id=items[0].item_id, approve=True, reason=""
    )
    page.refresh_from_db()
    state.refresh_from_db()
    assert page.live and state.status == WorkflowState.STATUS_APPROVED
    assert KnowledgeArticle.objects.visible_to(author).filter(pk=page.pk).exists()


def test_a_rejected_article_stays_unpublished(editor):
    page = article(live=False)
    state = submit(page, person_with(Role.EMPLOYEE, duties=(Duty.AGENT,)))
    task_state = TaskState.objects.get(workflow_state=state)
    approvals.decide(
        editor,
        provider_key="wagtail-moderation",
        item_id=str(task_state.pk),
        approve=False,
        reason="Add the driver version, please.",
    )
    page.refresh_from_db()
    state.refresh_from_db()
    assert not page.live and state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_an_article_needs_an_audience():
    from django.core.exceptions import ValidationError

    page = KnowledgeArticle(title="Nobody", summary="x", body=[])
    with pytest.raises(ValidationError):
        page.clean()


# --- stale reviews --------------------------------------------------------------------------
def _stale(owner, days_over=3, **kwargs):
    page = article(**kwargs)
    page.content_owner = owner
    page.review_by = timezone.localdate() - timedelta(days=days_over)
    page.save_revision().publish()
    return KnowledgeArticle.objects.get(pk=page.pk)


@override_settings(KNOWLEDGE_REVIEW_REMINDER_EVERY_DAYS=14)
def test_the_owner_is_reminded_once_per_period(editor):
    page = _stale(editor)
    fresh = article()
    fresh.review_by = timezone.localdate() + timedelta(days=30)
    fresh.save_revision().publish()
    today = timezone.localdate()
    assert stale_reviews_flag(today=today) == 1
    assert stale_reviews_flag(today=today) == 0
    assert stale_reviews_flag(today=today + timedelta(days=5)) == 0
    emails = OutboundEmail.objects.filter(to=editor.email)
    assert emails.count() == 1
    assert page.title in emails.get().subject
    assert stale_reviews_flag(today=today + timedelta(days=14)) == 1  # the next period
    assert OutboundEmail.objects.filter(to=editor.email).count() == 2


def test_a_new_review_date_ends_the_reminders(editor):
    page = _stale(editor)
    assert stale_reviews_flag() == 1
    page.review_by = timezone.localdate() + timedelta(days=180)
    page.save_revision().publish()
    assert stale_reviews_flag() == 0
    assert ReviewReminder.objects.count() == 1


def test_the_reader_sees_a_stale_article_marked(client, editor):
    page = _stale(editor)
    assert "may be out of date" in client.get(page.url).content.decode()


def test_the_periodic_job_is_scheduled():
    from django_celery_beat.models import PeriodicTask

    from core.scheduling.defaults import ensure_periodic_tasks

    ensure_periodic_tasks()
    tasks = set(PeriodicTask.objects.values_list("task", flat=True))
    assert {
        "core.knowledge.tasks.flag_stale_reviews",
        "core.knowledge.tasks.flush_article_views",
    } <= tasks


# --- drafts from tickets --------------------------------------------------------------------
@pytest.fixture
def answered_ticket():
    desk = support_desk()
    requester = customer()
    ticket = open_ticket(requester, subject="Scanner keeps logging out")
    ticket_reply(ticket=ticket, author=requester, side=Side.REQUESTER, body="Any news?")
    ticket_reply(
        ticket=ticket,
        author=desk.agent,
        side=Side.AGENT,
        body="Internal: check the MDM profile.",
        internal=True,
    )
    ticket_reply(
        ticket=ticket,
        author=desk.agent,
        side=Side.AGENT,
        body="Turn on automatic time <b>in Android</b>.\n\nThen sign in again.",
    )
    return desk, ticket


def test_an_agent_turns_the_answer_into_a_draft_in_one_step(client, answered_ticket):
    desk, ticket = answered_ticket
    category("Tickets and support")
    client.force_login(desk.agent)
    response = client.post(reverse("employee:work-ticket-draft-article", args=[ticket.reference]))
    draft = KnowledgeArticle.objects.get(source_ticket=ticket)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert not draft.live and draft.title == "Scanner keeps logging out"
    assert draft.for_customers and not draft.for_public
    assert draft.content_owner == desk.agent
    html = str(draft.body)
    assert "Turn on automatic time &lt;b&gt;in Android&lt;/b&gt;." in html
    assert "Then sign in again." in html and "MDM" not in html
    assert draft.get_latest_revision() is not None
    # The agent opens the draft in Wagtail's editor (agents may add and edit their own
    # articles there; publishing stays with the review workflow).
    editing = client.get(response["Location"])
    assert editing.status_code == 200


def test_only_agents_of_the_queue_draft_articles_and_only_by_post(client, answered_ticket):
    _desk, ticket = answered_ticket
    url = reverse("employee:work-ticket-draft-article", args=[ticket.reference])
    client.force_login(person_with(Role.EMPLOYEE))
    assert client.post(url).status_code == 404
    client.force_login(person_with(Role.CUSTOMER))
    assert client.post(url).status_code == 404
    assert not KnowledgeArticle.objects.filter(source_ticket=ticket).exists()
